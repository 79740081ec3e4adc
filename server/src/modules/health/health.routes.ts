import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { AppError } from '../../lib/errors.js';
import { problemResponses } from '../../lib/schemas.js';

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db; engine: string }> = async (
  app,
  { db, engine },
) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Answers 200 while the database answers',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          ...problemResponses(503),
        },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(db);
      } catch {
        throw new AppError('database_unavailable', 503);
      }
      return { status: 'ok' as const, database: engine };
    },
  );
};
