import type { FastifyInstance } from 'fastify';
import type { Db, PoolUsage } from '../../db/connect.js';
import { isAddressOrNetwork } from '../../lib/networks.js';
import { checkScrapeAccess, type TokenCallerOf } from './metrics-access.js';
import { createAppMetrics } from './metrics-registry.js';

export interface MetricsOptions {
  db: Db;
  poolUsage?: (() => PoolUsage) | undefined;
  /** Networks (CIDR) and addresses that may scrape without a token (config.metricsNetworks). */
  networks: readonly string[];
  /**
   * The caller of an API token, as the API's session plugin finds it: handed in by the composition
   * (app.ts), as the plugin's Fastify augmentations must stay out of auth's public types (the web app
   * type-checks against them).
   */
  callerOfToken: TokenCallerOf;
}

/**
 * GET /metrics in the Prometheus text format, and the request timings it reports. Call it on the root
 * app before the other routes are registered: the timing hook then sees every route and the not-found
 * answers. Outside /api/v1 and hidden from the API document, as Prometheus expects it and as it is
 * not the API (docs/operations.md describes it).
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions) {
  const invalid = options.networks.filter((entry) => !isAddressOrNetwork(entry));
  if (invalid.length > 0)
    throw new Error(`Metrics networks must be CIDR networks or addresses: ${invalid.join(', ')}`);
  const metrics = createAppMetrics({
    db: options.db,
    poolUsage: options.poolUsage,
    onReadFailure: (error) => app.log.warn({ err: error }, 'metrics: the database could not be read'),
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest({
      method: request.method,
      route: request.routeOptions.url,
      statusCode: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    await checkScrapeAccess(options.callerOfToken, options.networks, request);
    const text = await metrics.scrape();
    return reply.type(metrics.contentType).send(text);
  });
}
