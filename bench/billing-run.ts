/*
 * One day's billing run at full scale against a bare INSERT … SELECT of the same number of ledger rows,
 * on the same database, in the same process and run:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fleetdesk_bench npx tsx bench/billing-run.ts
 *
 * For each of BENCH_DAYS days (default 2) that have not been billed yet (counting back from
 * BENCH_FIRST_DAY, default yesterday), it
 *   1. runs the real billing run for the day (runBillingDay, the code the CLI, the API and the schedule
 *      call), which charges every billable object at every level of the partner tree and commits;
 *   2. inserts the same number of rows into ledger_transfers with one bare `insert … select … from
 *      generate_series` (same table, same indexes, foreign keys and triggers; constant accounts and
 *      amounts, partner and contract ids ascending, a far-away charge day so nothing conflicts), in a
 *      transaction that is rolled back after the insert is timed (the ledger refuses deletes, and the
 *      benchmark must not leave rows).
 * Then it reruns the first day (which must add nothing) and times that too.
 *
 * Prints a markdown table and writes it to bench/results/billing-run.md (or BENCH_REPORT).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { sql } from 'kysely';
import { connectDatabase } from '../server/src/db/connect.js';
import { addDays, today } from '../server/src/lib/clock.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { runBillingDay } from '../server/src/modules/billing/billing-run.js';

const TARGET_RATIO = 1.5;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.includes('bench')) {
  console.error('Set DATABASE_URL to a benchmark database (its name must contain "bench").');
  process.exit(2);
}
const dayCount = Number(process.env.BENCH_DAYS ?? 2);

const firstDay = process.env.BENCH_FIRST_DAY ?? addDays(today(), -1);

const handle = await connectDatabase({ databaseUrl });
const { db } = handle;
await migrateToLatest(db);

/** Days from firstDay backwards that have no charge yet (a fresh day for each measurement). */
async function freshDays(): Promise<string[]> {
  const days: string[] = [];
  for (let day = firstDay; days.length < dayCount; day = addDays(day, -1)) {
    const charged = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from ledger_transfers where kind = 'charge' and value_date = ${day}::date limit 1) x`.execute(
      db,
    );
    if (charged.rows[0]!.n === 0) days.push(day);
  }
  return days;
}

/** A bare insert of `rows` ledger rows, timed, then rolled back. */
async function bareInsert(rows: number): Promise<number> {
  const accounts = await sql<{ id: number }>`
    select id from ledger_accounts where currency = 'RUB' order by id limit 2`.execute(db);
  const [debit, credit] = accounts.rows.map((row) => row.id);
  let elapsed = 0;
  const rollback = new Error('rollback');
  try {
    await db.transaction().execute(async (trx) => {
      const started = performance.now();
      await sql`
        insert into ledger_transfers (kind, currency, debit_account_id, credit_account_id, amount, partner_id,
                                      contract_id, object_id, level, charge_day, tariff_id, value_date)
        select 'charge', 'RUB', ${debit}::bigint, ${credit}::bigint, 10.00,
               -- partner and contract ids ascending, as the run's rows come (objects in id order lie
               -- clustered by contract and partner): the cheapest order for their indexes.
               1 + g::bigint * 10000 / ${rows}::int, 1 + g::bigint * 100000 / ${rows}::int,
               g, 0, date '1999-01-01', 1, date '1999-01-01'
          from generate_series(1, ${rows}::int) g`.execute(trx);
      elapsed = performance.now() - started;
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return elapsed;
}

const lines: string[] = [];
const log = (line = '') => {
  lines.push(line);
  console.log(line);
};

const scale = await sql<{ partners: number; contracts: number; objects: number; transfers: number }>`
  select (select count(*)::int from partners) as partners, (select count(*)::int from contracts) as contracts,
         (select count(*)::int from objects) as objects, (select count(*)::int from ledger_transfers) as transfers`.execute(
  db,
);
const s = scale.rows[0]!;
log(`# Billing run vs bare INSERT … SELECT`);
log();
log(
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores; ` +
    `${s.partners.toLocaleString('en')} partners, ${s.contracts.toLocaleString('en')} contracts, ` +
    `${s.objects.toLocaleString('en')} objects, ${s.transfers.toLocaleString('en')} ledger rows before the run.`,
);
log();
log(
  '| Day | Ledger rows inserted | Objects charged | Billing run (s) | Bare INSERT … SELECT (s) | Ratio | Target |',
);
log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');

const days = await freshDays();
for (const day of days) {
  await sql`checkpoint`.execute(db);
  const started = performance.now();
  const run = await runBillingDay(db, { day, trigger: 'cli' });
  const billingMs = performance.now() - started;
  await sql`checkpoint`.execute(db);
  const bareMs = await bareInsert(run.transfersCreated);
  const ratio = billingMs / bareMs;
  log(
    `| ${day} | ${run.transfersCreated.toLocaleString('en')} | ${run.objectsCharged.toLocaleString('en')} | ` +
      `${(billingMs / 1000).toFixed(1)} | ${(bareMs / 1000).toFixed(1)} | ${ratio.toFixed(2)} | ` +
      `${ratio <= TARGET_RATIO ? 'met' : '**not met**'} (≤ ${TARGET_RATIO}) |`,
  );
}

if (days.length > 0) {
  const started = performance.now();
  const rerun = await runBillingDay(db, { day: days[0]!, trigger: 'cli' });
  log();
  log(
    `Rerun of ${days[0]}: ${rerun.transfersCreated} rows inserted, ${rerun.alreadyCharged.toLocaleString('en')} ` +
      `already charged, ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

// The bare inserts were rolled back: their dead index entries would slow every later read of the
// ledger's newest rows (the transactions list) until autovacuum came by. Clean them now.
await sql`vacuum analyze ledger_transfers`.execute(db);
await handle.close();
const reportPath = fileURLToPath(
  new URL(`results/${process.env.BENCH_REPORT ?? 'billing-run.md'}`, import.meta.url),
);
await mkdir(fileURLToPath(new URL('results/', import.meta.url)), { recursive: true });
// Formatted as the repository formats markdown, so the report passes `npm run check` as written.
const report = await prettier.format(`${lines.join('\n')}\n`, {
  ...(await prettier.resolveConfig(reportPath)),
  filepath: reportPath,
});
await writeFile(reportPath, report);
console.log(`\nWritten to ${reportPath}`);
