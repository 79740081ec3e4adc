import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { TariffPeriod } from '../../db/schema.js';
import { subtreePartnerIds } from '../scope/scope.public.js';

/*
 * What an object is billed on a day (the billing run's rule): it is active that day
 * (active_from <= day <= active_until when set) and its contract is live, active and not a warehouse
 * account. Its tariff that day is the pinned one when the pin is in force, else the latest dated pin
 * of object_tariffs; the price is the tariff's latest version in force that day.
 */
const billableOn = (day: string): RawBuilder<boolean> => sql<boolean>`
  o.active_from <= ${day}::date and (o.active_until is null or o.active_until >= ${day}::date)
  and c.archived_at is null and c.active and not c.is_warehouse`;

const tariffInForce = (day: string) => sql`
  case when o.tariff_pinned_at <= ${day}::date then o.tariff_id
       else (select ot.tariff_id from object_tariffs ot
              where ot.object_id = o.id and ot.effective_from <= ${day}::date
              order by ot.effective_from desc limit 1) end`;

const priceInForce = (tariff: RawBuilder<unknown>, day: string) => sql`
  (select v.price::text from tariff_versions v
    where v.tariff_id = ${tariff} and v.effective_from <= ${day}::date
    order by v.effective_from desc limit 1)`;

export interface TariffGroup {
  tariff_id: number;
  period: TariffPeriod;
  price: string | null;
  objects: number;
}

/** A contract's objects billed on a day, grouped by the tariff in force: one row per tariff, not per object. */
export async function contractTariffGroups(db: Db, contractId: number, day: string): Promise<TariffGroup[]> {
  const rows = await sql<TariffGroup>`
    with billed as (
      select ${tariffInForce(day)} as tariff_id
        from objects o join contracts c on c.id = o.contract_id
       where o.contract_id = ${contractId}::bigint and ${billableOn(day)}
    ), grouped as (
      select tariff_id, count(*)::int8 as objects from billed where tariff_id is not null group by tariff_id
    )
    select g.tariff_id, t.period, ${priceInForce(sql`g.tariff_id`, day)} as price, g.objects
      from grouped g join tariffs t on t.id = g.tariff_id
     order by g.tariff_id`.execute(db);
  return rows.rows.map((row) => ({ ...row, objects: Number(row.objects) }));
}

export interface PartnerPriceFacts {
  objects: number;
  period: TariffPeriod | null;
  price: string | null;
  tariff_currency: string | null;
  /** 1 tariff currency = direct_rate partner currency (latest valid on the day), if entered. */
  direct_rate: string | null;
  /** 1 partner currency = reverse_rate tariff currency, used as 1/rate when no direct rate exists. */
  reverse_rate: string | null;
}

/**
 * What a partner pays its parent per day: the number of objects of its subtree billed that day in its
 * currency (its balance account's currency) and its Partner price in force, with the exchange rates
 * that convert it — one statement.
 */
export async function partnerPriceFacts(
  db: Db,
  partner: { id: number; currency: string; partnerPriceTariffId: number | null },
  day: string,
): Promise<PartnerPriceFacts> {
  const rate = (base: RawBuilder<unknown>, quote: RawBuilder<unknown>) => sql`
    (select r.rate::text from exchange_rates r
      where r.base_currency = ${base} and r.quote_currency = ${quote} and r.valid_from <= ${day}::date
      order by r.valid_from desc limit 1)`;
  const currency = sql`${partner.currency}::char(3)`;
  const rows = await sql<PartnerPriceFacts>`
    with tariff as (
      select t.id, t.period, t.currency from tariffs t where t.id = ${partner.partnerPriceTariffId}::bigint
    )
    select (select count(*)::int8
              from objects o join contracts c on c.id = o.contract_id
             where o.partner_id in (${subtreePartnerIds(partner.id)})
               and c.currency = ${currency} and ${billableOn(day)}) as objects,
           tariff.period, tariff.currency as tariff_currency,
           ${priceInForce(sql`tariff.id`, day)} as price,
           ${rate(sql`tariff.currency`, currency)} as direct_rate,
           ${rate(currency, sql`tariff.currency`)} as reverse_rate
      from (select 1) one left join tariff on true`.execute(db);
  const row = rows.rows[0]!;
  return { ...row, objects: Number(row.objects) };
}
