import { sql, type RawBuilder } from 'kysely';

/*
 * The amounts of one billing day, in SQL: the same rule as lib/daily-charge.ts (dailyCharge), which the
 * property tests hold the two together with. A monthly price P in a month of N days is charged on day
 * d the difference of the rounded cumulative amounts, round(P·d/N, 2) − round(P·(d−1)/N, 2), so a whole
 * month adds up to exactly P; a daily price is charged as is. PostgreSQL's round(numeric, 2) rounds
 * half away from zero, which is half-up on these positive amounts. The exact quotient P·d/N is never
 * within 10⁻¹⁶ of a half kopeck (it is a multiple of 1/(100·N) kopecks away), so numeric division's
 * 16+ digits round the same way as exact arithmetic.
 */

/** The charge of one day at `price` of `period` ('month' | 'day'), for the day `day` (a date expression). */
export function dailyAmountSql(
  price: RawBuilder<unknown>,
  period: RawBuilder<unknown>,
  day: RawBuilder<unknown>,
) {
  const dayOfMonth = sql`extract(day from ${day})::int`;
  const daysInMonth = sql`extract(day from date_trunc('month', ${day}) + interval '1 month - 1 day')::int`;
  return sql<string>`case when ${period} = 'day' then ${price}
    else round(${price} * ${dayOfMonth} / ${daysInMonth}, 2) - round(${price} * (${dayOfMonth} - 1) / ${daysInMonth}, 2)
  end`;
}

/**
 * Fills bill_prices (tariff_id, currency, amount, reason, detail) for `day`: every tariff's daily
 * amount in each charge currency of the day. The price is the tariff's version in force (the latest
 * effective_from on or before the day); in another currency it is converted with the exchange rate in
 * force (the latest valid_from on or before the day): 1 base = rate quote, the direct pair first, else
 * the reverse pair divided, rounded half-up to kopecks after the conversion. A tariff without a price
 * that day gets reason price_missing, a currency pair without a rate exchange_rate_missing: the run
 * reports those for the objects they concern, never a silent zero. Both name the tariff (`tariffId` in
 * their detail), which the run's issues list shows by name.
 */
export function fillPricesSql(day: string): RawBuilder<unknown> {
  const theDay = sql`${day}::date`;
  return sql`
    insert into bill_prices (tariff_id, currency, amount, reason, detail)
    with currencies as (
      select distinct currency from bill_partner_currencies
    ), versions as (
      select distinct on (v.tariff_id) v.tariff_id, v.price
        from tariff_versions v
       where v.effective_from <= ${theDay}
       order by v.tariff_id, v.effective_from desc
    ), rates as (
      select distinct on (r.base_currency, r.quote_currency) r.base_currency as base, r.quote_currency as quote, r.rate
        from exchange_rates r
       where r.valid_from <= ${theDay}
       order by r.base_currency, r.quote_currency, r.valid_from desc
    ), daily as (
      select t.id as tariff_id, t.currency as tariff_currency, c.currency,
             ${dailyAmountSql(sql`v.price`, sql`t.period`, theDay)} as amount,
             v.tariff_id is not null as priced
        from tariffs t
        cross join currencies c
        left join versions v on v.tariff_id = t.id
    )
    select d.tariff_id, d.currency,
           case when not d.priced then null
                when d.tariff_currency = d.currency then d.amount
                when direct.rate is not null then round(d.amount * direct.rate, 2)
                when reverse.rate is not null then round(d.amount / reverse.rate, 2)
           end,
           case when not d.priced then 'price_missing'
                when d.tariff_currency <> d.currency and direct.rate is null and reverse.rate is null
                then 'exchange_rate_missing'
           end,
           case when not d.priced then jsonb_build_object('tariffId', d.tariff_id)
                when d.tariff_currency <> d.currency and direct.rate is null and reverse.rate is null
                then jsonb_build_object('from', d.tariff_currency, 'to', d.currency, 'tariffId', d.tariff_id)
           end
      from daily d
      left join rates direct on direct.base = d.tariff_currency and direct.quote = d.currency
      left join rates reverse on reverse.base = d.currency and reverse.quote = d.tariff_currency`;
}
