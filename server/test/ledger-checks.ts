/*
 * The ledger as the tests read it back: the one set of its invariants, an account's cached balance,
 * and a snapshot to compare before and after a rerun. Every test that moves money checks the same
 * invariants with expectLedgerConsistent, whether the money moved through the API or the billing run.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../src/db/connect.js';
import type { LedgerAccountKind } from '../src/db/schema.js';
import {
  type AccountOwner,
  accountBalance,
  applyDebtBlocking,
  chargedObjectDays,
} from '../src/modules/ledger/ledger.public.js';

export interface LedgerViolations {
  /** Transfers whose two accounts are not both in the transfer's currency. */
  mixedCurrencyTransfers: number[];
  /** Currencies whose cached balances, or whose entries (credits − debits of every account), do not sum to zero. */
  unbalancedCurrencies: string[];
  /** Accounts whose cached balance differs from the credits minus the debits of their transfers. */
  driftedAccounts: number[];
  /**
   * Charges (by day, level, accounts and tariff) whose quantity of object-days differs from the
   * object-days billing_object_days attributes to them; "none" for object-days without any charge.
   */
  chargesApartFromObjectDays: string[];
  /** Live contracts whose debt_blocked is not what the blocking rule gives for their balance. */
  wrongDebtBlocks: number[];
}

export const NO_LEDGER_VIOLATIONS: LedgerViolations = {
  mixedCurrencyTransfers: [],
  unbalancedCurrencies: [],
  driftedAccounts: [],
  chargesApartFromObjectDays: [],
  wrongDebtBlocks: [],
};

/** Thrown to roll back the transaction in which the blocking rule is tried. */
class TriedOnly extends Error {}

/**
 * The contracts whose debt_blocked the blocking rule would flip now. The rule itself is run (it lives
 * in one place, applyDebtBlocking) in a transaction that is always rolled back, so it changes nothing.
 */
async function contractsTheRuleWouldFlip(db: Db): Promise<number[]> {
  let flipped: number[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const { blocked, unblocked } = await applyDebtBlocking(trx, null);
      flipped = [...blocked, ...unblocked].sort((a, b) => a - b);
      throw new TriedOnly();
    });
  } catch (error) {
    if (!(error instanceof TriedOnly)) throw error;
  }
  return flipped;
}

/** Every invariant of the ledger over the whole database; NO_LEDGER_VIOLATIONS when it holds. */
export async function ledgerViolations(db: Db): Promise<LedgerViolations> {
  const mixed = await sql<{ id: number }>`
    select t.id from ledger_transfers t
      join ledger_accounts d on d.id = t.debit_account_id
      join ledger_accounts c on c.id = t.credit_account_id
     where d.currency <> t.currency or c.currency <> t.currency
     order by t.id`.execute(db);
  // Both sides of the books: the cached balances, and the entries themselves by their accounts' currency.
  const unbalanced = await sql<{ currency: string }>`
    select currency::text as currency from ledger_accounts group by currency having sum(balance) <> 0
    union
    select currency::text from (select c.currency, t.amount as entry from ledger_transfers t
                                  join ledger_accounts c on c.id = t.credit_account_id
                                union all
                                select d.currency, -t.amount from ledger_transfers t
                                  join ledger_accounts d on d.id = t.debit_account_id) entries
     group by currency having sum(entry) <> 0
     order by currency`.execute(db);
  const drifted = await sql<{ id: number }>`
    select a.id from ledger_accounts a
      left join (select account_id, sum(delta) as delta
                   from (select credit_account_id as account_id, amount as delta from ledger_transfers
                         union all
                         select debit_account_id, -amount from ledger_transfers) e
                  group by account_id) s on s.account_id = a.id
     where a.balance <> coalesce(s.delta, 0)
     order by a.id`.execute(db);
  // Set-based: each object-day's charge key (level 0: its contract and tariff; level n: its payer, the
  // partner at depth n of its path then), counted, against the charges' quantities per key.
  const apart = await sql<{ key: string }>`
    with attributed as (
      select line.day, line.level, line.currency,
             case when line.level = 0 then line.contract_id else bp.path[line.level] end as payer,
             case when line.level = 0 then line.tariff_id else 0 end as tariff_id, count(*) as n
        from (${chargedObjectDays(sql`true`)}) line
        left join billing_paths bp on bp.id = line.path_id
       group by 1, 2, 3, 4, 5
    ), charged as (
      select value_date as day, level, currency,
             case when level = 0 then contract_id else partner_id end as payer,
             case when level = 0 then coalesce(tariff_id, 0) else 0 end as tariff_id, sum(quantity) as n
        from ledger_transfers where kind = 'charge'
       group by 1, 2, 3, 4, 5
    )
    select day || ':' || level || ':' || currency || ':' || coalesce(payer::text, '-') || ':' || tariff_id as key
      from charged c full join attributed a using (day, level, currency, payer, tariff_id)
     where c.n is distinct from a.n
     order by 1`.execute(db);
  return {
    mixedCurrencyTransfers: mixed.rows.map((row) => Number(row.id)),
    unbalancedCurrencies: unbalanced.rows.map((row) => row.currency),
    driftedAccounts: drifted.rows.map((row) => Number(row.id)),
    chargesApartFromObjectDays: apart.rows.map((row) => row.key),
    wrongDebtBlocks: await contractsTheRuleWouldFlip(db),
  };
}

/** Asserts every invariant of the ledger; a failure lists what breaks each one. */
export async function expectLedgerConsistent(db: Db) {
  expect(await ledgerViolations(db)).toEqual(NO_LEDGER_VIOLATIONS);
}

/** The cached balance of an account as the ledger holds it ('0.00' when never opened). */
export function ledgerBalanceOf(db: Db, owner: AccountOwner, kind: LedgerAccountKind, currency = 'RUB') {
  return accountBalance(db, owner, kind, currency);
}

/** A snapshot of every account's balance and the number of transfers, to compare before and after a rerun. */
export async function ledgerSnapshot(db: Db) {
  const balances = await sql<{ id: number; balance: string }>`
    select id, balance::text as balance from ledger_accounts order by id`.execute(db);
  const transfers = await sql<{ count: number }>`select count(*) as count from ledger_transfers`.execute(db);
  return { balances: balances.rows, transfers: Number(transfers.rows[0]!.count) };
}
