import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { problemResponses } from '../../lib/schemas.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import type { LoginLimits } from '../auth/auth.public.js';
import { twoFactorMessages } from './two-factor.messages.js';
import { TwoFactorCode, TwoFactorEnabled, TwoFactorSetup } from './two-factor.schemas.js';
import {
  disableTwoFactorSignIn,
  enableTwoFactorSignIn,
  startTwoFactorSetup,
  type TwoFactorKeys,
} from './two-factor.service.js';

export interface TwoFactorRoutesOptions extends TwoFactorKeys {
  db: Db;
  loginLimits: LoginLimits;
}

/*
 * The signed-in user's own two-factor sign-in. Setting up and enabling stay open to a user whose
 * partner requires two-factor sign-in and who has not enrolled yet: that is what it must do first.
 */
export const twoFactorRoutes: FastifyPluginAsyncTypebox<TwoFactorRoutesOptions> = async (app, options) => {
  useFeatureMessages(app, twoFactorMessages);
  const { db, secretKey, clock, loginLimits } = options;
  const tags = ['auth'];
  const call = (request: FastifyRequest) => ({
    db,
    actor: request.actor,
    ip: request.ip,
    requestId: request.id,
    limits: loginLimits,
    secretKey,
    clock,
  });

  app.post(
    '/auth/two-factor/setup',
    {
      config: { right: 'none', openDuringTwoFactorEnrolment: true },
      schema: {
        tags,
        summary: 'Start setting up two-factor sign-in: a new secret as text, otpauth:// URI and QR code',
        response: { 200: TwoFactorSetup, ...problemResponses(401, 403, 409) },
      },
    },
    (request) => startTwoFactorSetup({ db, actor: request.actor, secretKey }),
  );

  app.post(
    '/auth/two-factor/enable',
    {
      config: { right: 'none', openDuringTwoFactorEnrolment: true },
      schema: {
        tags,
        summary: 'Turn two-factor sign-in on with a first code of the new secret; answers ten recovery codes',
        body: TwoFactorCode,
        response: { 200: TwoFactorEnabled, ...problemResponses(400, 401, 403, 409, 429) },
      },
    },
    (request) => enableTwoFactorSignIn({ ...call(request), code: request.body.code }),
  );

  app.delete(
    '/auth/two-factor',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off, with a current code or a recovery code',
        body: TwoFactorCode,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      await disableTwoFactorSignIn({ ...call(request), code: request.body.code });
      return reply.status(204).send(null);
    },
  );
};
