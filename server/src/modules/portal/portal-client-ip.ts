import type { FastifyRequest } from 'fastify';
import { checkRight, PORTAL_LOGIN_RIGHT } from '../auth/auth.public.js';
import { unauthorized } from '../../lib/errors.js';

/**
 * The address a portal sign-in is counted and recorded under: the caller's own, or the clientIp the
 * monitoring portal sends for its user — taken only from a caller holding the portal:login right (an
 * API token of the platform), since anyone else could rotate it past the per-address limit (security
 * review, finding 2).
 */
export function trustedClientIp(clientIp: string | undefined, request: FastifyRequest): string {
  if (clientIp === undefined) return request.ip;
  if (!request.signedIn) throw unauthorized();
  checkRight(request.signedIn, PORTAL_LOGIN_RIGHT);
  return clientIp;
}
