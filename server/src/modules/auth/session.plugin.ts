import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connect.js';
import { forbidden, unauthorized } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { findLiveSession, touchSession } from './auth.repository.js';
import { checkRouteAccess, type RouteAccess } from './policies.js';
import { CSRF_HEADER, SESSION_COOKIE, sessionIdOf } from './session-token.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (policies.ts); routes without it need a signed-in user. */
    access?: RouteAccess;
    /**
     * Callable by a user who must still enrol in two-factor sign-in (its partner requires it): who it
     * is, signing out, and the enrolment itself. Every other route answers 403 until it has enrolled.
     */
    openDuringTwoFactorEnrolment?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in user of a route that is not public; reading it on a public route without one is a 401. */
    readonly actor: Actor;
    /** The signed-in user, if any: what public routes may look at. */
    signedIn: Actor | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie to an actor on every request of the routes registered in `app` (the
 * API). A route is public only when its config says `access: 'public'`; every other one needs a live
 * session, checked before validation so that no session is 401, not 400. An unsafe request that rides
 * on the cookie must repeat the session's CSRF token in a header, which a foreign page cannot read;
 * public routes act on no session (signing in replaces whatever the browser had), so they need none.
 * The route's access (super administrator only) is checked after validation, as the services did.
 */
export function registerSessions(app: FastifyInstance, db: Db, options: { idleMinutes: number }) {
  // The OpenAPI document says so too: a public route asks for no session.
  app.addHook('onRoute', (route) => {
    if (route.config?.access === 'public' && route.schema) route.schema.security = [];
  });
  app.decorateRequest('signedIn', null);
  app.decorateRequest('actor', {
    getter(this: { signedIn: Actor | null }) {
      if (!this.signedIn) throw unauthorized();
      return this.signedIn;
    },
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'signed-in';
    const token = request.cookies[SESSION_COOKIE];
    // A session unused for idleMinutes has ended, as one past its 12 hours has.
    const session = token ? await findLiveSession(db, sessionIdOf(token), options.idleMinutes) : undefined;
    if (!session) {
      if (access !== 'public') throw unauthorized();
      return;
    }
    const needsCsrf = access !== 'public' && !safeMethods.has(request.method);
    if (needsCsrf && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw forbidden('csrf');
    }
    if (
      access !== 'public' &&
      session.twoFactorEnrolmentPending &&
      request.routeOptions.config.openDuringTwoFactorEnrolment !== true
    ) {
      throw forbidden('two_factor_enrolment_required');
    }
    // At most one write a minute per session, not one per request.
    if (session.stale) await touchSession(db, session.sessionId);
    request.signedIn = {
      userId: session.userId,
      login: session.login,
      role: session.role,
      partnerId: session.partnerId,
      partnerPath: session.partnerPath ?? [],
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    };
  });
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access ?? 'signed-in';
    if (access !== 'public') checkRouteAccess(access, request.actor);
  });
}
