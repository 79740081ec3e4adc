/*
 * Data for the billing tests, inserted straight into the tables (with table-rows.ts): the billing run
 * reads tables, so its tests depend on the schema only, not on the rules of the objects API. Past days
 * are billed by giving tariffs versions and objects active days in the past.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.js';
import { unique, uniqueImei } from './builders.js';
import { insertTariff } from './table-rows.js';
import { chargedObjectDays, chargeOfLine, type AccountOwner } from '../src/modules/ledger/ledger.public.js';
import type { BillingRun } from '../src/modules/billing/billing.presenter.js';

/** An object of a contract pinned to a tariff from `pinnedAt` (default: its first active day). */
export async function insertBillingObject(
  db: Db,
  contractId: number,
  options: {
    tariffId: number;
    activeFrom: string;
    activeUntil?: string | null;
    pinnedAt?: string;
    active?: boolean;
    archived?: boolean;
  },
): Promise<number> {
  const contract = await db
    .selectFrom('contracts')
    .select('partner_id')
    .where('id', '=', contractId)
    .executeTakeFirstOrThrow();
  const pinnedAt = options.pinnedAt ?? options.activeFrom;
  const row = await db
    .insertInto('objects')
    .values({
      partner_id: contract.partner_id,
      contract_id: contractId,
      name: unique('Truck '),
      device_id: uniqueImei(),
      tariff_id: options.tariffId,
      tariff_pinned_at: pinnedAt,
      active_from: options.activeFrom,
      active_until: options.activeUntil ?? null,
      active: options.active ?? true,
      archived_at: options.archived ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('object_tariffs')
    .values({ object_id: row.id, tariff_id: options.tariffId, effective_from: pinnedAt })
    .execute();
  return row.id;
}

/** The day the billing tests' prices hold from: before every day they bill. */
export const PRICED_FROM = '2024-01-01';

/** A tariff of one price, in force from PRICED_FROM (monthly, in RUB, the platform's unless told). */
export function insertPricedTariff(
  db: Db,
  price: string,
  options: Omit<Parameters<typeof insertTariff>[1], 'versions'> = {},
): Promise<number> {
  return insertTariff(db, { ...options, versions: [{ price, from: PRICED_FROM }] });
}

/** An object active on one day only, pinned to a tariff from that day. */
export function insertObjectActiveOn(db: Db, contractId: number, tariffId: number, day: string) {
  return insertBillingObject(db, contractId, { tariffId, activeFrom: day, activeUntil: day });
}

/** Pins an object to a tariff from a day, as the objects' reprice does (the current pin is the latest). */
export async function repinObject(db: Db, objectId: number, tariffId: number, from: string) {
  await db
    .insertInto('object_tariffs')
    .values({ object_id: objectId, tariff_id: tariffId, effective_from: from })
    .execute();
  await sql`
    update objects set tariff_id = ${tariffId}, tariff_pinned_at = ${from}::date
     where id = ${objectId} and tariff_pinned_at <= ${from}::date`.execute(db);
}

/** 1 base = rate quote from `validFrom` on. */
export async function insertExchangeRate(
  db: Db,
  base: string,
  quote: string,
  validFrom: string,
  rate: string,
) {
  await db
    .insertInto('exchange_rates')
    .values({ base_currency: base, quote_currency: quote, valid_from: validFrom, rate })
    .execute();
}

export const contractOwner = (id: number): AccountOwner => ({ type: 'contract', id });
export const partnerOwner = (id: number): AccountOwner => ({ type: 'partner', id });

export interface ChargeRow {
  level: number;
  amount: string;
  partner_id: number;
  currency: string;
  debit: string;
  credit: string;
}

const accountName = sql<string>`case a.owner_type when 'platform' then 'platform' else a.owner_type || ':' || a.owner_id end || '.' || a.kind`;

/**
 * An object's charges of a day by level, each with its accounts named "contract:7.balance",
 * "platform.revenue": the object's days in billing_object_days, each with the aggregated charge it
 * belongs to (its amount per object-day, payer partner and accounts).
 */
export async function chargesOf(db: Db, objectId: number, day: string): Promise<ChargeRow[]> {
  const result = await sql<ChargeRow>`
    select line.level, (t.amount / t.quantity)::numeric(38, 2)::text as amount, t.partner_id, t.currency::text as currency,
           (select ${accountName} from ledger_accounts a where a.id = t.debit_account_id) as debit,
           (select ${accountName} from ledger_accounts a where a.id = t.credit_account_id) as credit
      from (${chargedObjectDays(sql`r.object_id = ${objectId}::bigint and r.month = date_trunc('month', ${day}::date)::date`)}) line
      -- A later run of the day may have added a charge of the same key: the same amount and accounts.
      cross join lateral (select t.* from ledger_transfers t where ${chargeOfLine('line')} order by t.id limit 1) t
     where line.day = ${day}::date
     order by line.level`.execute(db);
  return result.rows;
}

/** The charges of some objects on a day as "object:level:amount", one set-based query. */
export async function chargesOfObjects(db: Db, objectIds: readonly number[], day: string): Promise<string[]> {
  const result = await sql<{ charge: string }>`
    with lines as (
      select line.*, case when line.level = 0 then line.contract_id else bp.path[line.level] end as payer
        from (${chargedObjectDays(
          sql`r.object_id = any(${[...objectIds]}::bigint[]) and r.month = date_trunc('month', ${day}::date)::date`,
        )}) line
        left join billing_paths bp on bp.id = line.path_id
       where line.day = ${day}::date
    ), units as (
      select distinct on (level, currency, payer, tariff) level, currency, payer, tariff,
             (amount / quantity)::numeric(38, 2) as unit
        from (select level, currency, case when level = 0 then contract_id else partner_id end as payer,
                     case when level = 0 then tariff_id end as tariff, amount, quantity, id
                from ledger_transfers where kind = 'charge' and value_date = ${day}::date) t
       order by level, currency, payer, tariff, id
    )
    select l.object_id || ':' || l.level || ':' || u.unit::text as charge
      from lines l
      join units u on u.level = l.level and u.currency = l.currency and u.payer = l.payer
                  and (l.level > 0 or u.tariff = l.tariff_id)`.execute(db);
  return result.rows.map((row) => row.charge).sort();
}

/** An object's charges over a span of days, one query: [{day, level, amount}] by day and level. */
export async function chargesOver(db: Db, objectId: number, from: string, to: string) {
  const result = await sql<{ day: string; level: number; amount: string }>`
    select line.day::text as day, line.level,
           (select (t.amount / t.quantity)::numeric(38, 2)::text from ledger_transfers t
             where ${chargeOfLine('line')} order by t.id limit 1) as amount
      from (${chargedObjectDays(sql`r.object_id = ${objectId}::bigint`)}) line
     where line.day between ${from}::date and ${to}::date
     order by line.day, line.level`.execute(db);
  return result.rows;
}

/** The sum of an object's charges at one level over a span of days, as a decimal string. */
export async function chargedTotal(db: Db, objectId: number, level: number, from: string, to: string) {
  const result = await sql<{ total: string }>`
    select coalesce(sum((select t.amount / t.quantity from ledger_transfers t where ${chargeOfLine('line')} limit 1)), 0)::numeric(20, 2)::text as total
      from (${chargedObjectDays(sql`r.object_id = ${objectId}::bigint`, sql`g.level = ${level}`)}) line
     where line.day between ${from}::date and ${to}::date`.execute(db);
  return result.rows[0]!.total;
}

/** A scheduled run's answer as the schedule reads it, for schedules tested without billing anything. */
export function scheduledRun(
  day: string,
  outcome: { id?: number; failed?: boolean; error?: string } = {},
): BillingRun {
  return {
    id: outcome.id ?? 0,
    day,
    trigger: 'schedule',
    status: outcome.failed ? 'failed' : 'completed',
    actorLogin: null,
    startedAt: '',
    finishedAt: '',
    durationMs: 1,
    objectsCharged: 0,
    transfersCreated: 0,
    alreadyCharged: 0,
    issuesCount: 0,
    totals: [],
    error: outcome.failed ? (outcome.error ?? null) : null,
  };
}
