import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isOwnedBy, type AccountOwner } from '../ledger/ledger.public.js';

export interface RevenueRow {
  currency: string;
  revenue: string;
  cost: string;
}

/**
 * Revenue and cost of an owner (a partner, or the platform) per currency over value dates
 * [from, to]. Revenue is the net credit of its revenue accounts (charges to its contracts and direct
 * sub-partners, write-offs from them, less their corrections); cost the net debit of its balance
 * accounts by charges and write-offs (less their corrections) — payments and deposits are not cost.
 * The transfers are found through partner_id, which for all of these is the owner itself or one of
 * its direct sub-partners (the platform's: its top-level partners).
 */
export async function revenueAndCost(
  db: Db,
  owner: AccountOwner,
  period: { from: string; to: string },
): Promise<RevenueRow[]> {
  const ownerId = owner.id ?? 0;
  const payers =
    owner.id === null
      ? sql`select id from partners where parent_id is null`
      : sql`select ${owner.id}::bigint union all select id from partners where parent_id = ${owner.id}::bigint`;
  const rows = await sql<RevenueRow>`
    with accounts as (
      select id, kind, currency from ledger_accounts a
       where ${isOwnedBy('a', { type: owner.type, id: sql`${ownerId}::bigint` })}
         and kind in ('revenue', 'balance')
    ), moves as (
      select t.currency, t.amount, t.kind, t.reverses_id,
             da.kind as debit_kind, ca.kind as credit_kind
        from ledger_transfers t
        left join accounts da on da.id = t.debit_account_id
        left join accounts ca on ca.id = t.credit_account_id
       where t.partner_id in (${payers})
         and t.value_date >= ${period.from}::date and t.value_date <= ${period.to}::date
         and (da.id is not null or ca.id is not null)
    ), classified as (
      select m.*, coalesce(o.kind, m.kind) as effective_kind
        from moves m left join ledger_transfers o on o.id = m.reverses_id
    )
    select a.currency,
           round(coalesce(sum(case when c.credit_kind = 'revenue' then c.amount
                             when c.debit_kind = 'revenue' then -c.amount end), 0), 2)::text as revenue,
           round(coalesce(sum(case when c.effective_kind not in ('charge', 'write_off') then null
                             when c.debit_kind = 'balance' then c.amount
                             when c.credit_kind = 'balance' then -c.amount end), 0), 2)::text as cost
      from (select distinct currency from accounts) a
      left join classified c on c.currency = a.currency
     group by a.currency
     order by a.currency`.execute(db);
  return rows.rows;
}
