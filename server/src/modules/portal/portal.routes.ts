import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { Nullable, problemResponses } from '../../lib/schemas.js';
import type { LoginLimits } from '../auth/auth.public.js';
import { portalLogin } from './portal.service.js';
import { trustedClientIp } from './portal-client-ip.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { usersMessages } from '../users/users.public.js';

const Reference = Type.Object({ id: Type.Integer(), name: Type.String() });

const PortalLoginResponse = Type.Object({
  master: Type.Optional(
    Type.Object({ login: Type.String() }, { description: 'The admin who entered as the user ("Log in as")' }),
  ),
  user: Type.Object({
    id: Type.Integer(),
    login: Type.String(),
    name: Nullable(Type.String()),
    type: Type.Enum(['administrator', 'user']),
  }),
  contract: Reference,
  partner: Reference,
});

export interface PortalRoutesOptions {
  db: Db;
  loginLimits: LoginLimits;
}

/** What the monitoring portal asks of Fleetdesk: public (no admin-panel session), rate-limited. */
export const portalRoutes: FastifyPluginAsyncTypebox<PortalRoutesOptions> = async (
  app,
  { db, loginLimits },
) => {
  useFeatureMessages(app, usersMessages);
  app.post(
    '/portal/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: "Check a portal user's login and password for the monitoring portal",
        description:
          '401 invalid_credentials for a wrong password, an unknown or an archived login. With the right ' +
          'password, 403 with code user_blocked, contract_inactive, contract_blocked or ' +
          'partner_users_blocked, checked in that order. 429 with Retry-After when the login or the ' +
          'address has used up its attempts. Opens no session. The monitoring portal calls it for all its ' +
          "users from its own address, so it sends each user's address as clientIp: the per-address limit " +
          "and the login history use it (the caller's address when absent). clientIp is taken only from a " +
          'caller with an API token holding the portal:login right (403 right_missing otherwise). With ' +
          'masterToken instead of ' +
          'login and password ("Log in as", POST /users/{id}/master-login): the user it was issued for, ' +
          'once and within 60 seconds, the answer naming the admin who entered (master.login); 401 ' +
          'master_token_invalid otherwise.',
        body: Type.Object(
          {
            login: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
            masterToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            clientIp: Type.Optional(
              Type.String({ minLength: 2, maxLength: 45, pattern: '^[0-9A-Fa-f:.]+$' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: PortalLoginResponse, ...problemResponses(400, 401, 403, 429) },
      },
    },
    (request) =>
      portalLogin(db, {
        ...request.body,
        ip: trustedClientIp(request.body.clientIp, request),
        limits: loginLimits,
      }),
  );
};
