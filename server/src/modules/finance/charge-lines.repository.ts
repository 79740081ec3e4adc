import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { chargedObjectDays, chargeOfLine, lineReversed, monthOf } from '../ledger/ledger.public.js';

/*
 * The object-days behind one aggregated charge (its drill-down, and the check of a correction of one
 * object's day). A level-0 charge's objects are its contract's rows of billing_object_days for the
 * month (the contract index); a level-n charge's are the rows of the payer's subtree (the partner index).
 */

interface ChargeKey {
  id: number;
  level: number;
  charge_day: string;
  contract_id: number | null;
  partner_id: number;
}

/** The rows of billing_object_days (alias r) that may hold the object-days of `charge`. */
function rowsOf(charge: ChargeKey, objectId?: number): RawBuilder<unknown> {
  const month = monthOf(sql`${charge.charge_day}::date`);
  const object = objectId === undefined ? sql`true` : sql`r.object_id = ${objectId}::bigint`;
  const owner =
    charge.level === 0
      ? sql`(r.contract_id = ${charge.contract_id}::bigint or r.others is not null)`
      : sql`r.partner_id in (select id from partners where ${charge.partner_id}::bigint = any(path))`;
  return sql`r.month = ${month} and ${owner} and ${object}`;
}

/** The lines of `charge` (alias line), those of its day, level and key. */
function linesOf(charge: ChargeKey, objectId?: number) {
  return sql`
    select line.* from (${chargedObjectDays(rowsOf(charge, objectId), sql`g.level = ${charge.level}`)}) line
     where line.day = ${charge.charge_day}::date
       and exists (select from ledger_transfers t where t.id = ${charge.id}::bigint and ${chargeOfLine('line')})`;
}

export interface ChargeLineRow {
  object_id: number;
  object_name: string;
  device_id: string;
  contract_id: number;
  contract_name: string;
  reversed: boolean;
}

/** A page of the object-days behind a charge, by object id, with the total. */
export async function listChargeLines(
  db: Db,
  charge: ChargeKey,
  page: { limit: number; offset: number },
): Promise<{ rows: ChargeLineRow[]; total: number }> {
  const rows = await sql<ChargeLineRow & { total: string }>`
    select l.object_id, o.name as object_name, o.device_id, l.contract_id, c.name as contract_name,
           ${lineReversed('l')} as reversed, count(*) over () as total
      from (${linesOf(charge)}) l
      join objects o on o.id = l.object_id
      join contracts c on c.id = l.contract_id
     order by l.object_id
     limit ${page.limit} offset ${page.offset}`.execute(db);
  return {
    rows: rows.rows.map(({ total: _total, ...row }) => row),
    total: Number(rows.rows[0]?.total ?? (page.offset === 0 ? 0 : await countLines(db, charge))),
  };
}

async function countLines(db: Db, charge: ChargeKey): Promise<number> {
  const row = await sql<{ n: string }>`select count(*) as n from (${linesOf(charge)}) l`.execute(db);
  return Number(row.rows[0]!.n);
}

/** Whether an object has a day in `charge` and whether that day was reversed; null when it has none. */
export async function findChargeLine(db: Db, charge: ChargeKey, objectId: number) {
  const row = await sql<{ reversed: boolean }>`
    select ${lineReversed('l')} as reversed from (${linesOf(charge, objectId)}) l`.execute(db);
  return row.rows[0] ?? null;
}

/** How many charges share `charge`'s day, level, accounts and tariff (more than one: a later run added objects). */
export async function countChargesWithKeyOf(db: Db, id: number): Promise<number> {
  const row = await sql<{ n: string }>`
    select count(*) as n from ledger_transfers t
      join ledger_transfers k on k.id = ${id}::bigint
     where t.kind = 'charge' and t.value_date = k.value_date and t.level = k.level
       and t.debit_account_id = k.debit_account_id and t.credit_account_id = k.credit_account_id
       and t.tariff_id is not distinct from k.tariff_id`.execute(db);
  return Number(row.rows[0]!.n);
}
