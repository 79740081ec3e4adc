import { sql, type RawBuilder } from 'kysely';
import type { LedgerAccountKind, LedgerOwnerType } from '../../db/schema.js';

/*
 * The ledger's SQL fragments for statements written elsewhere (lists, the billing run): which row of
 * ledger_accounts is an owner's account, and the one rule of balances.
 */

/** An account's owner in SQL: its type (a literal or an expression) and its id (0 for the platform). */
export interface OwnerSql {
  type: LedgerOwnerType | RawBuilder<unknown>;
  id: RawBuilder<unknown>;
}

/**
 * Account `alias` belongs to the owner. Written as the leading expressions of the accounts' unique
 * index (owner_type, coalesce(owner_id, 0), kind, currency), so the index finds its accounts.
 */
export function isOwnedBy(alias: string, owner: OwnerSql): RawBuilder<boolean> {
  const type = typeof owner.type === 'string' ? sql.lit(owner.type) : owner.type;
  return sql<boolean>`${sql.ref(`${alias}.owner_type`)} = ${type} and coalesce(${sql.ref(`${alias}.owner_id`)}, 0) = ${owner.id}`;
}

/** Account `alias` is the owner's account of a kind in a currency: one lookup of the unique index. */
export function isAccountOf(
  alias: string,
  owner: OwnerSql,
  kind: LedgerAccountKind,
  currency: RawBuilder<unknown>,
): RawBuilder<boolean> {
  return sql<boolean>`${isOwnedBy(alias, owner)}
    and ${sql.ref(`${alias}.kind`)} = ${sql.lit(kind)} and ${sql.ref(`${alias}.currency`)} = ${currency}`;
}

/** Account `alias` is the balance account of a contract or partner (`ownerId`) in `currency`. */
export function isBalanceAccountOf(
  alias: string,
  ownerType: 'contract' | 'partner',
  ownerId: RawBuilder<unknown>,
  currency: RawBuilder<unknown>,
): RawBuilder<boolean> {
  return isAccountOf(alias, { type: ownerType, id: ownerId }, 'balance', currency);
}

/**
 * The Balance of a contract or partner as its card and list show it: its balance account in its
 * currency, rounded to kopecks, '0.00' before any movement (one index lookup per row).
 */
export function ownerBalance(
  ownerType: 'contract' | 'partner',
  ownerId: RawBuilder<unknown>,
  currency: RawBuilder<unknown>,
): RawBuilder<string> {
  return sql<string>`round(coalesce((select a.balance from ledger_accounts a
    where ${isBalanceAccountOf('a', ownerType, ownerId, currency)}), 0), 2)::text`;
}

/*
 * The one rule of balances: an account's balance is the sum of its credits minus the sum of its
 * debits. Every statement that inserts transfers moves the cached balances with this fragment, in the
 * same statement or transaction, over exactly the rows it inserted.
 */

/** Each account's net change in the transfers of `relation` (a CTE or table with debit_account_id, credit_account_id, amount). */
export function accountDeltasOf(relation: string): RawBuilder<unknown> {
  const rows = sql.table(relation);
  return sql`
    select account_id, sum(delta) as delta
      from (select credit_account_id as account_id, amount as delta from ${rows}
            union all
            select debit_account_id, -amount from ${rows}) entries
     group by account_id`;
}

/** An UPDATE (usable as a data-modifying CTE) that adds the deltas of `relation` to the cached balances. */
export function applyAccountDeltas(relation: string): RawBuilder<unknown> {
  return sql`
    update ledger_accounts a set balance = a.balance + m.delta
      from (${accountDeltasOf(relation)}) m
     where a.id = m.account_id`;
}

/**
 * The advisory lock every billing run holds for its transaction (an arbitrary constant, unique to
 * charging). Runs take it exclusively; a save that must not race a run (an object's active days
 * narrowed over charged days) tries it in shared mode.
 */
const CHARGING_LOCK = 5_005_001;

/** Waits for and holds the charging lock exclusively until the transaction ends (a billing run). */
export const holdChargingLock = sql`select pg_advisory_xact_lock(${CHARGING_LOCK}::bigint)`;

/** Tries the charging lock in shared mode for the transaction, without waiting; `held` says if it got it. */
export const tryHoldChargingLockShared = sql<{
  held: boolean;
}>`select pg_try_advisory_xact_lock_shared(${CHARGING_LOCK}::bigint) as held`;
