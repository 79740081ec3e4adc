import { forbidden, rightMissing } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { passes, rightsNeeded, type Right, type RouteRight } from './rights.js';

/*
 * The role tests, in one place. Scoping (which records exist for the actor) is the Scope's business;
 * these answer what the actor's role lets it do with what it can see.
 */

/** Who may call a route, declared in the route's config: `config: { access: 'public' }`. */
export type RouteAccess =
  /** Anyone, without a session: signing in, the health check, the portal's login check. */
  | 'public'
  /** A signed-in admin-panel user (the default). */
  | 'signed-in'
  /** The platform's operator only: billing runs, exchange rates. */
  | 'super-admin';

/** The platform's operator: sees and may change everything. */
export function isSuperAdmin(actor: Actor): boolean {
  return actor.role === 'super_admin';
}

/**
 * One of the platform's own people rather than a partner's: what only the platform may own (a
 * top-level partner, a platform tariff) it may create. A question of whose the actor is, not of its role.
 */
export function actsForPlatform(actor: Actor): boolean {
  return actor.partnerId === null;
}

/** Whether the actor holds a right (write implies read: rights.ts). */
export function holdsRight(actor: Actor, right: Right): boolean {
  return actor.rights.has(right);
}

/** Refuses (403 right_missing, naming the right) an actor without the right a route or action needs. */
export function checkRight(actor: Actor, routeRight: RouteRight): void {
  if (passes(actor.rights, routeRight)) return;
  throw rightMissing(rightsNeeded(routeRight)[0]!);
}

/** An administrator (the platform's or a partner's), as opposed to a staff user. */
export function isAdministrator(actor: Actor): boolean {
  return actor.role === 'super_admin' || actor.role === 'partner_admin';
}

/** The partner's own administrator, acting on its own partner record. */
export function isOwnPartnerAdmin(actor: Actor, partnerId: number): boolean {
  return actor.role === 'partner_admin' && actor.partnerId === partnerId;
}

/** Whether the actor may call a route of this access; every role passes 'signed-in'. */
export function mayCall(access: RouteAccess, actor: Actor): boolean {
  return access !== 'super-admin' || isSuperAdmin(actor);
}

/** Refuses (403) an actor whose role the route's access does not admit. */
export function checkRouteAccess(access: RouteAccess, actor: Actor): void {
  if (!mayCall(access, actor)) throw forbidden();
}
