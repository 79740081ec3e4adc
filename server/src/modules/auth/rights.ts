/*
 * Rights of admin-panel users: read and write, separately, per area. Administrators (the platform's
 * and a partner's) hold every right by their role; a staff user holds the rights it was given. Write
 * implies read: a list is normalised so that it always says so, and a check of "x:read" passes with
 * "x:write".
 */

export const rightAreas = [
  'partners',
  'contracts',
  'objects',
  'users',
  'tariffs',
  'finance',
  'settings',
  'staff',
] as const;
export type RightArea = (typeof rightAreas)[number];
export type AreaRight = `${RightArea}:${'read' | 'write'}`;
/**
 * Presenting a portal user's address to POST /portal/login (the monitoring portal signs its users in
 * through the API): only the platform's super administrators hold it, so only the platform's own
 * portal may speak for its users' addresses. Never a staff right.
 */
export const PORTAL_LOGIN_RIGHT = 'portal:login';
export type Right = AreaRight | typeof PORTAL_LOGIN_RIGHT;

/** Every area right: what an administrator holds and what a staff user may be given. */
export const allRights: readonly AreaRight[] = rightAreas.flatMap((area) => [
  `${area}:read` as const,
  `${area}:write` as const,
]);

const known = new Set<string>([...allRights, PORTAL_LOGIN_RIGHT]);

export function isRight(value: string): value is Right {
  return known.has(value);
}

/** A list of rights as stored and shown: known ones only, each write with its read, in catalogue order. */
export function normaliseRights(list: readonly string[]): Right[] {
  const held = new Set<Right>(list.filter(isRight));
  for (const right of [...held]) {
    if (right.endsWith(':write')) held.add(right.replace(':write', ':read') as Right);
  }
  const catalogue: readonly Right[] = [...allRights, PORTAL_LOGIN_RIGHT];
  return catalogue.filter((right) => held.has(right));
}

/** The ready-made sets the browser offers; each is a normalised list. */
export const rightPresets: Record<'readOnly' | 'finance' | 'support' | 'administrator', readonly Right[]> = {
  readOnly: normaliseRights(rightAreas.map((area) => `${area}:read`)),
  finance: normaliseRights(['finance:write', 'partners:read', 'contracts:read', 'tariffs:read']),
  support: normaliseRights([
    'contracts:read',
    'objects:write',
    'users:write',
    'partners:read',
    'tariffs:read',
  ]),
  administrator: [...allRights],
};

/**
 * What a route needs, declared on it: `config: { right: 'contracts:write' }`. A list is any one of
 * them (a pick list that several forms read); 'none' is what every signed-in user may do (its own
 * profile and sessions, reference data).
 */
export type RouteRight = Right | readonly Right[] | 'none';

export function rightsNeeded(routeRight: RouteRight): readonly Right[] {
  if (routeRight === 'none') return [];
  return typeof routeRight === 'string' ? [routeRight] : routeRight;
}

/** Whether a holder of `held` passes a route that needs `routeRight`. */
export function passes(held: ReadonlySet<Right>, routeRight: RouteRight): boolean {
  const needed = rightsNeeded(routeRight);
  return needed.length === 0 || needed.some((right) => held.has(right));
}
