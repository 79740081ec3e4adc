import { sql, type ExpressionBuilder, type RawBuilder, type StringReference } from 'kysely';
import type { Scope } from './scope.js';

/*
 * The one way to say "in the caller's subtree" in SQL. A partner's `path` holds the ids from its
 * top-level ancestor down to itself (GIN-indexed), so its subtree is `path @> array[id]`: one indexed
 * condition. Tables below partners carry `partner_id` and are scoped through it.
 */

/** A partner path (a column or expression) lies in the subtree of `rootPartnerId`. */
export function inSubtree(rootPartnerId: number, path: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`${path} @> array[${rootPartnerId}]::bigint[]`;
}

/** The ids of the partners of a subtree, as a subquery: `partner_id in (subtreePartnerIds(root))`. */
export function subtreePartnerIds(rootPartnerId: number): RawBuilder<unknown> {
  return sql`select id from partners where ${inSubtree(rootPartnerId, sql.ref('path'))}`;
}

/**
 * A partner path column of the query lies in the scope (the column is checked against the query's
 * tables): `.where((eb) => partnerPathInScope(eb, scope, 'p.path'))`.
 */
export function partnerPathInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
  path: StringReference<DB, TB>,
): RawBuilder<boolean> {
  return scopedPath(scope, sql`${eb.ref(path)}`);
}

/**
 * A partner id column of the query lies in the scope, without a join to partners:
 * `.where((eb) => partnerIdInScope(eb, scope, 'o.partner_id'))`.
 */
export function partnerIdInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
  partnerId: StringReference<DB, TB>,
): RawBuilder<boolean> {
  return scopedPartnerId(scope, sql`${eb.ref(partnerId)}`);
}

/** The same as partnerIdInScope, for a statement written as SQL text. */
export function scopedPartnerId(scope: Scope, partnerId: RawBuilder<unknown>): RawBuilder<boolean> {
  return scope.kind === 'platform'
    ? sql<boolean>`true`
    : sql<boolean>`${partnerId} in (${subtreePartnerIds(scope.rootPartnerId)})`;
}

/**
 * The password policy in force for the portal users of a contract `c` of partner `p`: its own, unless
 * it inherits its partner's.
 */
export const passwordPolicyInForce = sql<'simple' | 'complex'>`case when c.user_password_policy = 'inherit'
  then p.user_password_policy else c.user_password_policy end`;

/** The same as partnerPathInScope, for a statement written as SQL text. */
export function scopedPath(scope: Scope, path: RawBuilder<unknown>): RawBuilder<boolean> {
  return scope.kind === 'platform' ? sql<boolean>`true` : inSubtree(scope.rootPartnerId, path);
}

/** The partner whose block applies to a record, as the API answers it ("Blocked by partner X"). */
export interface BlockingPartner {
  id: number | null;
  name: string | null;
}

/**
 * The nearest partner up a partner path whose block applies to a record: Block Partner, and with
 * `usersToo` also Block users of accounts partner (what refuses a contract's portal users). `includeSelf`
 * counts the path's own partner (a contract's or user's partner), not only its ancestors. A partner
 * above the caller's own is told without its id and name, as the caller may not see it. Null: none.
 */
export function blockingPartner(
  scope: Scope,
  path: RawBuilder<unknown>,
  options: { includeSelf: boolean; usersToo: boolean },
): RawBuilder<BlockingPartner | null> {
  const blocks = options.usersToo ? sql`(a.blocked or a.users_blocked)` : sql`a.blocked`;
  const own = options.includeSelf ? sql`true` : sql`a.id <> ${path}[cardinality(${path})]`;
  const visible = scope.kind === 'platform' ? sql`true` : inSubtree(scope.rootPartnerId, sql.ref('a.path'));
  return sql<BlockingPartner | null>`(
    select json_build_object(
      'id', case when ${visible} then a.id end,
      'name', case when ${visible} then a.name end)
    from partners a
    where a.id = any(${path}) and ${own} and ${blocks}
    order by array_position(${path}, a.id) desc
    limit 1)`;
}
