import { sql, type RawBuilder } from 'kysely';

/*
 * The per-object detail behind the aggregated charges (migration 0010): billing_object_days holds, per
 * object and month, 32 bits per level — the days charged at that level — and whom the object was
 * charged under (contract, its partner, the level-0 tariff; a day under others in `others`). These
 * fragments read it back as lines, one per object, level and day, for statements, drill-downs and the
 * objects' charged days. Each reads the rows `where` picks (alias r), so a caller reads one contract's,
 * one partner subtree's or one object's rows through their indexes, never the whole month.
 */

/** Whom the object was charged under on day `d` (an int expression): the row's, unless `others` says otherwise. */
function attributed(
  column: 'contract_id' | 'partner_id' | 'tariff_id' | 'path_id',
  index: number,
  d: RawBuilder<unknown>,
) {
  return sql`coalesce((r.others -> ${d}::text ->> ${sql.lit(index)})::bigint, ${sql.ref(`r.${column}`)})`;
}

/**
 * Lines (object_id, day, level, contract_id, partner_id, tariff_id, currency) of the rows of
 * billing_object_days matching `where` (alias r), for the levels `levels` picks (alias g.level; all when omitted).
 */
export function chargedObjectDays(where: RawBuilder<unknown>, levels: RawBuilder<unknown> = sql`true`) {
  const d = sql.ref('g.d');
  return sql`
    select r.object_id, (r.month + g.d - 1) as day, g.level,
           ${attributed('contract_id', 0, d)} as contract_id,
           ${attributed('partner_id', 1, d)} as partner_id,
           ${attributed('tariff_id', 2, d)} as tariff_id,
           ${attributed('path_id', 3, d)} as path_id,
           r.currency
      from billing_object_days r
     cross join lateral (
       select lv::smallint as level, dd as d
         from generate_series(0, length(r.days) / 32 - 1) lv
        cross join generate_series(1, 31) dd
        where get_bit(r.days, 32 * lv + dd - 1) = 1) g
     where ${where} and ${levels}`;
}

/**
 * The aggregated charge a line (alias `line`: object_id, day, level, contract_id, partner_id) belongs
 * to, as a condition on alias `t`: level 0 is its contract's charge of the day at its tariff; level n
 * the charge of the day paid by the partner at depth n of its partner's path as it was then (billing_paths).
 */
export function chargeOfLine(line: string): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${line}.${name}`);
  return sql<boolean>`t.kind = 'charge' and t.value_date = ${col('day')} and t.charge_day = ${col('day')}
    and t.level = ${col('level')} and t.currency = ${col('currency')}
    and case when ${col('level')} = 0
             then t.contract_id = ${col('contract_id')} and t.tariff_id = ${col('tariff_id')}
             else t.partner_id = (select bp.path[${col('level')}] from billing_paths bp where bp.id = ${col('path_id')}) end`;
}

/**
 * Whether a line (alias `line`) was reversed: its object-day by a correction of its own, or its whole
 * charge (a whole reversal is refused while a charge shares its day, level, accounts and tariff with
 * another, so the charge of a line is then the only one).
 */
export function lineReversed(line: string): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${line}.${name}`);
  return sql<boolean>`(exists (select from ledger_transfers c
                               where c.object_id = ${col('object_id')} and c.charge_day = ${col('day')}
                                 and c.level = ${col('level')} and c.kind = 'correction')
       or exists (select from ledger_transfers t join ledger_reversals v on v.reversed_id = t.id and v.object_id = 0
                   where ${chargeOfLine(line)}))`;
}

/** The month (first day) of a date expression. */
export function monthOf(day: RawBuilder<unknown>) {
  return sql`date_trunc('month', ${day})::date`;
}
