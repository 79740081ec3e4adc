import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { sendSpreadsheet, spreadsheetContentTypes } from '../../lib/spreadsheet.js';
import { HistoryResponse } from '../audit/audit.public.js';
import { exportPartners, findPartners } from './partners-list.service.js';
import { partnerTree } from './partners-tree.service.js';
import {
  archivePartner,
  createPartner,
  getPartner,
  partnerBlockImpact,
  partnerHistory,
  restorePartner,
  updatePartner,
} from './partners.service.js';
import {
  PartnerBlockImpact,
  PartnerCreate,
  PartnerExportQuery,
  PartnerList,
  PartnerQuery,
  PartnerResponse,
  PartnerTree,
  PartnerTreeQuery,
  PartnerUpdate,
} from './partners.schemas.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { partnersMessages } from './partners.messages.js';

export const partnerRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, partnersMessages);
  const tags = ['partners'];

  app.get(
    '/partners',
    {
      config: { right: ['partners:read', 'contracts:read', 'finance:read', 'staff:read', 'settings:read'] },
      schema: {
        tags,
        summary: "Partners of the caller's subtree: search, per-column filters and sort, paging",
        querystring: PartnerQuery,
        response: { 200: PartnerList, ...problemResponses(400, 401) },
      },
    },
    (request) => findPartners({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/partners/export',
    {
      config: { right: 'partners:read' },
      schema: {
        tags,
        summary: 'The partners list with the same filters, as csv or xlsx',
        querystring: PartnerExportQuery,
        produces: [spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: problemResponses(400, 401),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportPartners({
        db,
        actor: request.actor,
        query,
        format,
        locale: request.locale,
      });
      return sendSpreadsheet(reply, file, format, 'partners');
    },
  );

  app.get(
    '/partners/tree',
    {
      config: { right: 'partners:read' },
      schema: {
        tags,
        summary:
          "The partner tree of the caller's subtree, a level at a time (its roots, or parentId's sub-partners), or search's matches with their ancestors",
        querystring: PartnerTreeQuery,
        response: { 200: PartnerTree, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => partnerTree({ db, actor: request.actor, query: request.query }),
  );

  app.post(
    '/partners',
    {
      config: { right: 'partners:write' },
      schema: {
        tags,
        summary: 'Add a partner (the seed\'s "How to add a partner")',
        body: PartnerCreate,
        response: { 201: PartnerResponse, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const partner = await createPartner({
        db,
        actor: request.actor,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(partner);
    },
  );

  app.get(
    '/partners/:id',
    {
      config: { right: ['partners:read', 'contracts:read', 'finance:read', 'staff:read', 'settings:read'] },
      schema: {
        tags,
        summary: 'One partner',
        params: IdParams,
        response: { 200: PartnerResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => getPartner({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/partners/:id',
    {
      config: { right: 'partners:write' },
      schema: {
        tags,
        summary: 'Change a partner; carries the version read, a stale one gets 409',
        params: IdParams,
        body: PartnerUpdate,
        response: { 200: PartnerResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      updatePartner({
        db,
        actor: request.actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.delete(
    '/partners/:id',
    {
      config: { right: 'partners:write' },
      schema: {
        tags,
        summary: 'Archive a partner (restorable); refused while it has live sub-partners or live contracts',
        params: IdParams,
        response: { 200: PartnerResponse, ...problemResponses(401, 403, 404, 409) },
      },
    },
    (request) => archivePartner({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/partners/:id/restore',
    {
      config: { right: 'partners:write' },
      schema: {
        tags,
        summary: 'Restore an archived partner',
        params: IdParams,
        response: { 200: PartnerResponse, ...problemResponses(401, 403, 404, 409) },
      },
    },
    (request) => restorePartner({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.get(
    '/partners/:id/block-impact',
    {
      config: { right: 'partners:read' },
      schema: {
        tags,
        summary:
          'What Block Partner and Block users of accounts partner would reach: the counts the confirmation names',
        params: IdParams,
        response: { 200: PartnerBlockImpact, ...problemResponses(401, 404) },
      },
    },
    (request) => partnerBlockImpact({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/partners/:id/history',
    {
      config: { right: 'partners:read' },
      schema: {
        tags,
        summary: 'Who changed what and when (never a password)',
        params: IdParams,
        response: { 200: HistoryResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => partnerHistory({ db, actor: request.actor, id: request.params.id }),
  );
};
