import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import {
  createTariff,
  deleteTariffPrice,
  findTariffChoices,
  findTariffs,
  getTariff,
  updateTariff,
} from './tariffs.service.js';
import {
  TariffChoicesQuery,
  TariffCreate,
  TariffDetailResponse,
  TariffList,
  TariffPriceParams,
  TariffQuery,
  TariffUpdate,
} from './tariffs.schemas.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { tariffsMessages } from './tariffs.messages.js';

export const tariffRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, tariffsMessages);
  const tags = ['tariffs'];

  app.get(
    '/tariffs',
    {
      config: { right: 'tariffs:read' },
      schema: {
        tags,
        summary: 'Tariffs the caller may see',
        querystring: TariffQuery,
        response: { 200: TariffList, ...problemResponses(400, 401) },
      },
    },
    (request) => findTariffs({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/tariffs/choices',
    {
      config: { right: ['tariffs:read', 'contracts:read', 'objects:read', 'partners:read'] },
      schema: {
        tags,
        summary: 'Tariffs offered in the Price or Partner price list of a partner',
        querystring: TariffChoicesQuery,
        response: { 200: TariffList, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => findTariffChoices({ db, actor: request.actor, query: request.query }),
  );

  app.post(
    '/tariffs',
    {
      config: { right: 'tariffs:write' },
      schema: {
        tags,
        summary: 'Create a tariff',
        body: TariffCreate,
        response: { 201: TariffDetailResponse, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const tariff = await createTariff({
        db,
        actor: request.actor,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(tariff);
    },
  );

  app.get(
    '/tariffs/:id',
    {
      config: { right: 'tariffs:read' },
      schema: {
        tags,
        summary: 'One tariff with its price versions',
        params: IdParams,
        response: { 200: TariffDetailResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => getTariff({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/tariffs/:id',
    {
      config: { right: 'tariffs:write' },
      schema: {
        tags,
        summary: 'Rename a tariff or add a dated price version',
        description:
          'A new price starts today or later, or on an earlier day when nothing was charged at the tariff from ' +
          'that day on (400 effective_from_billed on effectiveFrom otherwise; 409 billing_run_in_progress while ' +
          'a billing run is charging). Existing prices never change.',
        params: IdParams,
        body: TariffUpdate,
        response: { 200: TariffDetailResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      updateTariff({
        db,
        actor: request.actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.delete(
    '/tariffs/:id/prices/:priceId',
    {
      config: { right: 'tariffs:write' },
      schema: {
        tags,
        summary: 'Delete a scheduled price (one that starts after today)',
        description:
          'A price in force or past is never deleted (409 tariff_price_started), nor the only price of a ' +
          'tariff (409 tariff_last_price). Answers the tariff without it; recorded in its History.',
        params: TariffPriceParams,
        response: { 200: TariffDetailResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      deleteTariffPrice({ db, actor: request.actor, params: request.params, requestId: request.id }),
  );
};
