import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { problemResponses } from '../../lib/schemas.js';
import { checkHealth } from './health.service.js';

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db; engine: string }> = async (
  app,
  { db, engine },
) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Answers 200 while the database answers',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          ...problemResponses(503),
        },
      },
    },
    () => checkHealth(db, engine),
  );
};
