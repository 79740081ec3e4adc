import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';

export const userRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async () => {};
