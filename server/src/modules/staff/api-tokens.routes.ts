import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, Nullable, problemResponses } from '../../lib/schemas.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { allRights, PORTAL_LOGIN_RIGHT } from '../auth/auth.public.js';
import { createApiToken, deleteApiToken, listApiTokens } from './api-tokens.service.js';
import { staffMessages } from './staff.messages.js';

const tokenFields = {
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart' }),
  rights: Type.Array(Type.String()),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
};
const ApiToken = Type.Object(tokenFields);
const MadeApiToken = Type.Object({ ...tokenFields, token: Type.String({ description: 'Shown this once' }) });

const ApiTokenCreate = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    rights: Type.Array(Type.Enum([...allRights, PORTAL_LOGIN_RIGHT]), {
      maxItems: 32,
      description:
        'At most the rights of the user who makes it; portal:login lets it send clientIp to POST /portal/login',
    }),
    expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'null: never' }))),
  },
  { additionalProperties: false },
);

/** The signed-in user's own API tokens for machine clients. */
export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, staffMessages);
  const tags = ['api-tokens'];

  app.get(
    '/api-tokens',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: "The caller's API tokens (never the tokens themselves)",
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...problemResponses(401) },
      },
    },
    (request) => listApiTokens({ db, actor: request.actor }),
  );

  app.post(
    '/api-tokens',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'Make an API token: sent as Authorization: Bearer <token>; the token is in this answer only',
        body: ApiTokenCreate,
        response: {
          201: MadeApiToken,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const made = await createApiToken({
        db,
        actor: request.actor,
        requestId: request.id,
        input: request.body,
      });
      return reply.status(201).send(made);
    },
  );

  app.delete(
    '/api-tokens/:id',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'Revoke one of the caller’s API tokens',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await deleteApiToken({ db, actor: request.actor, id: request.params.id, requestId: request.id });
      return reply.status(204).send(null);
    },
  );
};
