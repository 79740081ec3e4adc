import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.js';
import { forbidden, unauthorized } from '../../lib/errors.js';
import { rightsOfUser, type Actor } from './actor.js';
import { findLiveApiToken, findLiveSession, touchApiToken, touchSession } from './auth.repository.js';
import { checkRight, checkRouteAccess, type RouteAccess } from './policies.js';
import { normaliseRights, type RouteRight } from './rights.js';
import { CSRF_HEADER, SAFE_METHODS, SESSION_COOKIE, sessionIdOf } from './session-token.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (policies.ts); routes without it need a signed-in user. */
    access?: RouteAccess;
    /** The right the route needs (rights.ts); every route that needs a user declares one. */
    right?: RouteRight;
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

const BEARER = /^Bearer\s+(\S+)$/i;

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/**
 * A user whose partner requires two-factor sign-in and who has not enrolled yet may only enrol (and
 * see who it is, and sign out): every other route answers 403 until it has — with a session or a token.
 */
function checkEnrolment(pending: boolean, request: FastifyRequest) {
  if (pending && request.routeOptions.config.openDuringTwoFactorEnrolment !== true) {
    throw forbidden('two_factor_enrolment_required');
  }
}

/** The actor of an API token: its owner, holding the token's rights that the owner still holds. */
async function actorOfToken(db: Db, token: string, request: FastifyRequest): Promise<Actor | null> {
  const found = await findLiveApiToken(db, sessionIdOf(token));
  if (!found) return null;
  checkEnrolment(found.twoFactorEnrolmentPending, request);
  if (found.stale) await touchApiToken(db, found.tokenId);
  const owner = new Set(rightsOfUser(found.role, found.rights));
  return {
    userId: found.userId,
    login: found.login,
    role: found.role,
    partnerId: found.partnerId,
    partnerPath: found.partnerPath ?? [],
    rights: new Set(normaliseRights(found.tokenRights).filter((right) => owner.has(right))),
    sessionId: null,
    csrfToken: null,
    apiTokenId: found.tokenId,
  };
}

/**
 * The caller of a request that sends an API token (`Authorization: Bearer`): undefined without one,
 * 401 for a token that is not live. Besides the API, what authenticates machines by token (/metrics).
 */
export async function apiTokenCallerOf(db: Db, request: FastifyRequest): Promise<Actor | undefined> {
  const bearer = bearerTokenOf(request);
  if (bearer === undefined) return undefined;
  const actor = await actorOfToken(db, bearer, request);
  if (!actor) throw unauthorized();
  return actor;
}

/**
 * Resolves the caller of every request of the routes registered in `app` (the API): an API token
 * (`Authorization: Bearer`), else the session cookie. A route is public only when its config says
 * `access: 'public'`; every other one needs a live caller, checked before validation so that none is
 * 401, not 400. An unsafe request that rides on the cookie must repeat the session's CSRF token in a
 * header, which a foreign page cannot read; a bearer token is not sent by browsers on their own, so it
 * needs none. Public routes act on no session (signing in replaces whatever the browser had). The
 * route's access and right are checked after validation, as the services did.
 */
export function registerSessions(app: FastifyInstance, db: Db, options: { idleMinutes: number }) {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access ?? 'signed-in';
    // The OpenAPI document says so too: a public route asks for no session.
    if (access === 'public' && route.schema) route.schema.security = [];
    // A route that needs a user says which right: forgetting it fails at start, not in production.
    if (access === 'signed-in' && route.config?.right === undefined && route.schema?.hide !== true) {
      throw new Error(`${String(route.method)} ${route.url} declares no right (config.right)`);
    }
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
    const tokenCaller = await apiTokenCallerOf(db, request);
    if (tokenCaller) {
      request.signedIn = tokenCaller;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    // A session unused for idleMinutes has ended, as one past its 12 hours has.
    const session = token ? await findLiveSession(db, sessionIdOf(token), options.idleMinutes) : undefined;
    if (!session) {
      if (access !== 'public') throw unauthorized();
      return;
    }
    const needsCsrf = access !== 'public' && !SAFE_METHODS.has(request.method);
    if (needsCsrf && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw forbidden('csrf');
    }
    if (access !== 'public') checkEnrolment(session.twoFactorEnrolmentPending, request);
    // At most one write a minute per session, not one per request.
    if (session.stale) await touchSession(db, session.sessionId);
    request.signedIn = {
      userId: session.userId,
      login: session.login,
      role: session.role,
      partnerId: session.partnerId,
      partnerPath: session.partnerPath ?? [],
      rights: new Set(rightsOfUser(session.role, session.rights)),
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
      apiTokenId: null,
    };
  });
  app.addHook('preHandler', async (request) => {
    const { access = 'signed-in', right } = request.routeOptions.config;
    if (access === 'public') return;
    checkRouteAccess(access, request.actor);
    if (right !== undefined) checkRight(request.actor, right);
  });
}
