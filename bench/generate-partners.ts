/*
 * Fills a PostgreSQL database with a partner tree at the scale of a large installation, for the
 * partners-list benchmark (bench/partners-list.ts).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fleetdesk_bench npx tsx bench/generate-partners.ts
 *
 * DESTRUCTIVE: drops and recreates the `public` schema of the target database, then migrates it with the
 * project's own migrations. It refuses a database whose name does not contain "bench" unless
 * FLEETDESK_BENCH_FORCE=1 is set.
 *
 * Everything is set-based SQL (insert … select from generate_series) in one transaction; the random
 * generator is seeded, so two runs give the same tree, names and counters.
 *
 * What it makes (ids are fixed, so levels are id ranges):
 *   - 100 top-level dealers (ids 1–100), 1,900 second-level partners (101–2000), 8,000 third-level
 *     partners (2001–10000). Parents are drawn with a skew, so a few dealers have big subtrees and many
 *     have small ones, as in real life. `path` is the ids from the top-level ancestor down to the partner.
 *   - Country per top-level dealer (RU, KZ, BY, UZ, KG), inherited by its subtree: currency, VAT rate,
 *     legal form, region (ISO 3166-2 codes from the project's reference data), E.164 phones.
 *   - 18 platform tariffs (3 per currency) and 3 tariffs per top-level dealer, each with price versions.
 *   - 100,000 contracts and 1,000,000 objects (bench/generate-contracts-objects.ts), inserted set-based
 *     so that the triggers of migration 0004 set accounts_count / vehicles_count (the partner's own live
 *     contracts / objects); nothing here writes the counters. Checked in SQL at the end.
 *   - About 3% of third-level partners archived, about 2% blocked (leaves only, as the rules allow).
 *   - One partner_admin per partner (login p00001 … p10000, shared password below), read-only staff users
 *     for about 30% of partners, and the super administrator `bench`.
 * Tax ids are digit strings of the right length, not checksum-valid: the rows bypass the API's validation.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { connectDatabase } from '../server/src/db/connect.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { hashPassword } from '../server/src/lib/password-hash.js';
import { checkContractsObjects, generateContractsObjects } from './generate-contracts-objects.js';
import {
  BENCH_ADMIN_LOGIN,
  BENCH_ADMIN_PASSWORD,
  BENCH_PARTNER_PASSWORD,
  PARTNER_COUNTS,
  TOTAL_ACCOUNTS,
  TOTAL_VEHICLES,
} from './bench-data.js';

interface Country {
  code: string;
  /** Relative share of top-level dealers. */
  weight: number;
  currency: string;
  vat: string;
  /** Organization type codes (reference/organization-types.ts) and the abbreviation printed in names. */
  forms: [code: string, abbreviation: string][];
  cities: [name: string, latin: string][];
  /** SQL expression of a random E.164 number. */
  phone: string;
  tld: string;
  taxIdLength: number;
}

const digits = (n: number) => `lpad(floor(random() * 1e${n})::bigint::text, ${n}, '0')`;

