import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect.js';
import { forbidden, unauthorized } from '../../lib/errors.js';
import { addressInNetworks } from '../../lib/networks.js';
import { apiTokenCallerOf, isSuperAdmin } from '../auth/auth.public.js';

/**
 * Who may read /metrics: a client inside one of the configured networks (FLEETDESK_METRICS_NETWORKS,
 * the address as Fastify computes it, behind the trusted proxies), or a caller with an API token of a
 * super administrator. The metrics are the whole platform's (every partner's billing, every route's
 * traffic), so a partner's token is refused (403 forbidden) as its owner would be from the billing runs;
 * no token, or one that has ended, is 401 unauthorized. A session cookie does not count: scrapers send
 * a token, and a browser has no business here.
 */
export async function checkScrapeAccess(
  db: Db,
  networks: readonly string[],
  request: FastifyRequest,
): Promise<void> {
  if (addressInNetworks(request.ip, networks)) return;
  const caller = await apiTokenCallerOf(db, request);
  if (!caller) throw unauthorized();
  if (!isSuperAdmin(caller)) throw forbidden();
}
