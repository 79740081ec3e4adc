/*
 * Contracts and objects for the benchmark database: exactly 100,000 contracts and 1,000,000 objects
 * spread over the partners made by bench/generate-partners.ts, which calls this inside its transaction
 * (after the partners, tariffs and admin users, with the same seeded random generator).
 *
 * Both are inserted set-based (insert … select … generate_series), one statement per table, so the
 * statement-level triggers of migration 0004 keep partners.accounts_count and vehicles_count: nothing
 * here writes the counters. What the rows look like:
 *   - Contracts per partner: log-normal weights (about 6% of partners have none) scaled to exactly
 *     100,000 by largest remainder. Currency: the partner's own, or USD (10%) for a partner that has USD
 *     among its Additional currencies. Tariff: none when the partner's Price (or the nearest ancestor's)
 *     is in that currency and a coin says so, else the partner's Price when in that currency, else a
 *     platform tariff in that currency — always one the partner may sell. Account types 80/15/5%
 *     (Postpayment light with a Blocking limit). Every fifth partner with a contract has a warehouse
 *     account (its first contract; so at most one, and live while the partner is). About 3% archived;
 *     a partner that is archived has only archived contracts (a partner with live contracts cannot be
 *     archived).
 *   - Objects per contract: log-normal weights (warehouse accounts weigh 3×) scaled to exactly 1,000,000.
 *     Device ID: a 15-digit IMEI, a TAC-like prefix and 12 digits from a bijection of the object id
 *     (so unique) plus its Luhn digit; ICCID (70%) 19 digits with its Luhn digit. The tariff rule: the
 *     contract's tariff, else the partner's Price, else the nearest ancestor's; tariff_pinned_at is the
 *     creation day, with one object_tariffs row from that day. Objects of archived contracts are
 *     archived, and about 2% more.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/src/db/schema.js';
import { TOTAL_ACCOUNTS, TOTAL_VEHICLES } from './bench-data.js';

/**
 * SQL expression of the Luhn check digit of `body`, an expression giving a string of exactly `length`
 * digits. Unrolled (no subquery, no function call) so it costs little per row.
 */
function luhnDigit(body: string, length: number): string {
  const terms: string[] = [];
  for (let i = 1; i <= length; i += 1) {
    const digit = `substr(${body}, ${i}, 1)::int`;
    // Counting from the right end of the body, the first, third, … digits are doubled.
    terms.push((length - i) % 2 === 0 ? `('{0,2,4,6,8,1,3,5,7,9}'::int[])[${digit} + 1]` : digit);
  }
  return `((10 - (${terms.join(' + ')}) % 10) % 10)::text`;
}

/** Every SQL step, with its time, for the generator's log. */
export interface StepTime {
  step: string;
  seconds: number;
}

