import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type {
  LedgerAccountKind,
  LedgerOwnerType,
  LedgerTransfersTable,
  TransferKind,
} from '../../db/schema.js';
import { partnerPathInScope, type Scope } from '../scope/scope.public.js';
import {
  applyAccountDeltas,
  holdChargingLock,
  isAccountOf,
  isOwnedBy,
  tryHoldChargingLockShared,
} from './ledger.sql.js';
import { chargedObjectDays, lineReversed } from './charged-days.sql.js';

/** Whose account: the platform (id null), a partner or a contract. */
export interface AccountOwner {
  type: LedgerOwnerType;
  id: number | null;
}

export const PLATFORM: AccountOwner = { type: 'platform', id: null };

const ownerMatch = (owner: AccountOwner) => ({ type: owner.type, id: sql`${owner.id ?? 0}::bigint` });

/**
 * The id of an owner's account of a kind in a currency, opened on first use. Insert-then-select, so
 * two requests opening the same account at once both get the one row the unique index lets in.
 */
export async function openAccount(
  db: Db,
  owner: AccountOwner,
  kind: LedgerAccountKind,
  currency: string,
): Promise<number> {
  await sql`
    insert into ledger_accounts (owner_type, owner_id, kind, currency)
    values (${owner.type}, ${owner.id}::bigint, ${kind}, ${currency})
    on conflict (owner_type, (coalesce(owner_id, 0)), kind, currency) do nothing`.execute(db);
  const row = await sql<{ id: number }>`
    select id from ledger_accounts a where ${isAccountOf('a', ownerMatch(owner), kind, sql`${currency}`)}`.execute(
    db,
  );
  return row.rows[0]!.id;
}

/**
 * Locks accounts in id order before their balances move. Every writer of balances (payments, saves,
 * the billing run) takes its locks in this one order, so two of them never wait on each other in a cycle.
 */
export async function lockAccounts(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`select id from ledger_accounts where id = any(${[...ids]}::bigint[]) order by id for update`.execute(
    db,
  );
}

/** The cached balance of an owner's account, '0.00' when it has never moved. */
export async function accountBalance(
  db: Db,
  owner: AccountOwner,
  kind: LedgerAccountKind,
  currency: string,
): Promise<string> {
  const row = await sql<{ balance: string }>`
    select round(balance, 2)::text as balance from ledger_accounts a
     where ${isAccountOf('a', ownerMatch(owner), kind, sql`${currency}`)}`.execute(db);
  return row.rows[0]?.balance ?? '0.00';
}

/** An owner's balance accounts, one per currency it ever used, in id order. */
export async function balanceAccountsOf(db: Db, owner: AccountOwner) {
  const rows = await sql<{ id: number; currency: string; balance: string }>`
    select id, currency, balance::text as balance from ledger_accounts a
     where ${isOwnedBy('a', ownerMatch(owner))} and kind = 'balance'
     order by id`.execute(db);
  return rows.rows;
}

/** A transfer as ledger_transfers stores it. */
export type TransferRow = Selectable<LedgerTransfersTable>;

/** A transfer a person makes, as it is inserted (charges are the billing run's own statement). */
export type NewTransferRow = Insertable<LedgerTransfersTable> & { kind: Exclude<TransferKind, 'charge'> };

/** Inserts transfers and moves the cached balances over exactly those rows (the caller locked the accounts). */
export async function insertTransfers(db: Db, rows: readonly NewTransferRow[]): Promise<TransferRow[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('ledger_transfers')
    .values([...rows])
    .returningAll()
    .execute();
  const ids = inserted.map((row) => row.id);
  await sql`
    with moved as (select debit_account_id, credit_account_id, amount from ledger_transfers where id = any(${ids}::bigint[]))
    ${applyAccountDeltas('moved')}`.execute(db);
  return inserted;
}

