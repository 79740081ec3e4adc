import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { findBillingRunIssues, findBillingRuns, getBillingRun, startBillingRuns } from './billing.service.js';
import {
  BillingRunCreate,
  BillingRunIssueList,
  BillingRunList,
  BillingRunQuery,
  BillingRunResponse,
  BillingRunsCreated,
} from './billing.schemas.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { billingMessages } from './billing.messages.js';

/** /billing/runs: the daily billing runs, their reports, and a run started by the super administrator. */
export const billingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, billingMessages);
  const tags = ['billing'];

  app.get(
    '/billing/runs',
    {
      config: { access: 'super-admin' },
      schema: {
        tags,
        summary: 'Billing runs, newest first (super administrator)',
        querystring: BillingRunQuery,
        response: { 200: BillingRunList, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => findBillingRuns({ db, actor: request.actor, query: request.query }),
  );

  app.get(
    '/billing/runs/:id',
    {
      config: { access: 'super-admin' },
      schema: {
        tags,
        summary: 'One billing run: its counts, totals per currency and level, duration and error',
        params: IdParams,
        response: { 200: BillingRunResponse, ...problemResponses(401, 403, 404) },
      },
    },
    (request) => getBillingRun({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/billing/runs/:id/issues',
    {
      config: { access: 'super-admin' },
      schema: {
        tags,
        summary: 'The charges a run could not make, each with its reason (a missing exchange rate or price)',
        params: IdParams,
        querystring: BillingRunQuery,
        response: { 200: BillingRunIssueList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) =>
      findBillingRunIssues({
        db,
        actor: request.actor,
        id: request.params.id,
        query: request.query,
        translator: request.translator,
      }),
  );

  app.post(
    '/billing/runs',
    {
      config: { access: 'super-admin' },
      schema: {
        tags,
        summary: 'Run the billing of a day, or of each day of a range (at most 62 days, none after today)',
        description:
          'Charges what is missing and leaves what was charged: running a day again adds nothing. Answers ' +
          'the runs made, in day order; a failed day stops the range (its run has status failed and the error).',
        body: BillingRunCreate,
        response: { 201: BillingRunsCreated, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const result = await startBillingRuns({ db, actor: request.actor, input: request.body });
      return reply.status(201).send(result);
    },
  );
};
