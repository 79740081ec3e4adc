import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { problemResponses } from '../../lib/schemas.js';
import { logIn, logOut, presentSignedIn } from './auth.service.js';
import type { LoginLimits } from './login-rate-limit.js';
import type { SecondFactorCheck } from './second-factor.js';
import { endOwnSession, listOwnSessions } from './sessions.service.js';
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from './session-token.js';

const SessionUser = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.Enum(['super_admin', 'partner_admin', 'staff']),
  partnerId: Type.Union([Type.Integer(), Type.Null()]),
  partnerName: Type.Union([Type.String(), Type.Null()]),
  rights: Type.Array(Type.String(), { description: 'What the user may do, e.g. contracts:read' }),
});
const TwoFactorState = Type.Object({
  enabled: Type.Boolean({ description: 'The user signs in with a one-time code too' }),
  required: Type.Boolean({
    description:
      'Its partner (or an ancestor) requires two-factor sign-in; until enabled, only enrolment is open',
  }),
});
const SessionResponse = Type.Object({
  user: SessionUser,
  twoFactor: TwoFactorState,
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send it as the x-csrf-token header; null for a request with an API token',
  }),
});

export interface AuthRoutesOptions {
  db: Db;
  loginLimits: LoginLimits;
  secureCookies: boolean;
  /** Minutes without a request after which a session has ended. */
  sessionIdleMinutes: number;
  /** The two-factor module's check of the one-time code, handed in by app.ts. */
  secondFactor: SecondFactorCheck;
}

const SessionItem = Type.Object({
  id: Type.String(),
  current: Type.Boolean({ description: 'The session this request comes with' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { db, loginLimits, secureCookies, sessionIdleMinutes, secondFactor },
) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in to the admin panel',
        body: Type.Object(
          {
            login: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
            otp: Type.Optional(
              Type.String({
                maxLength: 64,
                description:
                  'The one-time code of the authenticator app, or a recovery code; needed when the answer was two_factor_required',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const session = await logIn(db, {
        login: request.body.login,
        password: request.body.password,
        otp: request.body.otp,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        limits: loginLimits,
        secondFactor,
      });
      void reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies || request.protocol === 'https',
        path: '/',
        maxAge: SESSION_LIFETIME_MS / 1000,
      });
      return { user: session.user, twoFactor: session.twoFactor, csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { right: 'none', openDuringTwoFactorEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: SessionResponse, ...problemResponses(401) },
      },
    },
    async ({ actor }) => ({
      ...(await presentSignedIn(db, actor.userId, actor.rights)),
      csrfToken: actor.csrfToken,
    }),
  );

  app.post(
    '/auth/logout',
    {
      config: { right: 'none', openDuringTwoFactorEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        response: { 204: Type.Null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await logOut(db, request.actor.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/sessions',
    {
      config: { right: 'none' },
      schema: {
        tags: ['auth'],
        summary: 'Your own sessions: when each began and was last used, from which address and browser',
        response: { 200: Type.Object({ items: Type.Array(SessionItem) }), ...problemResponses(401) },
      },
    },
    ({ actor }) => listOwnSessions(db, actor, sessionIdleMinutes),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      config: { right: 'none' },
      schema: {
        tags: ['auth'],
        summary: 'End one of your own sessions (signs that browser out at once)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await endOwnSession(db, request.actor, request.params.id, sessionIdleMinutes);
      return reply.status(204).send(null);
    },
  );
};
