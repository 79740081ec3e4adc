import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { sendSpreadsheet, spreadsheetContentTypes } from '../../lib/spreadsheet.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { HistoryResponse } from '../audit/audit.public.js';
import { allRights, rightPresets } from '../auth/auth.public.js';
import { exportStaffLoginHistory, findStaff, staffLoginHistory } from './staff-list.service.js';
import { staffMessages } from './staff.messages.js';
import {
  RightsCatalogue,
  StaffCreate,
  StaffList,
  StaffLoginHistory,
  StaffLoginHistoryQuery,
  StaffQuery,
  StaffResponse,
  StaffUpdate,
} from './staff.schemas.js';
import { changeOwnPassword } from './own-password.service.js';
import { createStaff, getStaff, setStaffArchived, staffHistory, updateStaff } from './staff.service.js';

/** Admin-panel users of the caller's subtree: staff with rights, and (read-only) administrators. */
export const staffRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, staffMessages);
  const tags = ['staff'];

  app.put(
    '/auth/password',
    {
      config: { right: 'none' },
      schema: {
        tags: ['auth'],
        summary:
          'Change your own password: the current one, then the new one; your other sessions end (not with an API token)',
        body: Type.Object(
          {
            currentPassword: Type.String({ maxLength: 200 }),
            newPassword: Type.String({ maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await changeOwnPassword({ db, actor: request.actor, requestId: request.id, input: request.body });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/staff/rights',
    {
      config: { right: 'staff:read' },
      schema: {
        tags,
        summary:
          'Every right and the presets the browser offers (Read-only, Finance, Support, Administrator)',
        response: { 200: RightsCatalogue, ...problemResponses(401, 403) },
      },
    },
    () => ({
      rights: [...allRights],
      presets: {
        readOnly: [...rightPresets.readOnly],
        finance: [...rightPresets.finance],
        support: [...rightPresets.support],
        administrator: [...rightPresets.administrator],
      },
    }),
  );

  app.get(
    '/staff',
    {
      config: { right: 'staff:read' },
      schema: {
        tags,
        summary: "Admin-panel users of the caller's subtree: search, filters, sort, paging",
        querystring: StaffQuery,
        response: { 200: StaffList, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => findStaff({ db, actor: request.actor, query: request.query }),
  );

  app.post(
    '/staff',
    {
      config: { right: 'staff:write' },
      schema: {
        tags,
        summary: 'Add a staff user to a partner (or, by the super administrator, to the platform)',
        body: StaffCreate,
        response: { 201: StaffResponse, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const staff = await createStaff({
        db,
        actor: request.actor,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(staff);
    },
  );

  app.get(
    '/staff/:id',
    {
      config: { right: 'staff:read' },
      schema: {
        tags,
        summary: 'One admin-panel user',
        params: IdParams,
        response: { 200: StaffResponse, ...problemResponses(401, 403, 404) },
      },
    },
    (request) => getStaff({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/staff/:id',
    {
      config: { right: 'staff:write' },
      schema: {
        tags,
        summary: 'Change a staff user; carries the version read, a stale one gets 409',
        params: IdParams,
        body: StaffUpdate,
        response: { 200: StaffResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      updateStaff({
        db,
        actor: request.actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.delete(
    '/staff/:id',
    {
      config: { right: 'staff:write' },
      schema: {
        tags,
        summary: 'Archive a staff user: its sessions end and its API tokens are revoked',
        params: IdParams,
        response: { 200: StaffResponse, ...problemResponses(401, 403, 404, 409) },
      },
    },
    (request) =>
      setStaffArchived({
        db,
        actor: request.actor,
        id: request.params.id,
        archived: true,
        requestId: request.id,
      }),
  );

  app.post(
    '/staff/:id/restore',
    {
      config: { right: 'staff:write' },
      schema: {
        tags,
        summary: 'Restore an archived staff user',
        params: IdParams,
        response: { 200: StaffResponse, ...problemResponses(401, 403, 404, 409) },
      },
    },
    (request) =>
      setStaffArchived({
        db,
        actor: request.actor,
        id: request.params.id,
        archived: false,
        requestId: request.id,
      }),
  );

  app.get(
    '/staff/:id/history',
    {
      config: { right: 'staff:read' },
      schema: {
        tags,
        summary: 'Who changed what and when (a password change is shown without values)',
        params: IdParams,
        response: { 200: HistoryResponse, ...problemResponses(401, 403, 404) },
      },
    },
    (request) => staffHistory({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/staff/:id/login-history',
    {
      config: { right: 'staff:read' },
      schema: {
        tags,
        summary:
          'Sign-in attempts to the admin panel, newest first; with format=csv|xlsx every row as a file',
        params: IdParams,
        querystring: StaffLoginHistoryQuery,
        produces: ['application/json', spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: { 200: StaffLoginHistory, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const { format, ...query } = request.query;
      if (format === undefined) return staffLoginHistory({ db, actor, id: request.params.id, query });
      const file = await exportStaffLoginHistory({
        db,
        actor,
        id: request.params.id,
        format,
        locale: request.locale,
      });
      // A Buffer skips the JSON serializer; the 200 schema describes the JSON form only.
      return sendSpreadsheet(reply, file, format, `staff-${request.params.id}-logins`);
    },
  );
};
