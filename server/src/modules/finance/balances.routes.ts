import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { contractBalance, partnerBalance } from './balances.service.js';
import { BalanceResponse } from './finance.schemas.js';

/*
 * A contract's and a partner's balance in money and in days. Served by finance (which owns balances)
 * under the record's own path, listed with the record's section in the API document.
 */
export const balanceRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/contracts/:id/balance',
    {
      config: { right: 'finance:read' },
      schema: {
        tags: ['contracts'],
        summary: "Its balance with its partner, today's charge of its objects and the days the balance lasts",
        params: IdParams,
        response: { 200: BalanceResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => contractBalance({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/partners/:id/balance',
    {
      config: { right: 'finance:read' },
      schema: {
        tags: ['partners'],
        summary:
          "Its balance with its parent (in its currency), today's Partner price charge and the days it lasts",
        params: IdParams,
        response: { 200: BalanceResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => partnerBalance({ db, actor: request.actor, id: request.params.id }),
  );
};
