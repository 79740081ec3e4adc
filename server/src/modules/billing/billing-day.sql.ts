import { sql } from 'kysely';
import type { BillingRunTotal } from '../../db/schema.js';
import { applyAccountDeltas, isAccountOf, isBalanceAccountOf } from '../ledger/ledger.public.js';

/*
 * The statements of one billing day, in the order billing-run.ts runs them in one transaction. The
 * small tables (temporary, dropped at commit) are built first, so that the one large statement is a
 * scan of objects hash-joined with tables of thousands of rows:
 *   bill_partner_currencies  the partners with billable contracts, per charge currency
 *   bill_chain               per partner and currency, who pays whom at each level, at which tariff,
 *                            from and to which account
 *   bill_contracts           the billable contracts with their balance accounts
 *   bill_prices              the daily amount of every tariff in every charge currency (billing-amounts.sql.ts)
 *   bill_repinned            the few objects billed that day at another tariff than their current pin
 */

/** Contracts whose objects are billed: live, active, not a warehouse account. */
const billableContract = sql`c.archived_at is null and c.active and not c.is_warehouse`;

export const createDayTables = sql.raw(`
  create temp table bill_partner_currencies (partner_id bigint not null, currency char(3) not null) on commit drop;
  create temp table bill_chain (
    partner_id bigint not null, currency char(3) not null, level smallint not null,
    payer_id bigint not null, payee_id bigint, tariff_id bigint,
    debit_account_id bigint, credit_account_id bigint
  ) on commit drop;
  create temp table bill_contracts (
    contract_id bigint not null, partner_id bigint not null, currency char(3) not null, account_id bigint not null
  ) on commit drop;
  create temp table bill_prices (
    tariff_id bigint not null, currency char(3) not null, amount numeric(38, 2), reason text, detail jsonb
  ) on commit drop;
  create temp table bill_repinned (object_id bigint not null, tariff_id bigint not null) on commit drop;
`);

/** The day's joins and sets are large at full scale: their hashes stay in memory for the run's transaction. */
export const dayWorkMemory = sql`set local work_mem = '128MB'`;

export const analyzeDayTables = sql`analyze bill_partner_currencies, bill_chain, bill_contracts, bill_prices, bill_repinned`;

export const fillPartnerCurrencies = sql`
  insert into bill_partner_currencies (partner_id, currency)
  select distinct c.partner_id, c.currency from contracts c where ${billableContract}`;

/**
 * Level 0 for every partner and charge currency of the day (the contract is the payer; its account
 * comes from bill_contracts), then level n for each partner on the path that has a Partner price: the
 * partner at depth n pays the one at depth n − 1 (path[0] is null in SQL: the platform).
 */
export const fillChain = sql`
  insert into bill_chain (partner_id, currency, level, payer_id, payee_id, tariff_id)
  select pc.partner_id, pc.currency, 0, pc.partner_id, pc.partner_id, null
    from bill_partner_currencies pc
  union all
  select pc.partner_id, pc.currency, g.n, p.path[g.n], p.path[g.n - 1], x.partner_price_tariff_id
    from bill_partner_currencies pc
    join partners p on p.id = pc.partner_id
    cross join lateral generate_series(1, cardinality(p.path)) as g(n)
    join partners x on x.id = p.path[g.n]
   where x.partner_price_tariff_id is not null`;

/** Opens every account the day's charges need, set-based; accounts that exist are left as they are. */
export const openAccounts = sql`
  insert into ledger_accounts (owner_type, owner_id, kind, currency)
  select owner_type, owner_id, kind, currency
    from (select 'contract' as owner_type, c.id as owner_id, 'balance' as kind, c.currency
            from contracts c where ${billableContract}
          union
          select 'partner', payer_id, 'balance', currency from bill_chain where level > 0
          union
          select case when payee_id is null then 'platform' else 'partner' end, payee_id, 'revenue', currency
            from bill_chain) needed
   order by owner_type, owner_id, kind, currency
  on conflict (owner_type, (coalesce(owner_id, 0)), kind, currency) do nothing`;

export const fillChainAccounts = sql`
  update bill_chain l
     set debit_account_id = case when l.level > 0 then
           (select a.id from ledger_accounts a
             where ${isBalanceAccountOf('a', 'partner', sql.ref('l.payer_id'), sql.ref('l.currency'))}) end,
         credit_account_id =
           (select a.id from ledger_accounts a
             where ${isAccountOf(
               'a',
               {
                 type: sql`case when l.payee_id is null then 'platform' else 'partner' end`,
                 id: sql`coalesce(l.payee_id, 0)`,
               },
               'revenue',
               sql.ref('l.currency'),
             )})`;

export const fillContracts = sql`
  insert into bill_contracts (contract_id, partner_id, currency, account_id)
  select c.id, c.partner_id, c.currency, a.id
    from contracts c
    join ledger_accounts a on ${isBalanceAccountOf('a', 'contract', sql.ref('c.id'), sql.ref('c.currency'))}
   where ${billableContract}`;

/** The days an object is billed: active_from ≤ day ≤ active_until; inactive or archived only up to its active_until. */
function billedOn(day: string) {
  const theDay = sql`${day}::date`;
  return sql`o.active_from <= ${theDay}
       and (o.active_until is null or o.active_until >= ${theDay})
       and ((o.active and o.archived_at is null) or o.active_until is not null)`;
}