export async function generateContractsObjects(
  db: Kysely<Database>,
  currencies: string[],
): Promise<StepTime[]> {
  const times: StepTime[] = [];
  const step = async (name: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    const seconds = (performance.now() - started) / 1000;
    times.push({ step: name, seconds });
    console.log(`  ${name}: ${seconds.toFixed(1)} s`);
  };

  await step('contract counts per partner (temporary table)', async () => {
    await sql`
      create temporary table bench_partner_contracts on commit drop as
      with w as materialized (
        select p.id,
               case when random() < 0.06 then 0
                    else exp(1.1 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) end as weight
          from partners p order by p.id
      ),
      a as (select id, ${TOTAL_ACCOUNTS} * weight / sum(weight) over () as exact from w),
      a2 as (select id, floor(exact)::int as fl, exact - floor(exact) as frac from a)
      select id as partner_id,
             fl + case when row_number() over (order by frac desc, id) <= ${TOTAL_ACCOUNTS} - sum(fl) over ()
                       then 1 else 0 end as n
        from a2`.execute(db);
    // Contract ids in partner order: partner p's contracts are first_id … first_id + n - 1.
    await sql`
      alter table bench_partner_contracts add column first_id bigint;
      update bench_partner_contracts b set first_id = s.first_id
        from (select partner_id, 1 + coalesce(sum(n) over (order by partner_id
                                                   rows between unbounded preceding and 1 preceding), 0)
                                   as first_id
                from bench_partner_contracts) s
       where s.partner_id = b.partner_id`.execute(db);
  });

  await step('partner prices and country data (temporary table)', async () => {
    // The Price in force for a partner's objects: its own, else the nearest ancestor's (tariff rule).
    await sql`
      create temporary table bench_partner_info on commit drop as
      select p.id as partner_id, p.currency, p.additional_currencies, p.price_tariff_id, p.archived_at,
             p.created_at, p.organization_type, root.currency as country_currency,
             chain.tariff_id as chain_tariff_id, chain.currency as chain_currency,
             own.currency as own_price_currency
        from partners p
        join partners root on root.id = p.path[1]
        left join tariffs own on own.id = p.price_tariff_id
        left join lateral (
          select t.id as tariff_id, t.currency
            from unnest(p.path) with ordinality as u (id, ord)
            join partners a on a.id = u.id
            join tariffs t on t.id = a.price_tariff_id
           order by u.ord desc limit 1
        ) chain on true`.execute(db);
    await sql`alter table bench_partner_info add primary key (partner_id)`.execute(db);
  });

  await step(`insert ${TOTAL_ACCOUNTS.toLocaleString('en-US')} contracts (one statement, triggers on)`, () =>
    sql`
      with pick as materialized (
        select b.partner_id, b.first_id + k - 1 as id, k,
               random() as r_currency, random() as r_tariff, random() as r_tariff2, random() as r_type,
               random() as r_state, random() as r_name, random() as r_misc, random() as r_created
          from bench_partner_contracts b
         cross join lateral generate_series(1, b.n) as k
      ),
      shaped as (
        select pick.*, i.currency, i.additional_currencies, i.price_tariff_id, i.archived_at, i.created_at,
               i.organization_type, i.chain_currency, i.own_price_currency,
               case when r_currency < 0.1 and 'USD' = any (i.additional_currencies) then 'USD'
                    else i.currency end as contract_currency
          from pick join bench_partner_info i on i.partner_id = pick.partner_id
      )
      insert into contracts (
        id, partner_id, name, email, phone, deposit, iin, kpp, currency, tariff_id, organization_type,
        account_type, blocking_limit, code_1c, active, is_warehouse, blocked, user_password_policy,
        created_at, updated_at, archived_at
      )
      select
        id, partner_id,
        case when k = 1 and partner_id % 5 = 0 then 'Склад'
             else (array['Стройтранс', 'Агрохолдинг', 'Логистик-Сервис', 'Такси Экспресс', 'Водоканал',
                         'Хлебозавод', 'Автобаза', 'Промснаб', 'Северный путь', 'Инкассация', 'Спецтехника',
                         'Молочный комбинат'])[1 + floor(r_name * 12)::int] || ' ' || k
        end,
        case when r_misc < 0.4 then 'fleet' || id || '@example.com' end,
        case when r_misc < 0.6 then '+7900' || lpad((id % 10000000)::text, 7, '0') end,
        case when r_misc < 0.2 then round(r_misc * 500000 / 100) * 100 else 0 end,
        case when r_misc < 0.8 then lpad(((id * 7919) % 10000000000)::text, 10, '0') end,
        null,
        contract_currency,
        case when r_tariff < 0.35 and chain_currency = contract_currency then null
             when r_tariff < 0.75 and own_price_currency = contract_currency then price_tariff_id
             else (array_position(${currencies}::text[], contract_currency::text) - 1) * 3 + 1
                  + floor(r_tariff2 * 3)::bigint
        end,
        case when r_misc < 0.7 then organization_type end,
        case when r_type < 0.8 then 'prepayment' when r_type < 0.95 then 'postpayment'
             else 'postpayment_light' end,
        case when r_type >= 0.95 then round((r_type - 0.95) * 2e6 / 1000) * 1000 end,
        case when r_misc < 0.5 then 'Д-' || lpad(id::text, 6, '0') end,
        r_state >= 0.05,
        k = 1 and partner_id % 5 = 0,
        r_state >= 0.05 and r_state < 0.06,
        case when r_misc < 0.1 then 'complex' when r_misc < 0.15 then 'simple' else 'inherit' end,
        created_at + r_created * greatest(coalesce(archived_at, now() - interval '30 days') - created_at, interval '0'),
        created_at + r_created * greatest(coalesce(archived_at, now() - interval '30 days') - created_at, interval '0'),
        case when archived_at is not null then archived_at
             -- 0–30 days ago: after the contract's creation.
             when r_state >= 0.97 and not (k = 1 and partner_id % 5 = 0) then now() - (r_state - 0.97) * interval '1000 days'
        end
      from shaped
      order by id`.execute(db),
  );

  await step('object counts per contract (temporary table)', async () => {
    await sql`
      create temporary table bench_contract_objects on commit drop as
      with w as materialized (
        select c.id, c.partner_id,
               exp(1.2 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))
                 * case when c.is_warehouse then 3 else 1 end as weight
          from contracts c order by c.id
      ),
      v as (select id, partner_id, ${TOTAL_VEHICLES} * weight / sum(weight) over () as exact from w),
      v2 as (select id, partner_id, floor(exact)::int as fl, exact - floor(exact) as frac from v)
      select id as contract_id, partner_id,
             fl + case when row_number() over (order by frac desc, id) <= ${TOTAL_VEHICLES} - sum(fl) over ()
                       then 1 else 0 end as n
        from v2`.execute(db);
    await sql`
      alter table bench_contract_objects add column first_id bigint;
      update bench_contract_objects b set first_id = s.first_id
        from (select contract_id, 1 + coalesce(sum(n) over (order by contract_id
                                                    rows between unbounded preceding and 1 preceding), 0)
                                    as first_id
                from bench_contract_objects) s
       where s.contract_id = b.contract_id`.execute(db);
  });

  const imeiBody = `imei_body`;
  const iccidBody = `iccid_body`;
  await step(`insert ${TOTAL_VEHICLES.toLocaleString('en-US')} objects (one statement, triggers on)`, () =>
    sql`
      with pick as materialized (
        select b.contract_id, b.partner_id, g as id,
               random() as r_name, random() as r_plate, random() as r_type, random() as r_sim,
               random() as r_state, random() as r_created, random() as r_misc
          from bench_contract_objects b
         cross join lateral generate_series(b.first_id, b.first_id + b.n - 1) as g
      ),
      shaped as (
        select pick.*, c.created_at as contract_created_at, c.archived_at as contract_archived_at,
               coalesce(c.tariff_id, i.chain_tariff_id) as pinned_tariff_id, i.country_currency,
               (array['35', '86', '01', '35', '86'])[1 + (pick.id % 5)::int]
                 || lpad(((pick.id * 387420489) % 1000000000000)::text, 12, '0') as imei_body,
               '897' || (array['01', '02', '11', '20', '99'])[1 + (pick.id % 5)::int]
                 || lpad(((pick.id * 1162261467) % 10000000000000)::text, 13, '0') as iccid_body
          from pick
          join contracts c on c.id = pick.contract_id
          join bench_partner_info i on i.partner_id = pick.partner_id
      ),
      dated as (
        select shaped.*,
               contract_created_at
                 + r_created * greatest(coalesce(contract_archived_at, now() - interval '1 day') - contract_created_at,
                                        interval '0') as created
          from shaped
      )
      insert into objects (
        id, partner_id, contract_id, name, device_id, device_type, sim_phone, sim2_phone, iccid, sim_provider,
        plate_number, active, tariff_id, tariff_pinned_at, active_from, active_until, created_at, updated_at,
        archived_at
      )
      select
        id, partner_id, contract_id,
        (array['КАМАЗ 5490', 'ГАЗель Next', 'Volvo FH', 'Scania R450', 'MAN TGX', 'Hyundai HD78',
               'Ford Transit', 'Лада Ларгус', 'Toyota Hilux', 'МАЗ 5440', 'Экскаватор JCB 3CX',
               'Трактор Беларус 82'])[1 + floor(r_name * 12)::int]
          || case when r_plate < 0.9 then ' ' || plate else ' №' || id end,
        ${sql.raw(imeiBody)} || ${sql.raw(luhnDigit(imeiBody, 14))},
        (array['Galileosky 7.0', 'Teltonika FMB920', 'Teltonika FMC130', 'Navtelecom Smart S-2435',
               'Queclink GV300', 'Ruptela FM-Eco4', 'Wialon IPS'])[1 + floor(r_type * 7)::int],
        case when r_sim < 0.95 then
          case country_currency
            when 'RUB' then '+79' || lpad(((id * 48271) % 1000000000)::text, 9, '0')
            when 'KZT' then '+770' || lpad(((id * 48271) % 100000000)::text, 8, '0')
            when 'BYN' then '+37529' || lpad(((id * 48271) % 10000000)::text, 7, '0')
            when 'UZS' then '+99890' || lpad(((id * 48271) % 10000000)::text, 7, '0')
            else '+996555' || lpad(((id * 48271) % 1000000)::text, 6, '0')
          end
        end,
        case when r_sim < 0.1 then '+79' || lpad(((id * 69621) % 1000000000)::text, 9, '0') end,
        case when r_sim < 0.7 then ${sql.raw(iccidBody)} || ${sql.raw(luhnDigit(iccidBody, 18))} end,
        case when r_sim < 0.95 then
          (array['МТС', 'Билайн', 'МегаФон', 'Теле2', 'Kcell', 'A1'])[1 + floor(r_misc * 6)::int]
        end,
        case when r_plate < 0.9 then plate end,
        r_state >= 0.03,
        pinned_tariff_id,
        created::date,
        created::date,
        -- The billed days end when the object was deactivated or archived (archived: the archive day).
        case when contract_archived_at is not null then greatest(contract_archived_at, created)::date
             when r_state < 0.02 then greatest(created, now() - r_state * interval '1000 days')::date
             when r_state < 0.03 then created::date
        end,
        created,
        created,
        case when contract_archived_at is not null then contract_archived_at
             when r_state < 0.02 then greatest(created, now() - r_state * interval '1000 days')
        end
      from dated
      cross join lateral (
        select substr('АВЕКМНОРСТУХ', 1 + floor(r_plate * 12)::int, 1)
               || lpad(((id * 7) % 1000)::text, 3, '0')
               || substr('АВЕКМНОРСТУХ', 1 + (id % 12)::int, 1)
               || substr('АВЕКМНОРСТУХ', 1 + (id / 12 % 12)::int, 1)
               || (array['77', '78', '16', '54', '66', '23', '63', '02'])[1 + (id % 8)::int] as plate
      ) plate
      order by id`.execute(db),
  );

  await step('insert 1 object_tariffs row per object', () =>
    sql`
      insert into object_tariffs (object_id, tariff_id, effective_from, created_at)
      select id, tariff_id, tariff_pinned_at, created_at from objects order by id`.execute(db),
  );

  await step('identity sequences', async () => {
    await sql`select setval(pg_get_serial_sequence('contracts', 'id'), (select max(id) from contracts))`.execute(
      db,
    );
    await sql`select setval(pg_get_serial_sequence('objects', 'id'), (select max(id) from objects))`.execute(
      db,
    );
  });
  return times;
}

