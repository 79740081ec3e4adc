import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { sendSpreadsheet, spreadsheetContentTypes } from '../../lib/spreadsheet.js';
import { HistoryResponse } from '../audit/audit.public.js';
import {
  archiveUser,
  resetUserPassword,
  restoreUser,
  setUserBlocked,
  userHistory,
} from './user-lifecycle.service.js';
import {
  exportUserLoginHistory,
  findUsers,
  passwordPolicyFor,
  suggestPassword,
  userLoginHistory,
} from './users-list.service.js';
import { createUser, getUser, updateUser } from './users.service.js';
import {
  GeneratedPassword,
  GeneratePasswordBody,
  LoginHistoryQuery,
  LoginHistoryResponse,
  MasterLoginResponse,
  PasswordPolicyQuery,
  PasswordPolicyResponse,
  ResetPasswordResponse,
  UserCreate,
  UserList,
  UserQuery,
  UserResponse,
  UserUpdate,
} from './users.schemas.js';
import { issueMasterLogin } from './master-login.service.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { usersMessages } from './users.messages.js';

/** Portal users (the people of a contract who log in to the monitoring portal), for the admin panel. */
export const userRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, usersMessages);
  const tags = ['users'];

  app.get(
    '/users',
    {
      config: { right: 'users:read' },
      schema: {
        tags,
        summary: "Portal users of the caller's subtree: search, filters, sort, paging",
        querystring: UserQuery,
        response: { 200: UserList, ...problemResponses(400, 401) },
      },
    },
    (request) => findUsers({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/users/password-policy',
    {
      config: { right: 'users:read' },
      schema: {
        tags,
        summary: "The password policy in force for a contract's users, and whether to show passwords",
        querystring: PasswordPolicyQuery,
        response: { 200: PasswordPolicyResponse, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => passwordPolicyFor({ db, actor: request.actor, contractId: request.query.contractId }),
  );

  app.post(
    '/users/generate-password',
    {
      config: { right: 'users:write' },
      schema: {
        tags,
        summary: "A generated password the contract's policy accepts (nothing is stored)",
        body: GeneratePasswordBody,
        response: { 200: GeneratedPassword, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => suggestPassword({ db, actor: request.actor, input: request.body }),
  );

  app.post(
    '/users',
    {
      config: { right: 'users:write' },
      schema: {
        tags,
        summary: 'Add a portal user to a contract',
        body: UserCreate,
        response: { 201: UserResponse, ...problemResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const user = await createUser({
        db,
        actor: request.actor,
        input: request.body,
        requestId: request.id,
      });
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/users/:id',
    {
      config: { right: 'users:read' },
      schema: {
        tags,
        summary: 'One portal user',
        params: IdParams,
        response: { 200: UserResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => getUser({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/users/:id',
    {
      config: { right: 'users:write' },
      schema: {
        tags,
        summary: 'Change a portal user; carries the version read, a stale one gets 409',
        params: IdParams,
        body: UserUpdate,
        response: { 200: UserResponse, ...problemResponses(400, 401, 404, 409) },
      },
    },
    (request) =>
      updateUser({
        db,
        actor: request.actor,
        id: request.params.id,
        input: request.body,
        requestId: request.id,
      }),
  );

  for (const [action, blocked] of [
    ['block', true],
    ['unblock', false],
  ] as const) {
    app.post(
      `/users/:id/${action}`,
      {
        config: { right: 'users:write' },
        schema: {
          tags,
          summary: blocked ? 'Block a portal user: refused at the portal login' : 'Unblock a portal user',
          params: IdParams,
          response: { 200: UserResponse, ...problemResponses(401, 404, 409) },
        },
      },
      (request) =>
        setUserBlocked({
          db,
          actor: request.actor,
          id: request.params.id,
          blocked,
          requestId: request.id,
        }),
    );
  }

  app.delete(
    '/users/:id',
    {
      config: { right: 'users:write' },
      schema: {
        tags,
        summary: 'Archive a portal user (restorable; the login is never reused)',
        params: IdParams,
        response: { 200: UserResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => archiveUser({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/users/:id/restore',
    {
      config: { right: 'users:write' },
      schema: {
        tags,
        summary: 'Restore an archived portal user',
        params: IdParams,
        response: { 200: UserResponse, ...problemResponses(401, 404, 409) },
      },
    },
    (request) => restoreUser({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { right: 'users:write' },
      schema: {
        tags,
        summary:
          "Set a generated password; it is returned once when the partner's Show user password is on, else null",
        params: IdParams,
        response: { 200: ResetPasswordResponse, ...problemResponses(401, 404, 409) },
      },
    },
    (request) =>
      resetUserPassword({ db, actor: request.actor, id: request.params.id, requestId: request.id }),
  );

  app.post(
    '/users/:id/master-login',
    {
      config: { right: 'users:write' },
      schema: {
        tags,
        summary:
          'Log in as this user in the monitoring portal: a single-use token valid for 60 seconds (POST /portal/login {masterToken})',
        params: IdParams,
        response: { 201: MasterLoginResponse, ...problemResponses(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const answer = await issueMasterLogin({
        db,
        actor: request.actor,
        id: request.params.id,
        requestId: request.id,
      });
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/users/:id/history',
    {
      config: { right: 'users:read' },
      schema: {
        tags,
        summary: 'Who changed what and when (a password change is shown without values)',
        params: IdParams,
        response: { 200: HistoryResponse, ...problemResponses(401, 404) },
      },
    },
    (request) => userHistory({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/users/:id/login-history',
    {
      config: { right: 'users:read' },
      schema: {
        tags,
        summary: 'Portal login attempts, newest first; with format=csv|xlsx every row as a file',
        params: IdParams,
        querystring: LoginHistoryQuery,
        produces: ['application/json', spreadsheetContentTypes.csv, spreadsheetContentTypes.xlsx],
        response: { 200: LoginHistoryResponse, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const { format, ...query } = request.query;
      if (format === undefined) return userLoginHistory({ db, actor, id: request.params.id, query });
      const file = await exportUserLoginHistory({
        db,
        actor,
        id: request.params.id,
        format,
        locale: request.locale,
      });
      // A Buffer skips the JSON serializer; the 200 schema describes the JSON form only.
      return sendSpreadsheet(reply, file, format, `user-${request.params.id}-logins`);
    },
  );
};
