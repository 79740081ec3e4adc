import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ContractsTable } from '../../db/schema.js';
import type { Scope } from '../auth/actor.js';
import { inScope } from '../partners/partners.repository.js';

export type NewContractRow = Insertable<ContractsTable>;
export type ContractRowUpdate = Updateable<ContractsTable>;

/** What a contract needs to know of its partner: scope, liveness, tax country, currencies. */
export async function findPartnerForContract(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('partners as p')
    .where('p.id', '=', id)
    .where(inScope(scope))
    .select([
      'p.id',
      'p.name',
      'p.path',
      'p.archived_at',
      'p.region',
      'p.currency',
      'p.additional_currencies',
    ])
    .executeTakeFirst();
}

export type ContractPartner = NonNullable<Awaited<ReturnType<typeof findPartnerForContract>>>;

/**
 * The contract's balance: its ledger account with its partner in the contract's currency (the
 * expression of the accounts' unique index, so one index lookup per contract), 0 before any movement.
 */
export function contractBalance() {
  return sql<string>`round(coalesce((select a.balance from ledger_accounts a
    where a.owner_type = 'contract' and coalesce(a.owner_id, 0) = c.id and a.kind = 'balance'
      and a.currency = c.currency), 0), 2)::text`;
}

function selectContractDetails(db: Db) {
  return db
    .selectFrom('contracts as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .leftJoin('tariffs as t', 't.id', 'c.tariff_id')
    .selectAll('c')
    .select((eb) => [
      'p.name as partner_name',
      't.name as tariff_name',
      // One contract at a time: two indexed counts are cheap here; the list counts a page at once.
      contractBalance().as('balance'),
      eb
        .selectFrom('objects as o')
        .whereRef('o.contract_id', '=', 'c.id')
        .where('o.archived_at', 'is', null)
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('objects_count'),
      eb
        .selectFrom('portal_users as u')
        .whereRef('u.contract_id', '=', 'c.id')
        .where('u.archived_at', 'is', null)
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('users_count'),
    ]);
}

export type ContractDetails = NonNullable<Awaited<ReturnType<typeof findContract>>>;

/** A contract of the scope's subtree (archived ones included), or undefined. */
export async function findContract(db: Db, id: number, scope: Scope) {
  return selectContractDetails(db).where('c.id', '=', id).where(inScope(scope)).executeTakeFirst();
}

/**
 * The scoping facts of a contract for other modules (objects, users): undefined when it does not
 * exist for the scope.
 */
export async function findContractInScope(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('contracts as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .where('c.id', '=', id)
    .where(inScope(scope))
    .select([
      'c.id',
      'c.partner_id',
      'p.path as partner_path',
      'c.tariff_id',
      'c.is_warehouse',
      'c.user_password_policy',
      'c.archived_at',
    ])
    .executeTakeFirst();
}

export async function insertContract(db: Db, row: NewContractRow): Promise<number> {
  const inserted = await db.insertInto('contracts').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Updates when `version` is current and bumps it; false when someone else saved first. */
export async function updateContractRow(db: Db, id: number, version: number, changes: ContractRowUpdate) {
  const result = await db
    .updateTable('contracts')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Objects and portal users carry their partner too (for scoping): they follow a moved contract. */
export async function moveContractChildren(db: Db, contractId: number, partnerId: number) {
  await db
    .updateTable('objects')
    .set({ partner_id: partnerId, updated_at: new Date() })
    .where('contract_id', '=', contractId)
    .where('partner_id', '<>', partnerId)
    .execute();
  await db
    .updateTable('portal_users')
    .set({ partner_id: partnerId, updated_at: new Date() })
    .where('contract_id', '=', contractId)
    .where('partner_id', '<>', partnerId)
    .execute();
}

export async function setContractArchived(db: Db, id: number, archivedAt: Date | null) {
  await db
    .updateTable('contracts')
    .set((eb) => ({ archived_at: archivedAt, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

export async function partnerHasLiveContracts(db: Db, partnerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('contracts')
    .where('partner_id', '=', partnerId)
    .where('archived_at', 'is', null)
    .select('id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Live objects and portal users of a page of contracts: two grouped queries, never one per row. */
export async function countContractChildren(db: Db, contractIds: number[]) {
  const counts = new Map<number, { objects: number; users: number }>();
  if (contractIds.length === 0) return counts;
  for (const id of contractIds) counts.set(id, { objects: 0, users: 0 });
  const [objects, users] = await Promise.all([
    db
      .selectFrom('objects')
      // One array parameter, not one per id: an export passes up to 100,000 ids.
      .where((eb) => eb('contract_id', '=', eb.fn.any(eb.val(contractIds))))
      .where('archived_at', 'is', null)
      .groupBy('contract_id')
      .select((eb) => ['contract_id', eb.fn.countAll<number>().as('n')])
      .execute(),
    db
      .selectFrom('portal_users')
      .where((eb) => eb('contract_id', '=', eb.fn.any(eb.val(contractIds))))
      .where('archived_at', 'is', null)
      .groupBy('contract_id')
      .select((eb) => ['contract_id', eb.fn.countAll<number>().as('n')])
      .execute(),
  ]);
  for (const row of objects) counts.get(Number(row.contract_id))!.objects = Number(row.n);
  for (const row of users) counts.get(Number(row.contract_id))!.users = Number(row.n);
  return counts;
}

/**
 * Whether a live object of the contract is pinned to a tariff that a partner with this path may not
 * sell (owned by a partner off the path): moving the contract there would bill a price not sold there.
 */
export async function hasObjectsPricedOffPath(db: Db, contractId: number, path: readonly number[]) {
  const row = await db
    .selectFrom('objects as o')
    .innerJoin('tariffs as t', 't.id', 'o.tariff_id')
    .where('o.contract_id', '=', contractId)
    .where('o.archived_at', 'is', null)
    .where('t.owner_partner_id', 'is not', null)
    .where(sql<boolean>`not (t.owner_partner_id = any(${[...path]}::bigint[]))`)
    .select('o.id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
