import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import {
  deletePartnerSetting,
  exportPartnerSettings,
  importPartnerSettings,
  listPartnerSettings,
  putPartnerSetting,
} from './partner-settings.service.js';
import {
  SettingCatalogueResponse,
  SettingDeleteQuery,
  SettingItem,
  SettingList,
  SettingParams,
  SettingPut,
  SettingsExport,
  SettingsImport,
} from './partner-settings.schemas.js';
import { presentCatalogue } from './setting-catalogue.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { partnerSettingsMessages } from './partner-settings.messages.js';

export const partnerSettingsRoutes: FastifyPluginAsyncTypebox<{ db: Db; secretKey: Buffer }> = async (
  app,
  { db, secretKey },
) => {
  useFeatureMessages(app, partnerSettingsMessages);
  const tags = ['partner settings'];

  app.get(
    '/reference/setting-keys',
    {
      config: { right: 'settings:read' },
      schema: {
        tags: ['reference'],
        summary: "The catalogue of a partner's Configuration: keys, value fields, labels (en, ru)",
        response: { 200: SettingCatalogueResponse, ...problemResponses(401) },
      },
    },
    (request, reply) => {
      void reply.header('cache-control', 'private, max-age=3600');
      return presentCatalogue();
    },
  );

  app.get(
    '/partners/:id/settings',
    {
      config: { right: 'settings:read' },
      schema: {
        tags,
        summary: "The partner's settings (secrets are write-only: null, named in secretsSet)",
        params: IdParams,
        response: { 200: SettingList, ...problemResponses(401, 404) },
      },
    },
    (request) => listPartnerSettings({ db, actor: request.actor, partnerId: request.params.id }),
  );

  app.get(
    '/partners/:id/settings/export',
    {
      config: { right: 'settings:read' },
      schema: {
        tags,
        summary: "The partner's settings as a JSON file to import elsewhere (secrets left out)",
        params: IdParams,
        response: { 200: SettingsExport, ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportPartnerSettings({
        db,
        actor: request.actor,
        partnerId: request.params.id,
      });
      return reply
        .header('content-disposition', `attachment; filename="partner-${request.params.id}-settings.json"`)
        .send(file);
    },
  );

  app.post(
    '/partners/:id/settings/import',
    {
      config: { right: 'settings:write' },
      schema: {
        tags,
        summary: 'Import settings (an export file): all checked first, then all saved or none',
        params: IdParams,
        body: SettingsImport,
        response: { 200: SettingList, ...problemResponses(400, 401, 404, 409) },
      },
    },
    (request) =>
      importPartnerSettings({
        db,
        actor: request.actor,
        partnerId: request.params.id,
        input: request.body,
        requestId: request.id,
        secretKey,
      }),
  );

  app.put(
    '/partners/:id/settings/:key',
    {
      config: { right: 'settings:write' },
      schema: {
        tags,
        summary: 'Add (201) or change (200) one setting; a stale version gets 409',
        params: SettingParams,
        body: SettingPut,
        response: { 200: SettingItem, 201: SettingItem, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { created, item } = await putPartnerSetting({
        db,
        actor: request.actor,
        partnerId: request.params.id,
        key: request.params.key,
        input: request.body,
        requestId: request.id,
        secretKey,
      });
      return reply.status(created ? 201 : 200).send(item);
    },
  );

  app.delete(
    '/partners/:id/settings/:key',
    {
      config: { right: 'settings:write' },
      schema: {
        tags,
        summary: 'Delete one setting',
        params: SettingParams,
        querystring: SettingDeleteQuery,
        response: { 204: { type: 'null', description: 'Deleted' }, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await deletePartnerSetting({
        db,
        actor: request.actor,
        partnerId: request.params.id,
        key: request.params.key,
        version: request.query.version,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};
