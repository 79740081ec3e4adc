import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { LedgerAccountKind, LedgerOwnerType } from '../../db/schema.js';

/** Whose account: the platform (id null), a partner or a contract. */
export interface AccountOwner {
  type: LedgerOwnerType;
  id: number | null;
}

export const PLATFORM: AccountOwner = { type: 'platform', id: null };

/**
 * The id of an owner's account of a kind in a currency, opened on first use. Insert-then-select, so
 * two requests opening the same account at once both get the one row the unique index lets in.
 */
export async function accountId(
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
    select id from ledger_accounts
     where owner_type = ${owner.type} and coalesce(owner_id, 0) = ${owner.id ?? 0}::bigint
       and kind = ${kind} and currency = ${currency}`.execute(db);
  return row.rows[0]!.id;
}

/**
 * Locks accounts in id order before their balances move. Every writer of balances (payments, the
 * billing run) takes its locks in this one order, so two of them never wait on each other in a cycle.
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
    select round(balance, 2)::text as balance from ledger_accounts
     where owner_type = ${owner.type} and coalesce(owner_id, 0) = ${owner.id ?? 0}::bigint
       and kind = ${kind} and currency = ${currency}`.execute(db);
  return row.rows[0]?.balance ?? '0.00';
}
