import type { AdminRole } from '../../db/schema.js';
import { scopeOfPartner, type Scope } from '../scope/scope.public.js';

/** Who makes the request: an admin-panel user with a live session. */
export interface Actor {
  userId: number;
  login: string;
  role: AdminRole;
  /** null for the platform's super administrators. */
  partnerId: number | null;
  /** The actor's partner's path (ancestors down to itself); empty for super administrators. */
  partnerPath: number[];
  sessionId: string;
  csrfToken: string;
}

/** What the actor may see: the whole platform, or its partner's subtree. */
export function scopeOf(actor: Actor): Scope {
  return scopeOfPartner(actor.partnerId);
}
