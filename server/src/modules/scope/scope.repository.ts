import type { Db } from '../../db/connect.js';
import type { Scope } from './scope.js';
import { partnerPathInScope, passwordPolicyInForce } from './scope.sql.js';

/*
 * The lookups every module needs of the partner tree: "this partner, if the caller may see it" and
 * "this contract, if the caller may see it". One row each, read by primary key; a record outside the
 * scope reads exactly like a missing one, so its existence never leaks.
 */

/** A partner of the scope (archived ones included), with what other modules decide on, or undefined. */
export async function findPartnerInScope(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('partners as p')
    .leftJoin('partners as parent', 'parent.id', 'p.parent_id')
    .where('p.id', '=', id)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
    .select([
      'p.id',
      'p.name',
      'p.parent_id',
      'p.path',
      'p.archived_at',
      'p.region',
      'p.currency',
      'p.additional_currencies',
      'p.price_tariff_id',
      'p.partner_price_tariff_id',
      'p.vat_percent',
      'p.user_password_policy',
      'parent.name as parent_name',
      'parent.vat_percent as parent_vat_percent',
    ])
    .executeTakeFirst();
}

export type PartnerInScope = NonNullable<Awaited<ReturnType<typeof findPartnerInScope>>>;

/** A contract of the scope (archived ones included), with its partner's facts, or undefined. */
export async function findContractInScope(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('contracts as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .where('c.id', '=', id)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
    .select([
      'c.id',
      'c.name',
      'c.partner_id',
      'c.currency',
      'c.tariff_id',
      'c.is_warehouse',
      'c.user_password_policy',
      'c.debt_blocked',
      'c.archived_at',
      'p.path as partner_path',
      'p.name as partner_name',
      'p.region as partner_region',
      'p.vat_percent as partner_vat_percent',
      'p.show_user_password',
      passwordPolicyInForce.as('password_policy'),
    ])
    .executeTakeFirst();
}

export type ContractInScope = NonNullable<Awaited<ReturnType<typeof findContractInScope>>>;

/** The ids of a partner's subtree (itself included), for filters that cannot join partners. */
export async function findSubtreePartnerIds(db: Db, rootPartnerId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('partners as p')
    .where((eb) => partnerPathInScope(eb, { kind: 'subtree', rootPartnerId }, 'p.path'))
    .select('p.id')
    .execute();
  return rows.map((row) => row.id);
}
