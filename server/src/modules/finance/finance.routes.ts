import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';

/** /finance: payments, write-offs, corrections, transactions, balances, statements, revenue, exchange rates. */
export const financeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async () => {};
