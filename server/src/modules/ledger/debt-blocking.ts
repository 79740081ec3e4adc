import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/**
 * Blocking for debt, by account type, from the contract's balance in its currency:
 * Prepayment is blocked while the balance is below zero; Postpayment (light) while the debt
 * (minus the balance) is above zero and has reached its Blocking limit; Postpayment never.
 * Set-based over the given contracts (or all when null): flips debt_blocked only where it changes
 * and writes one history event per flip, so calling it twice changes nothing the second time.
 * Returns the contracts blocked and unblocked.
 */
export async function applyDebtBlocking(
  db: Db,
  contractIds: readonly number[] | null,
  actor: { userId: number | null; login: string | null; requestId?: string | null } = {
    userId: null,
    login: null,
  },
): Promise<{ blocked: number[]; unblocked: number[] }> {
  const which = contractIds === null ? sql`true` : sql`c.id = any(${[...contractIds]}::bigint[])`;
  const result = await sql<{ id: number; debt_blocked: boolean }>`
    with state as (
      select c.id, c.debt_blocked as was,
             case c.account_type
               when 'prepayment' then coalesce(a.balance, 0) < 0
               when 'postpayment_light' then coalesce(a.balance, 0) < 0 and -a.balance >= c.blocking_limit
               else false
             end as should
        from contracts c
        left join ledger_accounts a
          -- coalesce(owner_id, 0): the expression of the accounts' unique index, so the join uses it.
          on a.owner_type = 'contract' and coalesce(a.owner_id, 0) = c.id and a.kind = 'balance' and a.currency = c.currency
       where c.archived_at is null and ${which}
    ), changed as (
      update contracts c set debt_blocked = s.should, updated_at = now()
        from state s
       where c.id = s.id and s.was <> s.should
      returning c.id, c.debt_blocked
    ), audited as (
      insert into audit_events (entity_type, entity_id, action, changes, actor_user_id, actor_login, request_id)
      select 'contract', id, case when debt_blocked then 'blocked_for_debt' else 'unblocked_after_payment' end,
             jsonb_build_array(jsonb_build_object('field', 'debtBlocked', 'old', not debt_blocked, 'new', debt_blocked)),
             ${actor.userId}::bigint, ${actor.login}::text, ${actor.requestId ?? null}::text
        from changed
    )
    select id, debt_blocked from changed order by id`.execute(db);
  return {
    blocked: result.rows.filter((row) => row.debt_blocked).map((row) => row.id),
    unblocked: result.rows.filter((row) => !row.debt_blocked).map((row) => row.id),
  };
}
