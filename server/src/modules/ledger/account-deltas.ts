import { sql, type RawBuilder } from 'kysely';

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
