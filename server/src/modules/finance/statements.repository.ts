import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { chargedObjectDays, chargeOfLine, lineReversed } from '../ledger/ledger.public.js';

export interface StatementLineRow {
  object_id: number;
  object_name: string;
  device_id: string;
  tariff_id: number | null;
  tariff_name: string | null;
  days: number;
  net: string;
}

/*
 * The charges of a month, one line per object and tariff: the days charged and their sum, read from
 * the objects' days (billing_object_days), each at the amount per object-day of the charge it belongs
 * to (every charge of one day, level, payer, payee and tariff has the same: billing_day_prices).
 * An object-day reversed by a correction is not owed and is left out.
 */
async function chargeLines(
  db: Db,
  rows: RawBuilder<unknown>,
  lines: RawBuilder<unknown>,
  month: { first: string; last: string },
  currency: string,
) {
  const result = await sql<StatementLineRow>`
    with lines as (
      select line.*, t.amount / t.quantity as amount, t.tariff_id as line_tariff_id
        from (${chargedObjectDays(sql`r.month = ${month.first}::date and r.currency = ${currency} and ${rows}`)}) line
       cross join lateral (select t.amount, t.quantity, t.tariff_id from ledger_transfers t
                            where ${chargeOfLine('line')} order by t.id limit 1) t
       where ${lines} and not ${lineReversed('line')}
    )
    select l.object_id, o.name as object_name, o.device_id, l.line_tariff_id as tariff_id, tf.name as tariff_name,
           count(*)::int8 as days, round(sum(l.amount), 2)::text as net
      from lines l
      join objects o on o.id = l.object_id
      left join tariffs tf on tf.id = l.line_tariff_id
     group by l.object_id, o.name, o.device_id, l.line_tariff_id, tf.name
     order by lower(o.name), l.object_id, l.line_tariff_id`.execute(db);
  return result.rows.map((row) => ({ ...row, days: Number(row.days) }));
}

/** What a contract was charged by its partner in a month (level 0). */
export function contractChargeLines(
  db: Db,
  contractId: number,
  month: { first: string; last: string },
  currency: string,
) {
  return chargeLines(
    db,
    sql`(r.contract_id = ${contractId}::bigint or r.others is not null)`,
    sql`line.level = 0 and line.contract_id = ${contractId}::bigint`,
    month,
    currency,
  );
}

/** What a partner was charged by its parent (or the platform) in a month: its Partner price, per object. */
export function partnerChargeLines(
  db: Db,
  partnerId: number,
  month: { first: string; last: string },
  currency: string,
) {
  const subtree = sql`(select id from partners where ${partnerId}::bigint = any(path))`;
  return chargeLines(
    db,
    sql`r.partner_id in ${subtree}`,
    sql`line.level = (select cardinality(path) from partners where id = ${partnerId}::bigint)
        and line.partner_id in ${subtree}`,
    month,
    currency,
  );
}
