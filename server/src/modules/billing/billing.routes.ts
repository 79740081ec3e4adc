import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';

/** /billing/runs: the daily billing runs, their reports, and a run started by the super administrator. */
export const billingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async () => {};
