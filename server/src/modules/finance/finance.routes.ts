import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { problemResponses } from '../../lib/schemas.js';
import { sendSpreadsheet, spreadsheetContentTypes } from '../../lib/spreadsheet.js';
import { balanceRoutes } from './balances.routes.js';
import { createExchangeRate, findExchangeRates } from './exchange-rates.service.js';
import {
  ExchangeRate,
  ExchangeRateCreate,
  ExchangeRateList,
  ExchangeRateQuery,
  ChargeObjectsPage,
  ChargeObjectsQuery,
  RevenueQuery,
  RevenueResponse,
  StatementExportQuery,
  StatementQuery,
  StatementResponse,
  TransferExportQuery,
  TransferList,
  TransferQuery,
} from './finance.schemas.js';
import { moneyMoveRoutes } from './money-moves.routes.js';
import { revenueOf } from './revenue.service.js';
import { exportStatement, statementFor } from './statements.service.js';
import { exportTransfers, findChargeObjects, findTransfers } from './transfers-list.service.js';
import { IdParams } from '../../lib/schemas.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { financeMessages } from './finance.messages.js';

/** /finance: payments, write-offs, corrections, transactions, balances, statements, revenue, exchange rates. */
export const financeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, financeMessages);
  const tags = ['finance'];
  await app.register(moneyMoveRoutes, { db });
  await app.register(balanceRoutes, { db });

  app.get(
    '/finance/transactions',
    {
      config: { right: 'finance:read' },
      schema: {
        tags,
        summary: "Ledger transfers of the caller's subtree: filters, sort, paging (counted up to 10000)",
        querystring: TransferQuery,
        response: { 200: TransferList, ...problemResponses(400, 401) },
      },
    },
    (request) => findTransfers({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/finance/transactions/:id/objects',
    {
      config: { right: 'finance:read' },
      schema: {
        tags,
        summary: "The objects behind a charge: each object's day at the charge's amount per object-day",
        params: IdParams,
        querystring: ChargeObjectsQuery,
        response: { 200: ChargeObjectsPage, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => findChargeObjects({ db, actor: request.actor, id: request.params.id, query: request.query }),
  );

  app.get(
    '/finance/transactions/export',
    {
      config: { right: 'finance:read' },
      schema: {
        tags,
        summary: 'The transactions list with the same filters, as csv or xlsx',
        querystring: TransferExportQuery,
        produces: [spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: problemResponses(400, 401),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportTransfers({
        db,
        actor: request.actor,
        query,
        format,
        locale: request.locale,
      });
      return sendSpreadsheet(reply, file, format, 'transactions');
    },
  );

  app.get(
    '/finance/statements',
    {
      config: { right: 'finance:read' },
      schema: {
        tags,
        summary: "A month's statement of a contract (by its partner) or a partner (by its parent), with VAT",
        querystring: StatementQuery,
        response: { 200: StatementResponse, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => statementFor({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/finance/statements/export',
    {
      config: { right: 'finance:read' },
      schema: {
        tags,
        summary: 'The statement as csv or xlsx',
        querystring: StatementExportQuery,
        produces: [spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: problemResponses(400, 401, 404),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportStatement({
        db,
        actor: request.actor,
        query,
        format,
        locale: request.locale,
      });
      return sendSpreadsheet(reply, file, format, `statement-${query.month}`);
    },
  );

  app.get(
    '/finance/revenue',
    {
      config: { right: 'finance:read' },
      schema: {
        tags,
        summary: 'Revenue, cost and margin of a partner per currency over a period',
        querystring: RevenueQuery,
        response: { 200: RevenueResponse, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => revenueOf({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/finance/exchange-rates',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'Exchange rates (1 base = rate quote from validFrom on), newest first per pair',
        querystring: ExchangeRateQuery,
        response: { 200: ExchangeRateList, ...problemResponses(400, 401) },
      },
    },
    (request) => {
      return findExchangeRates({ db, query: request.query });
    },
  );

  app.post(
    '/finance/exchange-rates',
    {
      config: { access: 'super-admin' },
      schema: {
        tags,
        summary: 'Enter an exchange rate (super administrators)',
        body: ExchangeRateCreate,
        response: { 201: ExchangeRate, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const rate = await createExchangeRate({
        db,
        actor: request.actor,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(rate);
    },
  );
};
