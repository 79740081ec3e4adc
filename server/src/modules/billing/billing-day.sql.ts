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
    debit_account_id bigint, credit_account_id bigint, bits varbit
  ) on commit drop;
  create temp table bill_contracts (
    contract_id bigint not null, partner_id bigint not null, currency char(3) not null, account_id bigint not null,
    path_id integer not null
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

/**
 * Fills each chain level's accounts and its bit in billing_object_days.days for `day`: 32 bits per
 * level of the partner's depth, the level's day set.
 */
export const fillChainAccounts = (day: string) => sql`
  update bill_chain l
     set bits = set_bit(repeat('0', 32 * (1 + (select cardinality(p.path) from partners p where p.id = l.partner_id)))::varbit,
                        32 * l.level + extract(day from ${day}::date)::int - 1, 1),
         debit_account_id = case when l.level > 0 then
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

/** The paths of the day's partners in billing_paths (each new path once). */
export const fillPaths = sql`
  insert into billing_paths (path)
  select p.path from partners p where p.id in (select partner_id from bill_partner_currencies)
  on conflict (path) do nothing`;

export const fillContracts = sql`
  insert into bill_contracts (contract_id, partner_id, currency, account_id, path_id)
  select c.id, c.partner_id, c.currency, a.id, bp.id
    from contracts c
    join ledger_accounts a on ${isBalanceAccountOf('a', 'contract', sql.ref('c.id'), sql.ref('c.currency'))}
    join partners p on p.id = c.partner_id
    join billing_paths bp on bp.path = p.path
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
 * contract while it belonged to another partner — their day in billing_object_days (`rec`) names
 * another contract or partner (objects.partner_id follows the contract's partner). Such an object
 * stays billed under the chain it had that day; its current chain (other levels, other payers: a
 * sub-partner paying its parent for a day it never had the object) must not add to it. With
 * `onlyUncharged` (the schedule's rerun of a day) every object charged that day at level 0 is
 * skipped: that rerun is for what appeared later that day, and adds no level to what was charged.
 */
function skippedObject(day: string, onlyUncharged: boolean) {
  const d = sql`extract(day from ${day}::date)::int`;
  const elsewhere = onlyUncharged
    ? sql`true`
    : sql`(coalesce((rec.others -> ${d}::text ->> 0)::bigint, rec.contract_id) <> b.contract_id
           or coalesce((rec.others -> ${d}::text ->> 1)::bigint, rec.partner_id) <> b.partner_id)`;
  return sql`(rec.days is not null and get_bit(rec.days, ${d} - 1) = 1 and ${elsewhere})`;
}

export interface ChargeResult {
  candidates: number;
  charged: number;
  inserted: number;
  objects_charged: number;
  issues: number;
  totals: BillingRunTotal[];
}

/**
 * The charges of the day in one statement:
 *   candidates  each billed object joined with its contract, every level of its partner's chain and
 *               the day's prices, and with its row of billing_object_days for the month (an object
 *               charged that day under another contract or partner is skipped: skippedObject);
 *   fresh       the candidates whose level is not charged that day yet;
 *   marked      per object, the fresh levels' bits set in billing_object_days by one upsert guarded
 *               on the locked row: a row is changed only while none of those bits is set, so each
 *               object, level and day is marked once, whatever runs at the same time;
 *   inserted    the ledger: one charge per level, payer account, payee account and tariff with its
 *               quantity of object-days, over the marked objects only; its rows move the balances;
 *   issues      the charges that cannot be priced, recorded as the run's issues (per paying partner,
 *               level, reason and detail, with the objects' ids).
 */
export function chargeDay(
  day: string,
  runId: number,
  actorUserId: number | null,
  options: { onlyUncharged?: boolean } = {},
) {
  const theDay = sql`${day}::date`;
  const d = sql`extract(day from ${theDay})::int`;
  const month = sql`date_trunc('month', ${theDay})::date`;
  return sql<ChargeResult>`
    with candidates as materialized (
      select o.id as object_id, b.contract_id, b.partner_id as owner_id, l.level, l.payer_id as partner_id,
             b.currency, case when l.level = 0 then b.account_id else l.debit_account_id end as debit_account_id,
             l.credit_account_id, p.tariff_id, coalesce(r.tariff_id, o.tariff_id) as object_tariff_id,
             b.path_id, p.amount, p.reason, p.detail, l.bits,
             rec.days is not null and length(rec.days) > 32 * l.level + ${d} - 1
               and get_bit(rec.days, 32 * l.level + ${d} - 1) = 1 as charged
        from objects o
        left join bill_repinned r on r.object_id = o.id
        join bill_contracts b on b.contract_id = o.contract_id
        join bill_chain l on l.partner_id = b.partner_id and l.currency = b.currency
        join bill_prices p on p.tariff_id = coalesce(l.tariff_id, r.tariff_id, o.tariff_id) and p.currency = b.currency
        left join billing_object_days rec on rec.month = ${month} and rec.object_id = o.id
       where ${billedOn(day)}
         and not ${skippedObject(day, options.onlyUncharged ?? false)}
    ), fresh as materialized (
      select * from candidates where amount > 0 and not charged
    ), marked as (
      insert into billing_object_days as rec (month, object_id, contract_id, partner_id, path_id, tariff_id, currency, days)
      select ${month}, object_id, min(contract_id), min(owner_id), min(path_id), min(object_tariff_id), min(currency),
             bit_or(bits)
        from fresh group by object_id
      on conflict (month, object_id) do update
         set days = billing_bits_fit(rec.days, length(excluded.days)) | billing_bits_fit(excluded.days, length(rec.days)),
             others = case when (rec.contract_id, rec.partner_id, rec.tariff_id, rec.path_id)
                                = (excluded.contract_id, excluded.partner_id, excluded.tariff_id, excluded.path_id)
                           then rec.others
                           else coalesce(rec.others, '{}'::jsonb)
                                || jsonb_build_object(${d}::text, jsonb_build_array(excluded.contract_id,
                                                      excluded.partner_id, excluded.tariff_id, excluded.path_id)) end
       where bit_count(billing_bits_fit(rec.days, length(excluded.days))
                       & billing_bits_fit(excluded.days, length(rec.days))) = 0
      returning object_id
    ), inserted as (
      insert into ledger_transfers (kind, currency, debit_account_id, credit_account_id, amount, partner_id,
                                    contract_id, level, charge_day, tariff_id, quantity, value_date,
                                    billing_run_id, actor_user_id)
      select 'charge', f.currency, f.debit_account_id, f.credit_account_id, sum(f.amount), f.partner_id,
             case when f.level = 0 then f.contract_id end, f.level, ${theDay}, f.tariff_id, count(*), ${theDay},
             ${runId}::bigint, ${actorUserId}::bigint
        from fresh f join marked m on m.object_id = f.object_id
       group by f.currency, f.debit_account_id, f.credit_account_id, f.partner_id,
                case when f.level = 0 then f.contract_id end, f.level, f.tariff_id
      returning level, currency, debit_account_id, credit_account_id, amount, quantity, tariff_id
    ), moved as (
      ${applyAccountDeltas('inserted')}
    ), frozen as (
      -- The day's amount of each tariff charged, for the per-object lines (the first run's holds).
      insert into billing_day_prices (day, tariff_id, currency, amount)
      select distinct ${theDay}, tariff_id, currency, amount / quantity from inserted
      on conflict do nothing
    ), issues as (
      -- One row per paying partner, level, reason and detail, with the objects it concerns.
      insert into billing_run_issues (run_id, partner_id, level, reason, detail, object_ids)
      select ${runId}::bigint, partner_id, level, reason, detail, array_agg(distinct object_id order by object_id)
        from candidates
       where reason is not null
       group by partner_id, level, reason, detail
      returning cardinality(object_ids) as objects
    )
    select (select count(*) from candidates where amount > 0) as candidates,
           (select coalesce(sum(quantity), 0) from inserted) as charged,
           (select count(*) from inserted) as inserted,
           (select count(*) from marked) as objects_charged,
           (select coalesce(sum(objects), 0) from issues) as issues,
           (select coalesce(jsonb_agg(jsonb_build_object('currency', currency, 'level', level,
                                                         'transfers', transfers, 'objectDays', object_days,
                                                         'amount', amount::text)
                                      order by currency, level), '[]'::jsonb)
              from (select currency, level, count(*) as transfers, sum(quantity) as object_days, sum(amount) as amount
                      from inserted group by currency, level) t) as totals`;
}

/**
 * Prices of the day already charged by an earlier run keep their amount: every object-day of one
 * tariff, currency and day costs the same (a rate entered since then applies to the days after).
 */
export function keepChargedPrices(day: string) {
  return sql`
    update bill_prices p set amount = f.amount, reason = null, detail = null
      from billing_day_prices f
     where f.day = ${day}::date and f.tariff_id = p.tariff_id and f.currency = p.currency
       and p.amount is distinct from f.amount`;
}
