import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { sendSpreadsheet, spreadsheetContentTypes } from '../../lib/spreadsheet.js';
import { HistoryResponse } from '../audit/audit.public.js';
import { exportContracts, findContracts } from './contracts-list.service.js';
import {
  archiveContract,
  cloneContract,
  contractCopyDraft,
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
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { contractsMessages } from './contracts.messages.js';

export const contractRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, contractsMessages);
  const tags = ['contracts'];

  app.get(
    '/contracts',
    {
      config: { right: ['contracts:read', 'objects:read', 'users:read', 'finance:read'] },
      schema: {
        tags,
        summary: "Contracts of the caller's subtree: search, per-column filters and sort, paging",
        querystring: ContractQuery,
        response: { 200: ContractList, ...problemResponses(400, 401) },
      },
    },
    (request) => findContracts({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/contracts/export',
    {
      config: { right: 'contracts:read' },
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
        actor: request.actor,
        query,
        format,
        locale: request.locale,
      });
      return sendSpreadsheet(reply, file, format, 'contracts');
    },
  );

  app.post(
    '/contracts',
    {
      config: { right: 'contracts:write' },
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
        actor: request.actor,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(contract);
    },
  );

  app.get(
    '/contracts/:id',
    {
      config: { right: ['contracts:read', 'objects:read', 'users:read', 'finance:read'] },
      schema: {
        tags,
        summary: 'One contract',
        params: IdParams,
        response: { 200: ContractResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => getContract({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/contracts/:id',
    {
      config: { right: 'contracts:write' },
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
        actor: request.actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.delete(
    '/contracts/:id',
    {
      config: { right: 'contracts:write' },
      schema: {
        tags,
        summary: 'Archive a contract (restorable)',
        params: IdParams,
        response: { 200: ContractResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => archiveContract({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/contracts/:id/restore',
    {
      config: { right: 'contracts:write' },
      schema: {
        tags,
        summary: 'Restore an archived contract',
        params: IdParams,
        response: { 200: ContractResponse, ...problemResponses(401, 404, 409) },
      },
    },
    (request) => restoreContract({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.get(
    '/contracts/:id/clone',
    {
      config: { right: 'contracts:write' },
      schema: {
        tags,
        summary: 'The copy Clone proposes, not saved: send it (edited) to POST /contracts',
        params: IdParams,
        response: { 200: ContractCreate, ...problemResponses(401, 404) },
      },
    },
    (request) =>
      contractCopyDraft({ db, actor: request.actor, id: request.params.id, locale: request.locale }),
  );

  app.post(
    '/contracts/:id/clone',
    {
      config: { right: 'contracts:write' },
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
        actor: request.actor,
        id: request.params.id,
        requestId: request.id,
        locale: request.locale,
      });
      return reply.status(201).send(contract);
    },
  );

  app.get(
    '/contracts/:id/history',
    {
      config: { right: 'contracts:read' },
      schema: {
        tags,
        summary: 'Who changed what and when',
        params: IdParams,
        response: { 200: HistoryResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => contractHistory({ db, actor: request.actor, id: request.params.id }),
  );
};
