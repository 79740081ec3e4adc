import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';

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
 * The charges of a month, one line per object and tariff: the days charged and their sum. A charge
 * that was reversed by a correction is not owed and is left out.
 */
async function chargeLines(
  db: Db,
  where: RawBuilder<unknown>,
  month: { first: string; last: string },
  currency: string,
) {
  const rows = await sql<StatementLineRow>`
    select t.object_id, o.name as object_name, o.device_id, t.tariff_id, tf.name as tariff_name,
           count(*)::int8 as days, sum(t.amount)::text as net
      from ledger_transfers t
      join objects o on o.id = t.object_id
      left join tariffs tf on tf.id = t.tariff_id
     where ${where} and t.kind = 'charge' and t.currency = ${currency}
       and t.charge_day >= ${month.first}::date and t.charge_day <= ${month.last}::date
       and not exists (select 1 from ledger_transfers r where r.reverses_id = t.id)
     group by t.object_id, o.name, o.device_id, t.tariff_id, tf.name
     order by lower(o.name), t.object_id, t.tariff_id`.execute(db);
  return rows.rows.map((row) => ({ ...row, days: Number(row.days) }));
}

/** What a contract was charged by its partner in a month (level 0). */
export function contractChargeLines(
  db: Db,
  contractId: number,
  month: { first: string; last: string },
  currency: string,
) {
  return chargeLines(db, sql`t.contract_id = ${contractId}::bigint and t.level = 0`, month, currency);
}

/** What a partner was charged by its parent (or the platform) in a month: its Partner price, per object. */
export function partnerChargeLines(
  db: Db,
  partnerId: number,
  month: { first: string; last: string },
  currency: string,
) {
  return chargeLines(db, sql`t.partner_id = ${partnerId}::bigint and t.level >= 1`, month, currency);
}
