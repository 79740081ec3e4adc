import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connect.js';
import { forbidden, unauthorized } from '../../lib/errors.js';
import { findLiveSession } from './auth.repository.js';
import { CSRF_HEADER, SESSION_COOKIE, sessionIdOf } from './session-token.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/* Signing in replaces whatever session the browser had, so it needs no token of the old one. */
const csrfExemptRoutes = new Set(['/api/v1/auth/login', '/api/v1/portal/login']);
/* API routes that answer without a session; every other /api/v1 route needs one. */
const publicRoutes = new Set(['/api/v1/auth/login', '/api/v1/health', '/api/v1/portal/login']);

/** Whether a matched route needs a signed-in actor; checked before validation, so no session is 401, not 400. */
function needsSession(routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && routeUrl.startsWith('/api/v1/') && !publicRoutes.has(routeUrl);
}

/**
 * Resolves the session cookie to an actor on every request. An unsafe request that rides on the
 * cookie must repeat the session's CSRF token in a header, which a foreign page cannot read.
 */
export function registerSessions(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findLiveSession(db, sessionIdOf(token)) : undefined;
    if (!session) {
      if (needsSession(request.routeOptions.url)) throw unauthorized();
      return;
    }
    const needsCsrf =
      !safeMethods.has(request.method) && !csrfExemptRoutes.has(request.routeOptions.url ?? '');
    if (needsCsrf && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw forbidden('csrf');
    }
    request.actor = {
      userId: session.userId,
      login: session.login,
      role: session.role,
      partnerId: session.partnerId,
      partnerPath: session.partnerPath ?? [],
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    };
  });
}
