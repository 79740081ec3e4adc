import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connect.js';

export const portalRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async () => {};
