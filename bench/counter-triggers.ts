/*
 * What the counter triggers of migration 0004 cost, and proof that the partners list reads the counters
 * instead of counting, on the database made by bench/generate-partners.ts (100,000 contracts,
 * 1,000,000 objects).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fleetdesk_bench npx tsx bench/counter-triggers.ts
 *
 * Every write runs in a transaction that is rolled back, so the database is left as it was. Each case is
 * one statement, timed with the triggers and with `alter table objects disable trigger user` (which
 * leaves the foreign-key triggers on), alternating, BENCH_ROUNDS times (default 5); the report gives the
 * median and the range of EXPLAIN ANALYZE's Execution Time, which includes every trigger, and the
 * triggers' own times from one run. Cases:
 *   - insert 10,000 objects into one contract (a bulk import), and into 10,000 contracts of 5,000+
 *     partners (the worst spread for the counter update);
 *   - archive 10,000 live objects in one UPDATE: the first 10,000 by id (a few partners), and every
 *     90th (thousands of partners).
 *
 * Writes bench/results/counter-triggers.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { connectDatabase } from '../server/src/db/connect.js';
import type { Database } from '../server/src/db/schema.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const ROWS = 10_000;

interface ExplainJson {
  Plan: unknown;
  'Execution Time': number;
  Triggers?: { 'Trigger Name': string; Relation: string; Time: number; Calls: number }[];
}

interface Case {
  name: string;
  statement: RawBuilder<unknown>;
}

/**
 * Inserts new objects, each with a new valid IMEI (prefix 49, which the generator does not use), one per
 * row `(g, c_id)` of `source`: g numbers the object, c_id is its contract.
 */