const countries: Country[] = [
  {
    code: 'RU',
    weight: 50,
    currency: 'RUB',
    vat: '20.00',
    forms: [
      ['RU-OOO', 'ООО'],
      ['RU-AO', 'АО'],
      ['RU-IP', 'ИП'],
    ],
    cities: [
      ['Москва', 'msk'],
      ['Санкт-Петербург', 'spb'],
      ['Казань', 'kzn'],
      ['Новосибирск', 'nsk'],
      ['Екатеринбург', 'ekb'],
      ['Краснодар', 'krd'],
      ['Самара', 'smr'],
    ],
    phone: `'+79' || ${digits(9)}`,
    tld: 'ru',
    taxIdLength: 10,
  },
  {
    code: 'KZ',
    weight: 25,
    currency: 'KZT',
    vat: '12.00',
    forms: [
      ['KZ-TOO', 'ТОО'],
      ['KZ-AO', 'АО'],
      ['KZ-IP', 'ИП'],
    ],
    cities: [
      ['Алматы', 'almaty'],
      ['Астана', 'astana'],
      ['Шымкент', 'shymkent'],
      ['Караганда', 'karaganda'],
      ['Актобе', 'aktobe'],
    ],
    phone: `'+770' || ${digits(8)}`,
    tld: 'kz',
    taxIdLength: 12,
  },
  {
    code: 'BY',
    weight: 10,
    currency: 'BYN',
    vat: '20.00',
    forms: [
      ['BY-OOO', 'ООО'],
      ['BY-UP', 'УП'],
      ['BY-IP', 'ИП'],
    ],
    cities: [
      ['Минск', 'minsk'],
      ['Гомель', 'gomel'],
      ['Брест', 'brest'],
    ],
    phone: `'+37529' || ${digits(7)}`,
    tld: 'by',
    taxIdLength: 9,
  },
  {
    code: 'UZ',
    weight: 10,
    currency: 'UZS',
    vat: '12.00',
    forms: [
      ['UZ-XK', 'XK'],
      ['UZ-AJ', 'AJ'],
    ],
    cities: [
      ['Ташкент', 'tashkent'],
      ['Самарканд', 'samarkand'],
      ['Бухара', 'bukhara'],
    ],
    phone: `'+99890' || ${digits(7)}`,
    tld: 'uz',
    taxIdLength: 9,
  },
  {
    code: 'KG',
    weight: 5,
    currency: 'KGS',
    vat: '12.00',
    forms: [
      ['KG-AO', 'АО'],
      ['KG-IP', 'ИП'],
    ],
    cities: [
      ['Бишкек', 'bishkek'],
      ['Ош', 'osh'],
    ],
    phone: `'+996555' || ${digits(6)}`,
    tld: 'kg',
    taxIdLength: 14,
  },
];

/* Brand stems and their Latin spelling for e-mail domains. "трек" is in 3 of 20: the search fragment. */
const stems: [string, string][] = [
  ['ГеоТрек', 'geotrek'],
  ['Навигатор', 'navigator'],
  ['АвтоКонтроль', 'avtokontrol'],
  ['Спутник', 'sputnik'],
  ['ТрансМонитор', 'transmonitor'],
  ['ГлонассСервис', 'glonass-service'],
  ['Телематика', 'telematika'],
  ['ФлитКонтроль', 'fleetcontrol'],
  ['АвтоЛокатор', 'avtolokator'],
  ['ТрекСистемс', 'treksystems'],
  ['Автопилот', 'avtopilot'],
  ['Мониторинг Плюс', 'monitoring-plus'],
  ['ГПС Сервис', 'gps-service'],
  ['СмартТрек', 'smarttrek'],
  ['Логистик', 'logistic'],
  ['Вектор', 'vektor'],
  ['Орбита', 'orbita'],
  ['Маяк', 'mayak'],
  ['Компас', 'kompas'],
  ['Навигационные системы', 'navsys'],
];

const surnames = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Ким',
  'Ахметов',
  'Садыков',
  'Ковалёв',
  'Юсупов',
  'Новиков',
  'Омаров',
  'Попов',
  'Каримов',
];

const comments = [
  'Оплата по счёту до 5 числа',
  'Договор продлён на 2026 год',
  'Ключевой клиент, персональный менеджер',
  'Переход с другой платформы, 2024',
  'Просит перевести на постоплату',
  'Сверка взаиморасчётов ежеквартально',
  'Контакт: главный инженер',
  'Работает только по ЭДО',
];

const platformTariffNames = ['Базовый', 'Стандарт', 'Премиум'];
const dealerTariffNames = ['Эконом', 'Бизнес', 'Максимум'];
/* Monthly price per vehicle, low and high, in each currency. */
const priceRanges: Record<string, [number, number]> = {
  RUB: [300, 900],
  KZT: [2000, 5000],
  BYN: [10, 30],
  UZS: [40000, 100000],
  KGS: [300, 900],
  USD: [3, 10],
};
const currencies = ['RUB', 'KZT', 'BYN', 'UZS', 'KGS', 'USD'];

