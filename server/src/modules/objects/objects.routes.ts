import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { AppError } from '../../lib/errors.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { sendSpreadsheet, spreadsheetContentTypes } from '../../lib/spreadsheet.js';
import { HistoryResponse } from '../audit/audit.public.js';
import { writeImportSample } from './object-import-sample.js';
import { importObjects } from './object-import.service.js';
import { moveObject } from './object-move.service.js';
import { repriceObjectsOf } from './object-reprice.service.js';
import { exportObjects, findObjects } from './objects-list.service.js';
import {
  archiveObject,
  createObject,
  getObject,
  objectHistory,
  restoreObject,
  updateObject,
} from './objects.service.js';
import {
  ImportQuery,
  ImportResponse,
  ImportSampleQuery,
  MoveBody,
  ObjectCreate,
  ObjectExportQuery,
  ObjectList,
  ObjectQuery,
  ObjectResponse,
  ObjectUpdate,
  RepriceBody,
  RepriceResponse,
} from './objects.schemas.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { objectsMessages } from './objects.messages.js';

const CSV_TYPE = 'text/csv';
const XLSX_TYPE = spreadsheetContentTypes.xlsx;
/* A 50,000-row xlsx stays well below this; the JSON routes keep the application's 1 MB limit. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** The file's format by its content type; JSON or text bodies are not a spreadsheet. */
function importFormatOf(contentType: string | undefined): 'csv' | 'xlsx' {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === CSV_TYPE) return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  throw new AppError('import_media_type', 415);
}

export const objectRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, objectsMessages);
  const tags = ['objects'];
  // Import files arrive as the raw body; these parsers exist only inside this plugin.
  app.addContentTypeParser(
    [CSV_TYPE, XLSX_TYPE],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/objects',
    {
      config: { right: 'objects:read' },
      schema: {
        tags,
        summary: "Objects of the caller's subtree: search, filters, sort, paging",
        querystring: ObjectQuery,
        response: { 200: ObjectList, ...problemResponses(400, 401) },
      },
    },
    (request) => findObjects({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/objects/export',
    {
      config: { right: 'objects:read' },
      schema: {
        tags,
        summary: 'The objects list with the same filters, as csv or xlsx',
        querystring: ObjectExportQuery,
        produces: [spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: problemResponses(400, 401),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportObjects({
        db,
        actor: request.actor,
        query,
        format,
        locale: request.locale,
      });
      return sendSpreadsheet(reply, file, format, 'objects');
    },
  );

  app.post(
    '/objects',
    {
      config: { right: 'objects:write' },
      schema: {
        tags,
        summary: 'Connect an object; it is pinned to the tariff of the tariff rule',
        body: ObjectCreate,
        response: { 201: ObjectResponse, ...problemResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const object = await createObject({
        db,
        actor: request.actor,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(object);
    },
  );

  app.post(
    '/objects/reprice',
    {
      config: { right: 'objects:write' },
      schema: {
        tags,
        summary: "Pin the live objects of a contract, or of a partner's contracts, to a tariff from a day",
        body: RepriceBody,
        response: { 200: RepriceResponse, ...problemResponses(400, 401) },
      },
    },
    (request) => repriceObjectsOf({ db, actor: request.actor, input: request.body, requestId: request.id }),
  );

  app.post(
    '/objects/import',
    {
      config: { right: 'objects:write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Create objects from a csv or xlsx file sent as the body; a report of refused rows',
        description:
          'Content-Type text/csv or ' +
          `${XLSX_TYPE}. The first row names the columns: Name, Device ID, Device type, SIM phone, ` +
          'SIM 2, ICCID, SIM provider, Plate number, Active, Active from, Active until (YYYY-MM-DD or ' +
          'DD.MM.YYYY), Contract ID (or the API keys). ' +
          'Rows without a Contract ID go to the contractId of the query.',
        consumes: [CSV_TYPE, XLSX_TYPE],
        querystring: ImportQuery,
        response: { 200: ImportResponse, ...problemResponses(400, 401, 409, 413, 415) },
      },
    },
    (request) =>
      importObjects({
        db,
        actor: request.actor,
        requestId: request.id,
        body: request.body as Buffer,
        format: importFormatOf(request.headers['content-type']),
        contractId: request.query.contractId ?? null,
        translator: request.translator,
      }),
  );

  app.get(
    '/objects/import/sample',
    {
      config: { right: 'objects:write' },
      schema: {
        tags,
        summary: "A sample file for the import: its columns in the caller's language and one example row",
        description:
          'The example row imports as it is into the contract given to POST /objects/import?contractId= ' +
          '(its Contract ID is empty); Active from is the day of the file.',
        querystring: ImportSampleQuery,
        produces: [spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: problemResponses(400, 401),
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const file = await writeImportSample({ format, locale: request.locale });
      return sendSpreadsheet(reply, file, format, 'objects-import-sample');
    },
  );

  app.get(
    '/objects/:id',
    {
      config: { right: 'objects:read' },
      schema: {
        tags,
        summary: 'One object',
        params: IdParams,
        response: { 200: ObjectResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => getObject({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/objects/:id',
    {
      config: { right: 'objects:write' },
      schema: {
        tags,
        summary:
          'Change an object; carries the version read, a stale one gets 409. The contract changes by /move',
        params: IdParams,
        body: ObjectUpdate,
        response: { 200: ObjectResponse, ...problemResponses(400, 401, 404, 409) },
      },
    },
    (request) =>
      updateObject({
        db,
        actor: request.actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.delete(
    '/objects/:id',
    {
      config: { right: 'objects:write' },
      schema: {
        tags,
        summary: 'Archive an object (restorable); its device ID becomes free',
        params: IdParams,
        response: { 200: ObjectResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => archiveObject({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/objects/:id/restore',
    {
      config: { right: 'objects:write' },
      schema: {
        tags,
        summary: 'Restore an archived object, if its device ID is still free',
        params: IdParams,
        response: { 200: ObjectResponse, ...problemResponses(401, 404, 409) },
      },
    },
    (request) => restoreObject({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/objects/:id/move',
    {
      config: { right: 'objects:write' },
      schema: {
        tags,
        summary: 'Move an object to another contract; it keeps its tariff',
        params: IdParams,
        body: MoveBody,
        response: { 200: ObjectResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      moveObject({
        db,
        actor: request.actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.get(
    '/objects/:id/history',
    {
      config: { right: 'objects:read' },
      schema: {
        tags,
        summary: 'Who changed what and when, including reprices and moves',
        params: IdParams,
        response: { 200: HistoryResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => objectHistory({ db, actor: request.actor, id: request.params.id }),
  );
};
