import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { scopedPath, type Scope } from '../scope/scope.public.js';

/*
 * What the home page reads for the caller's subtree, each in one set-based statement through the
 * indexes the lists use: counts from the partners' counters where they exist, balances from the
 * ledger accounts' cached balances, a day's charges from the ledger partition of that day.
 */

/** The partners of the scope (the caller's own included) as a condition on `p.path`. */
const inScope = (scope: Scope): RawBuilder<boolean> => scopedPath(scope, sql.ref('p.path'));

export async function countRecords(db: Db, scope: Scope) {
  const own = scope.kind === 'subtree' ? scope.rootPartnerId : 0;
  const result = await sql<{ partners: number; contracts: number; objects: number; users: number }>`
    select
      (select count(*) from partners p where ${inScope(scope)} and p.archived_at is null and p.id <> ${own})::int
        as partners,
      (select coalesce(sum(p.accounts_count), 0) from partners p where ${inScope(scope)})::int as contracts,
      (select coalesce(sum(p.vehicles_count), 0) from partners p where ${inScope(scope)})::int as objects,
      (select count(*) from portal_users u join partners p on p.id = u.partner_id
        where ${inScope(scope)} and u.archived_at is null)::int as users`.execute(db);
  return result.rows[0]!;
}

/** The live contracts' balances per currency: their sum, the debt among them, how many are in debt. */
export async function balancesByCurrency(db: Db, scope: Scope) {
  const result = await sql<{ currency: string; balance: string; debt: string; in_debt: number }>`
    select a.currency,
           round(sum(a.balance), 2)::text as balance,
           round(sum(least(a.balance, 0)), 2)::text as debt,
           count(*) filter (where a.balance < 0)::int as in_debt
      from contracts c
      join partners p on p.id = c.partner_id
      join ledger_accounts a
        on a.owner_type = 'contract' and coalesce(a.owner_id, 0) = c.id and a.kind = 'balance'
       and a.currency = c.currency
     where ${inScope(scope)} and c.archived_at is null
     group by a.currency
     order by a.currency`.execute(db);
  return result.rows;
}

export interface HomeContractRow {
  id: number;
  name: string;
  partner_id: number;
  partner_name: string;
  currency: string;
  balance: string;
  daily: string | null;
  days_left: number | null;
  total: number;
}

/** Live contracts blocked for debt, the deepest debt first; `total` counts them all. */
export async function debtBlockedContracts(db: Db, scope: Scope, limit: number) {
  const result = await sql<HomeContractRow>`
    select c.id, c.name, c.partner_id, p.name as partner_name, c.currency,
           round(coalesce(a.balance, 0), 2)::text as balance, null as daily, null as days_left,
           (count(*) over ())::int as total
      from contracts c
      join partners p on p.id = c.partner_id
      left join ledger_accounts a
        on a.owner_type = 'contract' and coalesce(a.owner_id, 0) = c.id and a.kind = 'balance'
       and a.currency = c.currency
     where ${inScope(scope)} and c.archived_at is null and c.debt_blocked
     order by coalesce(a.balance, 0), c.id
     limit ${limit}`.execute(db);
  return result.rows;
}

/**
 * Prepayment contracts, not blocked yet, whose balance lasts at most `days` more days at the charge of
 * `day` (the last billed day): floor(balance ÷ that day's charges of the contract). `total` counts all.
 */
export async function contractsRunningOut(
  db: Db,
  scope: Scope,
  options: { day: string; days: number; limit: number },
) {
  const result = await sql<HomeContractRow>`
    with charged as (
      select t.contract_id, sum(t.amount) as daily
        from ledger_transfers t
       where t.value_date = ${options.day}::date and t.kind = 'charge' and t.level = 0
       group by t.contract_id
    ), lasting as (
      select c.id, c.name, c.partner_id, p.name as partner_name, c.currency, a.balance, ch.daily,
             floor(a.balance / ch.daily)::int as days_left
        from charged ch
        join contracts c on c.id = ch.contract_id
        join partners p on p.id = c.partner_id
        join ledger_accounts a
          on a.owner_type = 'contract' and coalesce(a.owner_id, 0) = c.id and a.kind = 'balance'
         and a.currency = c.currency
       where ${inScope(scope)} and c.archived_at is null and c.account_type = 'prepayment'
         and not c.debt_blocked and ch.daily > 0 and a.balance >= 0
    )
    select id, name, partner_id, partner_name, currency, round(balance, 2)::text as balance,
           round(daily, 2)::text as daily, days_left, (count(*) over ())::int as total
      from lasting
     where days_left <= ${options.days}
     order by days_left, balance, id
     limit ${options.limit}`.execute(db);
  return result.rows;
}

/** The last day a billing run completed, or null before the first one. */
export async function lastBilledDay(db: Db): Promise<string | null> {
  const result = await sql<{ day: string | null }>`
    select max(day)::text as day from billing_runs where status = 'completed'`.execute(db);
  return result.rows[0]?.day ?? null;
}

/** The platform's last billing run, whatever its state. */
export async function lastBillingRun(db: Db) {
  const result = await sql<{
    id: number;
    day: string;
    status: 'running' | 'completed' | 'failed';
    issues_count: number;
    objects_charged: number;
    finished_at: Date | null;
  }>`
    select id, day::text as day, status, issues_count, objects_charged, finished_at
      from billing_runs order by id desc limit 1`.execute(db);
  return result.rows[0] ?? null;
}

/** The latest payments into the scope (to its contracts and partners), newest first. */
export async function recentPayments(db: Db, scope: Scope, limit: number) {
  const result = await sql<{
    id: number;
    value_date: string;
    amount: string;
    currency: string;
    partner_id: number;
    partner_name: string;
    contract_id: number | null;
    contract_name: string | null;
  }>`
    select t.id, t.value_date::text as value_date, round(t.amount, 2)::text as amount, t.currency,
           t.partner_id, p.name as partner_name, t.contract_id, c.name as contract_name
      from ledger_transfers t
      join partners p on p.id = t.partner_id
      left join contracts c on c.id = t.contract_id
     where t.kind = 'payment' and ${inScope(scope)}
     order by t.id desc
     limit ${limit}`.execute(db);
  return result.rows;
}