export interface ContractsObjectsCheck {
  contracts: number;
  live_contracts: number;
  warehouse_live: number;
  objects: number;
  live_objects: number;
  object_tariffs: number;
  /** Partners whose accounts_count is not their number of live contracts. */
  accounts_mismatches: number;
  /** Partners whose vehicles_count is not their number of live objects. */
  vehicles_mismatches: number;
  /** Partners with more than one live warehouse account (the unique index forbids it). */
  double_warehouses: number;
  /** Device IDs that are not 15 digits or fail the Luhn check. */
  bad_imeis: number;
  /** Contracts whose currency is not one of the partner's, or whose tariff is in another currency. */
  bad_contract_currencies: number;
  /** Objects whose tariff is not the one the tariff rule gives, or without their object_tariffs row. */
  bad_object_tariffs: number;
  /** Live contracts of archived partners. */
  live_under_archived: number;
}

/** Counts what was made and checks it, in SQL, against the rules and the counters. */
export async function checkContractsObjects(db: Kysely<Database>): Promise<ContractsObjectsCheck> {
  const result = await sql<ContractsObjectsCheck>`
    select
      (select count(*)::int from contracts) as contracts,
      (select count(*)::int from contracts where archived_at is null) as live_contracts,
      (select count(*)::int from contracts where archived_at is null and is_warehouse) as warehouse_live,
      (select count(*)::int from objects) as objects,
      (select count(*)::int from objects where archived_at is null) as live_objects,
      (select count(*)::int from object_tariffs) as object_tariffs,
      (select count(*)::int from partners p
         left join (select partner_id, count(*) as n from contracts where archived_at is null group by partner_id) c
           on c.partner_id = p.id
        where p.accounts_count <> coalesce(c.n, 0)) as accounts_mismatches,
      (select count(*)::int from partners p
         left join (select partner_id, count(*) as n from objects where archived_at is null group by partner_id) o
           on o.partner_id = p.id
        where p.vehicles_count <> coalesce(o.n, 0)) as vehicles_mismatches,
      (select count(*)::int from (select partner_id from contracts where is_warehouse and archived_at is null
                                   group by partner_id having count(*) > 1) w) as double_warehouses,
      (select count(*)::int from objects
        where device_id !~ '^[0-9]{15}$'
           or right(device_id, 1) <> ${sql.raw(luhnDigit('left(device_id, 14)', 14))}) as bad_imeis,
      (select count(*)::int from contracts c
         join partners p on p.id = c.partner_id
         left join tariffs t on t.id = c.tariff_id
        where not (c.currency = p.currency or c.currency = any (p.additional_currencies))
           or t.currency is distinct from c.currency and c.tariff_id is not null) as bad_contract_currencies,
      (select count(*)::int from objects o
         join contracts c on c.id = o.contract_id
         left join object_tariffs ot on ot.object_id = o.id and ot.effective_from = o.tariff_pinned_at
                                    and ot.tariff_id = o.tariff_id
        where ot.object_id is null or o.partner_id <> c.partner_id
           or c.tariff_id is not null and o.tariff_id <> c.tariff_id) as bad_object_tariffs,
      (select count(*)::int from contracts c join partners p on p.id = c.partner_id
        where p.archived_at is not null and c.archived_at is null) as live_under_archived`.execute(db);
  return result.rows[0]!;
}