async function regionCodes(): Promise<Map<string, string[]>> {
  const file = new URL('../server/src/modules/reference/data/regions.json', import.meta.url);
  const regions = JSON.parse(await readFile(file, 'utf8')) as { code: string; country: string }[];
  const byCountry = new Map<string, string[]>();
  for (const region of regions) {
    byCountry.set(region.country, [...(byCountry.get(region.country) ?? []), region.code]);
  }
  return byCountry;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// connection string (PostgreSQL only)');
  }
  const name = databaseName(databaseUrl);
  if (!name.includes('bench') && process.env.FLEETDESK_BENCH_FORCE !== '1') {
    throw new Error(
      `Refusing to wipe database "${name}": its name does not contain "bench" (set FLEETDESK_BENCH_FORCE=1)`,
    );
  }

  const started = performance.now();
  const [adminHash, partnerHash, regions] = await Promise.all([
    hashPassword(BENCH_ADMIN_PASSWORD),
    hashPassword(BENCH_PARTNER_PASSWORD),
    regionCodes(),
  ]);

  const handle = await connectDatabase({ databaseUrl, poolSize: 2 });
  try {
    const { db } = handle;
    await sql`drop schema if exists public cascade`.execute(db);
    await sql`create schema public`.execute(db);
    await migrateToLatest(db);
    console.log(`schema recreated and migrated (${name})`);

    const { top, second, third } = PARTNER_COUNTS;
    let contractsStarted = 0;
    const firstSecond = top + 1;
    const firstThird = top + second + 1;
    const total = top + second + third;

    await db.transaction().execute(async (trx) => {
      // One connection for the whole transaction, so temporary tables are visible to every statement.
      await sql`select setseed(0.4242)`.execute(trx);

      await sql`
        create temporary table bench_country (
          code text primary key, weight_from numeric, weight_to numeric, currency text, vat numeric(5, 2),
          form_codes text[], form_names text[], cities text[], cities_latin text[], regions text[],
          tld text, tax_id_length int
        ) on commit drop`.execute(trx);
      const weightTotal = countries.reduce((sum, country) => sum + country.weight, 0);
      let from = 0;
      for (const country of countries) {
        const to = from + country.weight / weightTotal;
        await sql`
          insert into bench_country values (
            ${country.code}, ${from}, ${to}, ${country.currency}, ${country.vat},
            ${country.forms.map((form) => form[0])}::text[], ${country.forms.map((form) => form[1])}::text[],
            ${country.cities.map((city) => city[0])}::text[], ${country.cities.map((city) => city[1])}::text[],
            ${regions.get(country.code) ?? []}::text[], ${country.tld}, ${country.taxIdLength}
          )`.execute(trx);
        from = to;
      }

      // Platform tariffs: ids 1–18, three per currency, in `currencies` order.
      await sql`
        insert into tariffs (id, owner_partner_id, name, currency, period, created_at)
        select (c.i - 1) * 3 + n.i, null, n.name || ' ' || c.code, c.code, 'month', now() - interval '5 years'
          from unnest(${currencies}::text[]) with ordinality as c (code, i)
         cross join unnest(${platformTariffNames}::text[]) with ordinality as n (name, i)`.execute(trx);

      /*
       * One statement per level. `pick` draws every random choice of a row once (a materialised CTE),
       * then the insert derives the columns from it. Children take the country of their top-level dealer.
       */
      const insertLevel = async (level: 1 | 2 | 3, firstId: number, count: number) => {
        const parentExpression =
          level === 1
            ? sql`null::bigint`
            : level === 2
              ? // Skewed: dealer 1 gets about 5% of the second level, the last dealers one or none.
                sql`1 + floor(${top} * power(random(), 1.6))::bigint`
              : sql`${firstSecond} + floor(${second} * power(random(), 1.5))::bigint`;
        await sql`
          with pick as materialized (
            select g as id, ${parentExpression} as parent_id,
                   random() as r_country, random() as r_form, random() as r_stem, random() as r_city,
                   random() as r_region, random() as r_mail, random() as r_currency, random() as r_tariff,
                   random() as r_misc, random() as r_state, random() as r_deposit, random() as r_comment,
                   random() as r_surname
              from generate_series(${firstId}::bigint, ${firstId + count - 1}::bigint) as g
          ),
          placed as (
            select pick.*, parent.path as parent_path,
                   coalesce(parent.path[1], pick.id) as root_id,
                   coalesce(root.region_country,
                     (select code from bench_country c
                       where pick.r_country >= c.weight_from and pick.r_country < c.weight_to)) as country,
                   root.currency as root_currency
              from pick
              left join partners parent on parent.id = pick.parent_id
              left join lateral (
                select c.code as region_country, r.currency
                  from partners r join bench_country c on c.currency = r.currency
                 where r.id = parent.path[1]
              ) root on true
          ),
          shaped as (
            select placed.*, c.*,
                   -- Top-level dealers are companies: the last form of each country (ИП, or a second
                   -- company form in UZ) is left out for them.
                   1 + floor(r_form * (cardinality(c.form_codes) - case when ${level} = 1 then 1 else 0 end))::int
                     as form_i,
                   1 + floor(r_stem * ${stems.length})::int as stem_i,
                   1 + floor(r_city * cardinality(c.cities))::int as city_i,
                   case when ${level} = 1 then c.currency
                        when r_currency < 0.05 then 'USD'
                        else root_currency end as partner_currency
              from placed join bench_country c on c.code = placed.country
          )
          insert into partners (
            id, parent_id, path, name, email, phone, deposit, iin, kpp, vat_percent, code_1c, region,
            blocked, currency, additional_currencies, price_tariff_id, partner_price_tariff_id,
            organization_type, account_type, user_password_policy, show_user_password, comment,
            created_at, updated_at, archived_at
          )
          select
            id, parent_id, coalesce(parent_path, '{}'::bigint[]) || id,
            case when form_names[form_i] = 'ИП'
                 then 'ИП ' || (${surnames}::text[])[1 + floor(r_surname * ${surnames.length})::int]
                      || ' ' || chr(1040 + (id % 28)::int) || '.' || chr(1040 + (id * 7 % 28)::int) || '.'
                 when ${level} = 1
                 then form_names[form_i] || ' «' || (${stems.map((s) => s[0])}::text[])[stem_i] || '»'
                 else form_names[form_i] || ' «' || (${stems.map((s) => s[0])}::text[])[stem_i] || ' '
                      || cities[city_i] || '»'
            end,
            case when r_mail < 0.05 then null
                 when r_mail < 0.25 then 'buh' || id || '@mail.ru'
                 else (array['info', 'office', 'sales', 'support'])[1 + (id % 4)::int] || '@'
                      || (${stems.map((s) => s[1])}::text[])[stem_i] || '-' || cities_latin[city_i] || '.' || tld
            end,
            case when r_misc < 0.03 then null
                 ${sql.raw(countries.map((c) => `when country = '${c.code}' then ${c.phone}`).join(' '))}
            end,
            case when r_deposit < 0.3 then round(r_deposit * 1e6 / 1000) * 1000 else 0 end,
            case when r_misc < 0.1 then null else lpad(floor(random() * 1e14)::bigint::text, tax_id_length, '0') end,
            case when country = 'RU' and form_names[form_i] <> 'ИП' then ${sql.raw(digits(9))} end,
            vat,
            case when r_misc < 0.7 then 'ЦБ-' || lpad(id::text, 6, '0') end,
            case when r_region < 0.9 and cardinality(regions) > 0
                 then regions[1 + floor(random() * cardinality(regions))::int] end,
            ${level} = 3 and r_state >= 0.97 and r_state < 0.99,
            partner_currency,
            case when partner_currency <> 'USD' and r_misc > 0.9 then '{USD}'::text[] else '{}'::text[] end,
            case when r_tariff < 0.08 then null
                 when ${level} = 1 or partner_currency <> root_currency
                 then (array_position(${currencies}::text[], partner_currency) - 1) * 3 + 1
                      + floor(r_tariff * 3)::bigint
                 else ${currencies.length * 3} + (root_id - 1) * 3 + 1 + floor(r_tariff * 3)::bigint
            end,
            null::bigint,
            form_codes[form_i],
            case when r_misc < 0.8 then 'prepayment' when r_misc < 0.95 then 'postpayment'
                 else 'postpayment_light' end,
            case when r_comment < 0.2 then 'complex' else 'simple' end,
            r_comment > 0.9,
            case when r_comment < 0.15 then (${comments}::text[])[1 + floor(r_comment / 0.15 * ${comments.length})::int] end,
            now() - (${total + 1} - id) * interval '4 hours' - r_misc * interval '3 hours',
            now() - (${total + 1} - id) * interval '2 hours',
            case when ${level} = 3 and r_state >= 0.99 or ${level} = 3 and r_state < 0.02
                 then now() - r_state * interval '200 days' end
          from shaped
          order by id`.execute(trx);
      };

      await insertLevel(1, 1, top);
      // Three tariffs per top-level dealer in its currency: ids 19–318.
      await sql`
        insert into tariffs (id, owner_partner_id, name, currency, period, created_at)
        select ${currencies.length * 3} + (p.id - 1) * 3 + n.i, p.id,
               n.name || ' — ' || p.name, p.currency,
               case when (p.id + n.i) % 10 = 0 then 'day' else 'month' end, p.created_at
          from partners p
         cross join unnest(${dealerTariffNames}::text[]) with ordinality as n (name, i)
         where p.parent_id is null`.execute(trx);
      await insertLevel(2, firstSecond, second);
      await insertLevel(3, firstThird, third);

      /*
       * Partner price, what each partner's parent charges it per object (billed level by level): a
       * top-level dealer pays the platform one of the platform's tariffs in its currency; a sub-partner
       * pays one of its dealer's tariffs when it shares the dealer's currency, else a platform tariff in
       * its own currency (converted by no one: the same currency as its objects' charges).
       */
      await sql`
        update partners p
           set partner_price_tariff_id = case
                 when p.parent_id is not null and p.currency = (select r.currency from partners r where r.id = p.path[1])
                   then ${currencies.length * 3} + (p.path[1] - 1) * 3 + 1 + (p.id % 3)
                 else (array_position(${currencies}::text[], p.currency::text) - 1) * 3 + 1 + (p.id % 3)
               end`.execute(trx);

      // Price versions: every tariff has one from 2024, about half a raise from 2025.
      await sql`
        insert into tariff_versions (tariff_id, price, effective_from)
        select t.id, round((r.low + (r.high - r.low) * random())::numeric, 2), date '2024-01-01'
          from tariffs t
          join (select unnest(${Object.keys(priceRanges)}::text[]) as currency,
                       unnest(${Object.values(priceRanges).map((range) => range[0])}::numeric[]) as low,
                       unnest(${Object.values(priceRanges).map((range) => range[1])}::numeric[]) as high) r
            on r.currency = t.currency`.execute(trx);
      await sql`
        insert into tariff_versions (tariff_id, price, effective_from)
        select tariff_id, round(price * 1.1, 2), date '2025-01-01'
          from tariff_versions where tariff_id % 2 = 0`.execute(trx);

      // Admin-panel users: one partner administrator per partner, staff for about 30%, the super admin.
      await sql`
        insert into admin_users (partner_id, role, login, name, password_hash, created_at, updated_at)
        select id, 'partner_admin', 'p' || lpad(id::text, 5, '0'), 'Администратор', ${partnerHash},
               created_at, created_at
          from partners order by id`.execute(trx);
      await sql`
        insert into admin_users (partner_id, role, login, name, password_hash, rights, created_at, updated_at)
        select id, 'staff', 'p' || lpad(id::text, 5, '0') || '-s1', 'Менеджер', ${partnerHash},
               '{partners:read,contracts:read,objects:read,users:read,finance:read}'::text[], created_at, created_at
          from partners where id % 10 in (1, 4, 7) order by id`.execute(trx);
      await sql`
        insert into admin_users (partner_id, role, login, name, password_hash)
        values (null, 'super_admin', ${BENCH_ADMIN_LOGIN}, 'Benchmark', ${adminHash})`.execute(trx);

      await sql`select setval(pg_get_serial_sequence('partners', 'id'), (select max(id) from partners))`.execute(
        trx,
      );
      await sql`select setval(pg_get_serial_sequence('tariffs', 'id'), (select max(id) from tariffs))`.execute(
        trx,
      );
      console.log(
        `partners, tariffs and admin users: ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );

      // 100,000 contracts and 1,000,000 objects; their triggers keep accounts_count and vehicles_count.
      contractsStarted = performance.now();
      await generateContractsObjects(trx, currencies);
    });
    const contractsSeconds = (performance.now() - contractsStarted) / 1000;

    const vacuumStarted = performance.now();
    await sql`vacuum (analyze) partners, admin_users, tariffs, tariff_versions, contracts, objects, object_tariffs`.execute(
      db,
    );
    await sql`analyze`.execute(db);
    console.log(`vacuum (analyze): ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);

    const summary = await sql<{
      partners: number;
      top: number;
      second: number;
      third: number;
      archived: number;
      blocked: number;
      accounts: number;
      vehicles: number;
      users: number;
      tariffs: number;
      bad_paths: number;
    }>`
      select count(*)::int as partners,
             count(*) filter (where cardinality(path) = 1)::int as top,
             count(*) filter (where cardinality(path) = 2)::int as second,
             count(*) filter (where cardinality(path) = 3)::int as third,
             count(*) filter (where archived_at is not null)::int as archived,
             count(*) filter (where blocked)::int as blocked,
             sum(accounts_count)::int as accounts,
             sum(vehicles_count)::int as vehicles,
             (select count(*)::int from admin_users) as users,
             (select count(*)::int from tariffs) as tariffs,
             count(*) filter (where path[cardinality(path)] <> id
                               or (parent_id is null) <> (cardinality(path) = 1)
                               or parent_id is not null and path[cardinality(path) - 1] <> parent_id)::int
               as bad_paths
        from partners`.execute(db);
    const row = summary.rows[0]!;
    console.table(row);
    const checkStarted = performance.now();
    const check = await checkContractsObjects(db);
    console.table(check);
    console.log(`checks: ${((performance.now() - checkStarted) / 1000).toFixed(1)} s`);
    if (
      row.partners !== total ||
      row.accounts !== check.live_contracts ||
      row.vehicles !== check.live_objects ||
      row.bad_paths !== 0 ||
      check.contracts !== TOTAL_ACCOUNTS ||
      check.objects !== TOTAL_VEHICLES ||
      check.object_tariffs !== TOTAL_VEHICLES ||
      check.accounts_mismatches !== 0 ||
      check.vehicles_mismatches !== 0 ||
      check.double_warehouses !== 0 ||
      check.bad_imeis !== 0 ||
      check.bad_contract_currencies !== 0 ||
      check.bad_object_tariffs !== 0 ||
      check.live_under_archived !== 0
    ) {
      throw new Error('generated data does not add up; see the tables above');
    }
    console.log(`contracts and objects (with their triggers): ${contractsSeconds.toFixed(1)} s`);
    console.log(
      `done in ${((performance.now() - started) / 1000).toFixed(1)} s; sign in as ` +
        `${BENCH_ADMIN_LOGIN} / ${BENCH_ADMIN_PASSWORD} or p00001…p${String(total).padStart(5, '0')} / ` +
        BENCH_PARTNER_PASSWORD,
    );
  } finally {
    await handle.close();
  }
}

await main();