/**
 * Objects billed on the day whose current pin takes effect after it (a reprice dated later, rare): the
 * latest pin on or before the day, or the first pin when the object was active before it had any.
 */
export function fillRepinned(day: string) {
  const theDay = sql`${day}::date`;
  return sql`
    insert into bill_repinned (object_id, tariff_id)
    select o.id, coalesce((select ot.tariff_id from object_tariffs ot
                            where ot.object_id = o.id
                            order by ot.effective_from > ${theDay}, abs(ot.effective_from - ${theDay})
                            limit 1), o.tariff_id)
      from objects o
     where o.tariff_pinned_at > ${theDay} and ${billedOn(day)}`;
}

/** Every account the day may move, locked in id order: the one lock order of every balance writer. */
export const lockDayAccounts = sql`
  select count(*) as locked
    from (select id from ledger_accounts
           where id in (select account_id from bill_contracts
                        union all select debit_account_id from bill_chain where level > 0
                        union all select credit_account_id from bill_chain)
           order by id
             for update) locked`;

/**
 * Objects a run of the day skips: those charged for it under another contract, or under their
 * contract while it belonged to another partner — their level-0 charge of the day names another
 * contract or partner (objects.partner_id follows the contract's partner). Such an object stays
 * billed under the chain it had that day; its current chain (other levels, other payers: a
 * sub-partner paying its parent for a day it never had the object) must not add to it. With
 * `onlyUncharged` (the schedule's rerun of a day) every object with a level-0 charge of the day is
 * skipped: that rerun is for what appeared later that day, and adds no level to what was charged.
 *
 * One probe of ledger_charge_once_key (object_id, level = 0, charge_day) per billed object, on the
 * index page the day's insert then touches anyway: at 1,000,000 objects about +1.2 s on a first run
 * and +1.6 s on a rerun (the heap row is read for its contract); index-only with `onlyUncharged`.
 * `offset 0` keeps it that probe: as an anti-join the planner hashes a scan of the whole ledger.
 */
function skippedObject(day: string, onlyUncharged: boolean) {
  const elsewhere = onlyUncharged
    ? sql``
    : sql`and (t.contract_id <> o.contract_id or t.partner_id <> o.partner_id)`;
  return sql`exists (select from ledger_transfers t
                     where t.kind = 'charge' and t.object_id = o.id and t.level = 0 and t.charge_day = ${day}::date
                       ${elsewhere}
                     offset 0)`;
}

export interface ChargeResult {
  candidates: number;
  inserted: number;
  objects_charged: number;
  issues: number;
  totals: BillingRunTotal[];
}

/**
 * The charges of the day in one statement: each billed object joined with its contract and every level
 * of its partner's chain, priced from bill_prices (an object charged that day under another contract or
 * partner is skipped: skippedObject); inserted once per (object, level, day) — the unique index
 * ledger_charge_once_key decides, `on conflict do nothing` — the inserted rows (and only they) moving
 * the balances; the charges that cannot be priced recorded as the run's issues.
 */
export function chargeDay(
  day: string,
  runId: number,
  actorUserId: number | null,
  options: { onlyUncharged?: boolean } = {},
) {
  const theDay = sql`${day}::date`;
  return sql<ChargeResult>`
    with candidates as materialized (
      select o.id as object_id, b.contract_id, l.level, l.payer_id as partner_id, b.currency,
             case when l.level = 0 then b.account_id else l.debit_account_id end as debit_account_id,
             l.credit_account_id, p.tariff_id, p.amount, p.reason, p.detail
        from objects o
        left join bill_repinned r on r.object_id = o.id
        join bill_contracts b on b.contract_id = o.contract_id
        join bill_chain l on l.partner_id = b.partner_id and l.currency = b.currency
        join bill_prices p on p.tariff_id = coalesce(l.tariff_id, r.tariff_id, o.tariff_id) and p.currency = b.currency
       where ${billedOn(day)}
         and not ${skippedObject(day, options.onlyUncharged ?? false)}
    ), inserted as (
      insert into ledger_transfers (kind, currency, debit_account_id, credit_account_id, amount, partner_id,
                                    contract_id, object_id, level, charge_day, tariff_id, value_date,
                                    billing_run_id, actor_user_id)
      select 'charge', currency, debit_account_id, credit_account_id, amount, partner_id,
             contract_id, object_id, level, ${theDay}, tariff_id, ${theDay}, ${runId}::bigint, ${actorUserId}::bigint
        from candidates
       where amount > 0
      on conflict (object_id, level, charge_day) where kind = 'charge' do nothing
      returning object_id, level, currency, debit_account_id, credit_account_id, amount
    ), moved as (
      ${applyAccountDeltas('inserted')}
    ), issues as (
      insert into billing_run_issues (run_id, object_id, partner_id, level, reason, detail)
      select ${runId}::bigint, object_id, partner_id, level, reason, detail
        from candidates
       where reason is not null
      returning 1
    )
    select (select count(*) from candidates where amount > 0) as candidates,
           (select count(*) from inserted) as inserted,
           (select count(*) from (select distinct object_id from inserted) charged) as objects_charged,
           (select count(*) from issues) as issues,
           (select coalesce(jsonb_agg(jsonb_build_object('currency', currency, 'level', level,
                                                         'transfers', transfers, 'amount', amount::text)
                                      order by currency, level), '[]'::jsonb)
              from (select currency, level, count(*) as transfers, sum(amount) as amount
                      from inserted group by currency, level) t) as totals`;
}