function insertObjects(source: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    insert into objects (partner_id, contract_id, name, device_id, device_type, sim_phone, plate_number,
                         tariff_id, tariff_pinned_at)
    select c.partner_id, c.id, 'Bench ' || g, body || ((10 - luhn % 10) % 10)::text, 'Teltonika FMB920',
           '+79' || lpad((g * 48271 % 1000000000)::text, 9, '0'), 'Б' || lpad(g::text, 5, '0') || '77',
           coalesce(c.tariff_id, 1), current_date
      from (select g, c_id, '49' || lpad((g * 387420489 % 1000000000000)::text, 12, '0') as body
              from (${source}) s) b
      join contracts c on c.id = b.c_id
     cross join lateral (
       select sum(case when (14 - i) % 2 = 0
                       then (array[0, 2, 4, 6, 8, 1, 3, 5, 7, 9])[substr(body, i, 1)::int + 1]
                       else substr(body, i, 1)::int end) as luhn
         from generate_series(1, 14) as i
     ) l`;
}

async function explain(db: Kysely<Database>, statement: RawBuilder<unknown>): Promise<ExplainJson> {
  const result = await sql<{
    'QUERY PLAN': ExplainJson[];
  }>`explain (analyze, format json) ${statement}`.execute(db);
  return result.rows[0]!['QUERY PLAN'][0]!;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must name the benchmark database');
  const handle = await connectDatabase({ databaseUrl, poolSize: 1 });
  try {
    const { db } = handle;
    const sizes = await sql<{ contracts: number; objects: number }>`
      select (select count(*)::int from contracts) as contracts, (select count(*)::int from objects) as objects`.execute(
      db,
    );
    if ((sizes.rows[0]?.objects ?? 0) < 1_000_000) throw new Error('run bench/generate-partners.ts first');

    // The biggest live contract, and 10,000 live contracts spread over as many partners as possible.
    const big = await sql<{ id: number; partner_id: number }>`
      select c.id, c.partner_id from contracts c
       where c.archived_at is null and not c.is_warehouse
       order by (select count(*) from objects o where o.contract_id = c.id) desc limit 1`.execute(db);
    const bigContract = big.rows[0]!.id;
    await sql`
      create temporary table bench_spread as
      select row_number() over (order by rn, partner_id) as g, id from (
        select id, partner_id, row_number() over (partition by partner_id order by id) as rn
          from contracts where archived_at is null) c
      order by rn, partner_id limit ${ROWS}`.execute(db);
    const spread = await sql<{ partners: number }>`
      select count(distinct c.partner_id)::int as partners from bench_spread s join contracts c on c.id = s.id`.execute(
      db,
    );
    const spreadPartners = spread.rows[0]!.partners;
    const firstIds = await sql<{ partners: number }>`
      select count(distinct partner_id)::int as partners
        from (select partner_id from objects where archived_at is null order by id limit ${ROWS}) o`.execute(
      db,
    );
    const everyNth = await sql<{ partners: number }>`
      select count(distinct partner_id)::int as partners
        from (select partner_id from objects where archived_at is null and id % 90 = 0 order by id limit ${ROWS}) o`.execute(
      db,
    );

    const cases: Case[] = [
      {
        name: `insert ${ROWS.toLocaleString('en-US')} objects into one contract (1 partner)`,
        statement: insertObjects(
          sql`select g, ${bigContract}::bigint as c_id from generate_series(1::bigint, ${ROWS}::bigint) as g`,
        ),
      },
      {
        name: `insert ${ROWS.toLocaleString('en-US')} objects, one per contract (${spreadPartners.toLocaleString('en-US')} partners)`,
        statement: insertObjects(sql`select g, id as c_id from bench_spread`),
      },
      {
        name: `archive ${ROWS.toLocaleString('en-US')} objects in one UPDATE: the first by id (${firstIds.rows[0]!.partners} partners)`,
        statement: sql`
          update objects set archived_at = now(), updated_at = now(), version = version + 1
           where id in (select id from objects where archived_at is null order by id limit ${ROWS})`,
      },
      {
        name: `archive ${ROWS.toLocaleString('en-US')} objects in one UPDATE: every 90th (${everyNth.rows[0]!.partners.toLocaleString('en-US')} partners)`,
        statement: sql`
          update objects set archived_at = now(), updated_at = now(), version = version + 1
           where id in (select id from objects where archived_at is null and id % 90 = 0 order by id limit ${ROWS})`,
      },
    ];

    const loadBefore = os.loadavg();
    const results: {
      name: string;
      on: number[];
      off: number[];
      /** The counter trigger's own time in each run with the triggers on. */
      counter: number[];
      triggers: NonNullable<ExplainJson['Triggers']>;
    }[] = [];
    for (const item of cases) {
      const on: number[] = [];
      const off: number[] = [];
      const counter: number[] = [];
      let triggers: ExplainJson['Triggers'] = [];
      for (let round = 0; round < rounds; round += 1) {
        for (const enabled of round % 2 === 0 ? [true, false] : [false, true]) {
          // One connection (pool of 1), so begin … rollback wrap exactly these statements.
          await sql`begin`.execute(db);
          try {
            if (!enabled) await sql`alter table objects disable trigger user`.execute(db);
            const plan = await explain(db, item.statement);
            (enabled ? on : off).push(plan['Execution Time']);
            if (enabled) {
              const own = (plan.Triggers ?? []).filter((trigger) => /_count_/.test(trigger['Trigger Name']));
              counter.push(own.reduce((sum, trigger) => sum + trigger.Time, 0));
              if (round === 0) triggers = plan.Triggers ?? [];
            }
          } finally {
            await sql`rollback`.execute(db);
          }
        }
      }
      results.push({ name: item.name, on, off, counter, triggers: triggers ?? [] });
      console.log(
        `${item.name}: triggers on ${median(on).toFixed(0)} ms, off ${median(off).toFixed(0)} ms, ` +
          `counter trigger ${median(counter).toFixed(0)} ms ` +
          `(on ${on.map((n) => n.toFixed(0)).join(', ')}; off ${off.map((n) => n.toFixed(0)).join(', ')})`,
      );
    }
    const loadAfter = os.loadavg();

    // The default page of the partners list, as partners.repository.ts sends it (from the captured SQL of
    // bench/partners-list.ts), with VERBOSE: the counters are output columns of the partners row.
    const listPlan = await sql<{ 'QUERY PLAN': string }>`
      explain (analyze, verbose, buffers)
      select "p"."id", "p"."name", "p"."price_tariff_id", "price"."name" as "price_tariff_name", "p"."currency",
             "p"."email", "p"."phone", "u"."login", "p"."accounts_count", "p"."vehicles_count", "p"."parent_id",
             "parent"."name" as "parent_name", "p"."comment", "p"."blocked", "p"."users_blocked", "p"."archived_at"
        from "partners" as "p"
        left join "admin_users" as "u" on "u"."partner_id" = "p"."id" and "u"."role" = 'partner_admin'
        left join "partners" as "parent" on "parent"."id" = "p"."parent_id"
        left join "tariffs" as "price" on "price"."id" = "p"."price_tariff_id"
       where true and "p"."archived_at" is null
       order by p.id asc, "p"."id" asc limit 50 offset 0`.execute(db);
    const planText = listPlan.rows.map((row) => row['QUERY PLAN']).join('\n');
    if (/\b(contracts|objects)\b/.test(planText)) throw new Error('the list plan reads contracts or objects');

    const range = (values: number[]) =>
      `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
    const report = [
      '# Counter triggers: cost, and the list reading the counters',
      '',
      `Run ${new Date().toISOString()} on ${sizes.rows[0]!.contracts.toLocaleString('en-US')} contracts and ` +
        `${sizes.rows[0]!.objects.toLocaleString('en-US')} objects. Machine: ${os.availableParallelism()} CPU, ` +
        `shared; load average before / after: ${loadBefore.map((n) => n.toFixed(2)).join(' ')} / ` +
        `${loadAfter.map((n) => n.toFixed(2)).join(' ')}.`,
      '',
      `Each statement ran ${rounds} times with the triggers and ${rounds} times with ` +
        '`alter table objects disable trigger user` (foreign-key triggers stay on), alternating, each in a ' +
        'transaction that was rolled back. Times: EXPLAIN ANALYZE Execution Time in ms, median (lowest–highest).',
      '',
      '| Statement | Triggers on | Triggers off | The counter trigger itself (triggers on) |',
      '| --- | ---: | ---: | ---: |',
      ...results.map(
        (row) => `| ${row.name} | ${range(row.on)} | ${range(row.off)} | ${range(row.counter)} |`,
      ),
      '',
      'On a busy machine the on/off difference is within the run-to-run noise; the last column, the time ' +
        'EXPLAIN ANALYZE reports for the counter trigger (objects_count_insert or objects_count_update), is the ' +
        'direct measure of what the counters cost.',
      '',
      'Trigger times of the first run with the triggers on (PostgreSQL reports each trigger, the foreign-key ' +
        'checks included):',
      '',
      '| Statement | Trigger | Calls | Time ms |',
      '| --- | --- | ---: | ---: |',
      ...results.flatMap((row) =>
        row.triggers.map(
          (trigger) =>
            `| ${row.name} | ${trigger['Trigger Name']} on ${trigger.Relation} | ${trigger.Calls.toLocaleString('en-US')} | ${trigger.Time.toFixed(1)} |`,
        ),
      ),
      '',
      '## The default page of the partners list, EXPLAIN (ANALYZE, VERBOSE, BUFFERS)',
      '',
      '`accounts_count` and `vehicles_count` are output columns of the scan of `partners p`; no plan node ' +
        'reads `contracts` or `objects` (checked by the script).',
      '',
      '```',
      planText,
      '```',
      '',
    ].join('\n');

    const resultsDir = new URL('./results/', import.meta.url);
    await mkdir(resultsDir, { recursive: true });
    const file = new URL('counter-triggers.md', resultsDir);
    const formatted = await prettier.format(report, {
      ...(await prettier.resolveConfig(fileURLToPath(file))),
      parser: 'markdown',
    });
    await writeFile(file, formatted);
    console.log('\n' + formatted);
  } finally {
    await handle.close();
  }
}

await main();
