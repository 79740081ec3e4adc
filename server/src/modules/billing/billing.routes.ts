import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';
import { localeFrom } from '../../lib/messages.js';
import { IdParams, problemResponses } from '../../lib/schemas.js';
import { requireActor } from '../auth/actor.js';
import { findBillingRunIssues, findBillingRuns, getBillingRun, startBillingRuns } from './billing.service.js';
import {
  BillingRunCreate,
  BillingRunIssueList,
  BillingRunList,
  BillingRunQuery,
  BillingRunResponse,
  BillingRunsCreated,
} from './billing.schemas.js';

/** /billing/runs: the daily billing runs, their reports, and a run started by the super administrator. */
export const billingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const tags = ['billing'];

  app.get(
    '/billing/runs',
    {
      schema: {
        tags,
        summary: 'Billing runs, newest first (super administrator)',
        querystring: BillingRunQuery,
        response: { 200: BillingRunList, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => findBillingRuns({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/billing/runs/:id',
    {
      schema: {
        tags,
        summary: 'One billing run: its counts, totals per currency and level, duration and error',
        params: IdParams,
        response: { 200: BillingRunResponse, ...problemResponses(401, 403, 404) },
      },
    },
    (request) => getBillingRun({ db, actor: requireActor(request), id: request.params.id }),
  );

  app.get(
    '/billing/runs/:id/issues',
    {
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
        actor: requireActor(request),
        id: request.params.id,
        query: request.query,
        locale: localeFrom(request.headers['accept-language']),
      }),
  );

  app.post(
    '/billing/runs',
    {
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
      const result = await startBillingRuns({ db, actor: requireActor(request), input: request.body });
      return reply.status(201).send(result);
    },
  );
};
