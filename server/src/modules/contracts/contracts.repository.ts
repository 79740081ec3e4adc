import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ContractsTable } from '../../db/schema.js';
import { ownerBalance } from '../ledger/ledger.public.js';
import { blockingPartner, partnerPathInScope, type Scope } from '../scope/scope.public.js';

export type NewContractRow = Insertable<ContractsTable>;
export type ContractRowUpdate = Updateable<ContractsTable>;

/** The contract's Balance: its ledger account with its partner in its currency, 0 before any movement. */
export const contractBalance = () => ownerBalance('contract', sql.ref('c.id'), sql.ref('c.currency'));

function selectContractDetails(db: Db, scope: Scope) {
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
      // The objects' tariff rule (objects.repository's price chain): without the contract's own
      // tariff, the nearest partner's Price up the tree in the contract's currency.
      sql<{ id: number; name: string } | null>`(
        select json_build_object('id', t.id, 'name', t.name)
          from unnest(p.path) with ordinality as u(partner_id, n)
          join partners a on a.id = u.partner_id
          join tariffs t on t.id = a.price_tariff_id and t.currency = c.currency
         order by u.n desc
         limit 1)`.as('inherited_tariff'),
      // A partner's block refuses the contract's portal users: the card says which partner's.
      blockingPartner(scope, sql.ref('p.path'), { includeSelf: true, usersToo: true }).as('blocked_by'),
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
  return selectContractDetails(db, scope)
    .where('c.id', '=', id)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
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
