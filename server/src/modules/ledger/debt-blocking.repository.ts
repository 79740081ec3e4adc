import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { changeJson, insertAuditEventsFrom, type AuditActor } from '../audit/audit.public.js';
import { isBalanceAccountOf } from './ledger.sql.js';

/** Who applied the rule, for the history: a person's request, or (null ids) the billing run. */
export type DebtBlockingActor = AuditActor & { requestId?: string | null };

const SYSTEM: DebtBlockingActor = { userId: null, login: null };

/**
 * Blocking for debt, by account type, from the contract's balance in its currency:
 * Prepayment is blocked while the balance is below zero; Postpayment (light) while the debt
 * (minus the balance) is above zero and has reached its Blocking limit; Postpayment never.
 * Set-based over the given contracts (or all when null): flips debt_blocked only where it changes
 * and writes one history event per flip in the same statement, so calling it twice changes nothing
 * the second time. Returns the contracts blocked and unblocked.
 */
export async function applyDebtBlocking(
  db: Db,
  contractIds: readonly number[] | null,
  actor: DebtBlockingActor = SYSTEM,
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
        left join ledger_accounts a on ${isBalanceAccountOf('a', 'contract', sql.ref('c.id'), sql.ref('c.currency'))}
       where c.archived_at is null and ${which}
    ), changed as (
      update contracts c set debt_blocked = s.should, updated_at = now()
        from state s
       where c.id = s.id and s.was <> s.should
      returning c.id, c.debt_blocked
    ), audited as (
      ${insertAuditEventsFrom({
        entityType: 'contract',
        entityId: sql.ref('id'),
        action: sql`case when debt_blocked then 'blocked_for_debt' else 'unblocked_after_payment' end`,
        changes: sql`jsonb_build_array(${changeJson('debtBlocked', sql`to_jsonb(not debt_blocked)`, sql`to_jsonb(debt_blocked)`)})`,
        from: sql`changed`,
        actor,
        requestId: actor.requestId,
      })}
    )
    select id, debt_blocked from changed order by id`.execute(db);
  return {
    blocked: result.rows.filter((row) => row.debt_blocked).map((row) => row.id),
    unblocked: result.rows.filter((row) => !row.debt_blocked).map((row) => row.id),
  };
}
