import type { AdminRole } from '../../db/schema.js';
import { scopeOfPartner, type Scope } from '../scope/scope.public.js';
import { allRights, normaliseRights, PORTAL_LOGIN_RIGHT, type Right } from './rights.js';

/** Who makes the request: an admin-panel user with a live session, or a machine with its API token. */
export interface Actor {
  userId: number;
  login: string;
  role: AdminRole;
  /** null for the platform's own people (super administrators, platform staff). */
  partnerId: number | null;
  /** The actor's partner's path (ancestors down to itself); empty for the platform's people. */
  partnerPath: number[];
  /** What the actor may do (rights.ts): every right for an administrator, its own for staff. */
  rights: ReadonlySet<Right>;
  /** The session the request came with; null for a request with an API token. */
  sessionId: string | null;
  csrfToken: string | null;
  /** The API token the request came with, if any. */
  apiTokenId: number | null;
}

/**
 * The rights a user holds: administrators every area right by their role (the super administrator
 * also the portal's login right), staff the area rights they were given.
 */
export function rightsOfUser(role: AdminRole, stored: readonly string[]): Right[] {
  if (role === 'super_admin') return [...allRights, PORTAL_LOGIN_RIGHT];
  if (role === 'partner_admin') return [...allRights];
  return normaliseRights(stored).filter((right) => right !== PORTAL_LOGIN_RIGHT);
}

/** What the actor may see: the whole platform, or its partner's subtree. */
export function scopeOf(actor: Actor): Scope {
  return scopeOfPartner(actor.partnerId);
}
