import type { AdminRole } from '../../db/schema.js';
import { unauthorized } from '../../lib/errors.js';

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

/**
 * What the actor may see: the whole platform, or one partner's subtree. Every repository query of a
 * tenant-scoped table takes one of these.
 */
export type Scope = { kind: 'platform' } | { kind: 'subtree'; rootPartnerId: number };

export function scopeOf(actor: Actor): Scope {
  return actor.partnerId === null
    ? { kind: 'platform' }
    : { kind: 'subtree', rootPartnerId: actor.partnerId };
}

export function isSuperAdmin(actor: Actor): boolean {
  return actor.role === 'super_admin';
}

/** True when a partner with this path lies inside the scope. */
export function pathInScope(scope: Scope, path: readonly number[]): boolean {
  return scope.kind === 'platform' || path.includes(scope.rootPartnerId);
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or a 401 for a request without a live session. */
export function requireActor(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