/** A transfer of the scope's subtree (its partner_id in it), with the owners of its two accounts: what a correction or a drill-down starts from. */
export async function findTransferInScope(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('ledger_transfers as t')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .innerJoin('ledger_accounts as da', 'da.id', 't.debit_account_id')
    .innerJoin('ledger_accounts as ca', 'ca.id', 't.credit_account_id')
    .where('t.id', '=', id)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
    .select((eb) => [
      't.id',
      't.kind',
      't.currency',
      't.debit_account_id',
      't.credit_account_id',
      't.amount',
      't.partner_id',
      't.contract_id',
      't.level',
      't.charge_day',
      't.tariff_id',
      't.quantity',
      'da.owner_type as debit_owner_type',
      'da.owner_id as debit_owner_id',
      'da.kind as debit_kind',
      'ca.owner_type as credit_owner_type',
      'ca.owner_id as credit_owner_id',
      'ca.kind as credit_kind',
      eb
        .exists(
          eb
            .selectFrom('ledger_reversals as v')
            .select('v.reversed_id')
            .whereRef('v.reversed_id', '=', 't.id'),
        )
        .as('reversed'),
    ])
    .executeTakeFirst();
}

/** Records that a correction reversed a transfer whole (objectId 0) or one object's day of a charge. */
export async function insertReversal(db: Db, reversedId: number, objectId: number, correctionId: number) {
  await db
    .insertInto('ledger_reversals')
    .values({ reversed_id: reversedId, object_id: objectId, correction_id: correctionId })
    .execute();
}

/**
 * The first and the last day from `from` to `until` (null: no end) on which the object's contract was
 * charged for it (level 0), a day no correction has reversed; null when none. Reads the object's rows
 * of billing_object_days for the months of the range (one primary-key lookup each).
 */
export async function findChargedDays(
  db: Db,
  objectId: number,
  range: { from: string; until: string | null },
): Promise<{ first: string; last: string } | null> {
  const until = range.until === null ? sql`'infinity'::date` : sql`${range.until}::date`;
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select min(line.day)::text as first, max(line.day)::text as last
      from (${chargedObjectDays(
        sql`r.object_id = ${objectId}::bigint and r.month >= date_trunc('month', ${range.from}::date)::date
            and r.month <= ${until}`,
        sql`g.level = 0`,
      )}) line
     where line.day >= ${range.from}::date and line.day <= ${until} and not ${lineReversed('line')}`.execute(
    db,
  );
  const row = rows[0];
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/**
 * The last day charged at a tariff, at any level (the object's tariff or a Partner price), reversed or
 * not: a corrected day was billed all the same. Null when nothing was ever charged at it. One backward
 * step of ledger_transfers_tariff_day_idx per month partition (migration 0012).
 */
export async function lastChargeDayOfTariff(db: Db, tariffId: number): Promise<string | null> {
  const { rows } = await sql<{ day: string | null }>`
    select max(charge_day)::text as day
      from ledger_transfers
     where kind = 'charge' and tariff_id = ${tariffId}::bigint`.execute(db);
  return rows[0]?.day ?? null;
}

/**
 * Creates the month partitions of the ledger and of billing_object_days for the month of `day`, when
 * missing (migration 0010's ledger_ensure_month), in a short transaction of its own that holds the
 * charging lock: creating a partition locks the parent table, so it must never wait for a billing
 * run's transaction, nor a run for it (each would hold what the other needs: a deadlock). A payment
 * in flight only delays it for a moment. Not for a caller's open transaction.
 */
export async function ensureLedgerMonth(db: Db, day: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await holdChargingLock.execute(trx);
    await sql`select ledger_ensure_month(${day}::date)`.execute(trx);
  });
}

/** Holds the charging lock for the caller's transaction, waiting for a run that holds it (billing runs). */
export async function holdChargingRuns(db: Db): Promise<void> {
  await holdChargingLock.execute(db);
}

/**
 * Takes the charging lock shared for the caller's transaction, without waiting: false while a run is
 * charging. Held, no run starts charging until the transaction ends, and the runs after it read what
 * it wrote.
 */
export async function tryHoldChargingRunsOff(db: Db): Promise<boolean> {
  const { rows } = await tryHoldChargingLockShared.execute(db);
  return rows[0]?.held === true;
}
