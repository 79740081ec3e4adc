import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { localeFrom } from '../../lib/messages.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { spreadsheetContentTypes } from '../../lib/spreadsheet.js';
import { HistoryResponse } from '../audit/audit.schemas.js';
import { requireActor } from '../auth/actor.js';
import { BalanceResponse } from '../finance/finance.schemas.js';
import { contractBalance } from '../finance/balances.service.js';
import { exportContracts, findContracts } from './contracts-list.service.js';
import {
  archiveContract,
  cloneContract,
  contractHistory,
  createContract,
  getContract,
  restoreContract,
  updateContract,
} from './contracts.service.js';
import {
  ContractCreate,
  ContractExportQuery,
  ContractList,
  ContractQuery,
  ContractResponse,
  ContractUpdate,
} from './contracts.schemas.js';

export const contractRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const tags = ['contracts'];

  app.get(
    '/contracts',
    {
      schema: {
        tags,
        summary: "Contracts of the caller's subtree: search, per-column filters and sort, paging",
        querystring: ContractQuery,
        response: { 200: ContractList, ...problemResponses(400, 401) },
      },
    },
    (request) => findContracts({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/contracts/export',
    {
      schema: {
        tags,
        summary: 'The contracts list with the same filters, as csv or xlsx',
        querystring: ContractExportQuery,
        produces: [spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: problemResponses(400, 401),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportContracts({
        db,
        actor: requireActor(request),
        query,
        format,
        locale: localeFrom(request.headers['accept-language']),
      });
      return reply
        .type(spreadsheetContentTypes[format])
        .header('content-disposition', `attachment; filename="contracts.${format}"`)
        .send(file);
    },
  );

  app.post(
    '/contracts',
    {
      schema: {
        tags,
        summary: 'Add a contract (an end client) to a partner',
        body: ContractCreate,
        response: { 201: ContractResponse, ...problemResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const contract = await createContract({
        db,
        actor: requireActor(request),
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(contract);
    },
  );

  app.get(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'One contract',
        params: IdParams,
        response: { 200: ContractResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => getContract({ db, actor: requireActor(request), id: request.params.id }),
  );

  app.patch(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contract; carries the version read, a stale one gets 409',
        params: IdParams,
        body: ContractUpdate,
        response: { 200: ContractResponse, ...problemResponses(400, 401, 404, 409) },
      },
    },
    (request) =>
      updateContract({
        db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.delete(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'Archive a contract (restorable)',
        params: IdParams,
        response: { 200: ContractResponse, ...problemResponses(401, 404) },
      },
    },
    (request) =>
      archiveContract({ db, actor: requireActor(request), id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/contracts/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived contract',
        params: IdParams,
        response: { 200: ContractResponse, ...problemResponses(401, 404, 409) },
      },
    },
    (request) =>
      restoreContract({ db, actor: requireActor(request), id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/contracts/:id/clone',
    {
      schema: {
        tags,
        summary: 'A new contract with the same settings: no objects or users, not a warehouse, no 1C code',
        params: IdParams,
        response: { 201: ContractResponse, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const contract = await cloneContract({
        db,
        actor: requireActor(request),
        id: request.params.id,
        requestId: request.id,
        locale: localeFrom(request.headers['accept-language']),
      });
      return reply.status(201).send(contract);
    },
  );

  app.get(
    '/contracts/:id/balance',
    {
      schema: {
        tags,
        summary: "Its balance with its partner, today's charge of its objects and the days the balance lasts",
        params: IdParams,
        response: { 200: BalanceResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => contractBalance({ db, actor: requireActor(request), id: request.params.id }),
  );

  app.get(
    '/contracts/:id/history',
    {
      schema: {
        tags,
        summary: 'Who changed what and when',
        params: IdParams,
        response: { 200: HistoryResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => contractHistory({ db, actor: requireActor(request), id: request.params.id }),
  );
};
