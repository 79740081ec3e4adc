import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { problemResponses } from '../../lib/schemas.js';
import { HomeResponse } from './home.schemas.js';
import { homeOverview } from './home.service.js';

/** The home page: what needs attention today in the caller's subtree. */
export const homeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/home',
    {
      // Every signed-in user has a home page; each part of it checks its own right.
      config: { right: 'none' },
      schema: {
        tags: ['home'],
        summary:
          'What needs attention today: contracts blocked for debt or running out, balances by currency, recent payments, the last billing run, counts',
        response: { 200: HomeResponse, ...problemResponses(401) },
      },
    },
    (request) => homeOverview({ db, actor: request.actor }),
  );
};
