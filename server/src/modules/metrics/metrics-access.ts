import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../../lib/errors.js';
import { addressInNetworks } from '../../lib/networks.js';
import { isSuperAdmin, type Actor } from '../auth/auth.public.js';

/** The caller of a request's API token (the session plugin's): undefined without one, 401 for a dead one. */
export type TokenCallerOf = (request: FastifyRequest) => Promise<Actor | undefined>;

/**
 * Who may read /metrics: a client inside one of the configured networks (FLEETDESK_METRICS_NETWORKS,
 * the address as Fastify computes it, behind the trusted proxies), or a caller with an API token of a
 * super administrator. The metrics are the whole platform's (every partner's billing, every route's
 * traffic), so a partner's token is refused (403 forbidden) as its owner would be from the billing runs;
 * no token, or one that has ended, is 401 unauthorized. A session cookie does not count: scrapers send
 * a token, and a browser has no business here.
 */
export async function checkScrapeAccess(
  callerOfToken: TokenCallerOf,
  networks: readonly string[],
  request: FastifyRequest,
): Promise<void> {
  if (addressInNetworks(request.ip, networks)) return;
  const caller = await callerOfToken(request);
  if (!caller) throw unauthorized();
  if (!isSuperAdmin(caller)) throw forbidden();
}
