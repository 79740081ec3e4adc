/**
 * What a caller may see: the whole platform, or one partner's subtree. Every repository query of a
 * tenant-scoped table takes one of these, so a record outside it is simply not found (404).
 */
export type Scope = { kind: 'platform' } | { kind: 'subtree'; rootPartnerId: number };

/** The whole platform: for the super administrator, and for re-reading a row already found in scope. */
export const PLATFORM_SCOPE: Scope = { kind: 'platform' };

/** The scope of a caller of a partner (its subtree), or of the platform (partner null). */
export function scopeOfPartner(partnerId: number | null): Scope {
  return partnerId === null ? PLATFORM_SCOPE : { kind: 'subtree', rootPartnerId: partnerId };
}

/** True when a partner with this path (its ancestors down to itself) lies inside the scope. */
export function pathInScope(scope: Scope, path: readonly number[]): boolean {
  return scope.kind === 'platform' || path.includes(scope.rootPartnerId);
}
