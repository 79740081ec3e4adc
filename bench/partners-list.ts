/*
 * The partners list under load, against the database made by bench/generate-partners.ts.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fleetdesk_bench npx tsx bench/partners-list.ts
 *
 * Starts the real server in this process (buildApp + listen on 127.0.0.1, random port), signs in as the
 * super administrator and as partner administrators, and loads each list request with autocannon for
 * BENCH_DURATION seconds (default 10) over BENCH_CONNECTIONS connections (default 10). autocannon runs
 * in a worker thread (bench/load-worker.ts) so the load generator does not share the server's event loop;
 * it still shares the machine's cores with the server and PostgreSQL.
 *
 * Percentiles are exact (nearest rank) over the latency of every 2xx response, measured by autocannon
 * from writing the request to the end of the response. Then the export is timed once, and every SQL
 * statement a list request issues is run under EXPLAIN (ANALYZE, BUFFERS).
 *
 * Prints a markdown report and writes it to bench/results/partners-list.md, or to the file of that folder
 * named by BENCH_REPORT (so that a new run does not overwrite the record of an earlier one).
 *
 * BENCH_LIST=objects (npm run bench:objects) measures GET /api/v1/objects at 1,000,000 objects instead:
 * the default page, partner and contract filters, searches by device ID and by name, sorts by name, and
 * the two partner administrators; no export; the report goes to bench/results/objects-list.md.
 * BENCH_LIST=contracts (BENCH_LIST=contracts npm run bench:partners) does the same for GET /api/v1/contracts at 100,000
 * contracts (bench/results/contracts-list.md).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import * as prettier from 'prettier';
import { CompiledQuery, sql, type KyselyPlugin, type QueryId, type RootOperationNode } from 'kysely';
import { buildApp } from '../server/src/app.js';
import { connectDatabase, type DatabaseHandle } from '../server/src/db/connect.js';
import {
  BENCH_ADMIN_LOGIN,
  BENCH_ADMIN_PASSWORD,
  BENCH_PARTNER_PASSWORD,
  PARTNER_COUNTS,
  SEARCH_FRAGMENT,
} from './bench-data.js';
import type { LoadRequest, LoadResult } from './load-worker.js';

const TARGET_P95_MS = 50;
const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 3);
/*
 * On a shared machine: before each request kind, wait (up to this many seconds) until the CPUs have been
 * nearly idle for 3 s, so that other people's work does not land in the numbers. 0 does not wait.
 */
const quietWaitSeconds = Number(process.env.BENCH_WAIT_QUIET ?? 0);
/** A second, short run with one connection per request kind: latency without queueing. */
const singleSeconds = Number(process.env.BENCH_SINGLE_DURATION ?? 3);
/** Which list: `partners` (default), `objects` or `contracts` (GET /api/v1/objects or /contracts, no export). */
const list = process.env.BENCH_LIST ?? 'partners';

type Who = 'admin' | 'second' | 'top';

interface Scenario {
  name: string;
  who: Who;
  path: string;
}

interface Measured {
  scenario: Scenario;
  total: number;
  items: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  responses: number;
  failures: number;
  serverEventLoopUtilization: number;
  sqlMs: string;
  single: { p50: number; p95: number; requestsPerSecond: number } | null;
  /** One-minute load average when the run started. */
  loadAverage: number;
}

/* --- statistics --------------------------------------------------------------------------------- */

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));

/* --- how fast the machine is right now ------------------------------------------------------------ */

/*
 * The same fixed work in Node and in PostgreSQL before the runs, so that two reports can be compared:
 * on a shared or throttled machine these grow with the contention the latencies suffer from.
 */
async function calibrate(db: DatabaseHandle['db']): Promise<{ nodeMs: number; postgresMs: number }> {
  let started = performance.now();
  let sum = 0;
  for (let i = 0; i < 50_000_000; i++) sum += i % 7;
  const nodeMs = performance.now() - started;
  if (sum < 0) console.log(sum); // keeps the loop from being optimised away
  started = performance.now();
  await sql`select count(*) from generate_series(1, 1000000)`.execute(db);
  return { nodeMs, postgresMs: performance.now() - started };
}

function cpuTimes() {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, idle, irq } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + idle + irq;
  }
  return { busy, total };
}

/** Waits until every one-second sample of 3 in a row shows the machine under 15% busy; true if it did. */
async function waitForQuiet(maxSeconds: number): Promise<boolean> {
  const deadline = Date.now() + maxSeconds * 1000;
  let quietSamples = 0;
  while (Date.now() < deadline) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTimes();
    const busy = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    quietSamples = busy < 0.15 ? quietSamples + 1 : 0;
    if (quietSamples >= 3) return true;
  }
  return false;
}

/* --- the load, in a worker thread ---------------------------------------------------------------- */

/*
 * tsx registers its loader in the main thread only, so the worker registers it itself before importing
 * the TypeScript worker module.
 */
function runLoad(request: LoadRequest): Promise<LoadResult> {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const workerUrl = new URL('./load-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: request });
    worker.once('message', (message: LoadResult) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with code ${code}`));
    });
  });
}

/* --- signing in ------------------------------------------------------------------------------------ */

async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in as ${login} failed: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('fd_session='));
  if (!cookie) throw new Error(`sign-in as ${login}: no session cookie`);
  return cookie;
}

/* --- EXPLAIN ANALYZE of the statements one request issues ------------------------------------------- */

/** Records the query trees the server sends while `capturing` is on. */
class CapturePlugin implements KyselyPlugin {
  capturing = false;
  readonly captured: { node: RootOperationNode; queryId: QueryId }[] = [];
  transformQuery(args: { node: RootOperationNode; queryId: QueryId }): RootOperationNode {
    if (this.capturing) this.captured.push({ node: args.node, queryId: args.queryId });
    return args.node;
  }
  transformResult<R>(args: { result: R }): Promise<R> {
    return Promise.resolve(args.result);
  }
}

interface Plan {
  sql: string;
  parameters: readonly unknown[];
  plan: string;
  executionMs: number;
}

async function explainRequest(
  handle: DatabaseHandle,
  capture: CapturePlugin,
  inject: (path: string, cookie: string) => Promise<number>,
  path: string,
  cookie: string,
): Promise<Plan[]> {
  capture.captured.length = 0;
  capture.capturing = true;
  const status = await inject(path, cookie);
  capture.capturing = false;
  if (status !== 200) throw new Error(`${path}: ${status} while capturing its SQL`);
  const executor = handle.db.getExecutor();
  const plans: Plan[] = [];
  for (const { node, queryId } of capture.captured) {
    const compiled = executor.compileQuery(node, queryId);
    const explain = CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]);
    // Twice: the first run may pay for cold caches after the load switched to another query.
    await handle.db.executeQuery(explain);
    const result = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(explain);
    const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
    plans.push({ sql: compiled.sql, parameters: compiled.parameters, plan, executionMs });
  }
  return plans;
}

/* --- the run -------------------------------------------------------------------------------------- */

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// connection string (PostgreSQL only)');
  }
  const handle = await connectDatabase({ databaseUrl });
  const app = await buildApp({ database: handle, logger: false });
  const capture = new CapturePlugin();
  // A second app on the same pool whose queries can be captured; the measured app runs without it.
  const explainApp = await buildApp({
    database: { ...handle, db: handle.db.withPlugin(capture) },
    logger: false,
  });

  try {
    const expected = PARTNER_COUNTS.top + PARTNER_COUNTS.second + PARTNER_COUNTS.third;
    const counted = await sql<{ n: number }>`select count(*)::int as n from partners`.execute(handle.db);
    if (counted.rows[0]?.n !== expected) {
      throw new Error(
        `expected ${expected} partners, found ${counted.rows[0]?.n}: run bench/generate-partners.ts first`,
      );
    }

    /*
     * The partner administrators: of a second-level partner and of a top-level dealer, each the one with
     * the biggest live subtree (a partner admin sees its own partner and everything below it).
     */
    const pickAdmin = async (level: number) => {
      const result = await sql<{ id: number; login: string; name: string; subtree: number }>`
        select p.id, u.login, p.name, count(d.id)::int as subtree
          from partners p
          join admin_users u on u.partner_id = p.id and u.role = 'partner_admin'
          join partners d on d.path @> array[p.id] and d.archived_at is null
         where cardinality(p.path) = ${level} and not p.blocked and p.archived_at is null
           and not exists (select 1 from partners a where a.id = any(p.path) and (a.blocked or a.archived_at is not null))
         group by p.id, u.login, p.name
         order by subtree desc, p.id
         limit 1`.execute(handle.db);
      const row = result.rows[0];
      if (!row) throw new Error(`no level-${level} partner administrator to sign in as`);
      return row;
    };
    const second = await pickAdmin(2);
    const top = await pickAdmin(1);

    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const baseUrl = `http://127.0.0.1:${port}`;
    console.log(`server on ${address}`);

    const cookies: Record<Who, string> = {
      admin: await signIn(baseUrl, BENCH_ADMIN_LOGIN, BENCH_ADMIN_PASSWORD),
      second: await signIn(baseUrl, second.login, BENCH_PARTNER_PASSWORD),
      top: await signIn(baseUrl, top.login, BENCH_PARTNER_PASSWORD),
    };
    const signedIn: Record<Who, string> = {
      admin: `super administrator \`${BENCH_ADMIN_LOGIN}\``,
      second: `partner admin \`${second.login}\` (second level, ${second.subtree} partners in its subtree)`,
      top: `partner admin \`${top.login}\` (top-level dealer, ${top.subtree} partners in its subtree)`,
    };

    const search = encodeURIComponent(SEARCH_FRAGMENT);
    const partnerScenarios: Scenario[] = [
      { name: 'default (page 1, 50 rows, sort id)', who: 'admin', path: '/api/v1/partners' },
      { name: 'sort by name, descending', who: 'admin', path: '/api/v1/partners?sort=name&order=desc' },
      { name: `search "${SEARCH_FRAGMENT}"`, who: 'admin', path: `/api/v1/partners?search=${search}` },
      { name: 'currency KZT, sort by login', who: 'admin', path: '/api/v1/partners?currency=KZT&sort=login' },
      { name: 'deep page (150)', who: 'admin', path: '/api/v1/partners?page=150' },
      { name: 'partner admin, second level', who: 'second', path: '/api/v1/partners' },
      { name: 'partner admin, top-level dealer', who: 'top', path: '/api/v1/partners' },
    ];

    /*
     * BENCH_LIST=objects: the objects list (GET /api/v1/objects) at 1,000,000 objects instead. A device ID
     * fragment and a whole IMEI to search for, and the partner with the most live objects to filter by.
     */
    let objectScenarios: Scenario[] = [];
    if (list === 'objects') {
      const picked = await sql<{
        device_id: string;
        partner_id: number;
        vehicles: number;
        top_partner: number;
      }>`
        select o.device_id, big.id as partner_id, big.vehicles_count as vehicles, t.id as top_partner
          from objects o,
               (select id, vehicles_count from partners order by vehicles_count desc, id limit 1) big,
               (select id from partners where id = ${top.id}) t
         where o.archived_at is null order by o.id limit 1 offset 123456`.execute(handle.db);
      const pick = picked.rows[0]!;
      const fragment = pick.device_id.slice(4, 12);
      const named = await sql<{ name: string; contract_id: number; objects: number }>`
        select (select name from objects where id = ${pick.partner_id * 10 + 7}) as name, contract_id,
               count(*)::int as objects
          from objects where archived_at is null group by contract_id order by count(*) desc limit 1`.execute(
        handle.db,
      );
      const byName = named.rows[0]!;
      // The last word of an object's name: its plate number, as a person would type it.
      const nameFragment = encodeURIComponent(byName.name.split(' ').at(-1)!);
      const modelFragment = encodeURIComponent(byName.name.split(' ')[0]!);
      objectScenarios = [
        { name: 'default (page 1, 50 rows, sort id)', who: 'admin', path: '/api/v1/objects' },
        { name: 'sort by name', who: 'admin', path: '/api/v1/objects?sort=name' },
        {
          name: `filter by partner (${pick.vehicles.toLocaleString('en-US')} live objects)`,
          who: 'admin',
          path: `/api/v1/objects?partnerId=${pick.partner_id}`,
        },
        {
          name: 'filter by partner, sort by name',
          who: 'admin',
          path: `/api/v1/objects?partnerId=${pick.partner_id}&sort=name`,
        },
        {
          name: `filter by contract (${byName.objects.toLocaleString('en-US')} live objects)`,
          who: 'admin',
          path: `/api/v1/objects?contractId=${byName.contract_id}`,
        },
        {
          name: 'search a whole device ID (IMEI)',
          who: 'admin',
          path: `/api/v1/objects?search=${pick.device_id}`,
        },
        { name: 'search 8 digits of a device ID', who: 'admin', path: `/api/v1/objects?search=${fragment}` },
        {
          name: 'search by name (a plate in the name)',
          who: 'admin',
          path: `/api/v1/objects?search=${nameFragment}`,
        },
        {
          name: 'search by name (a make: many rows)',
          who: 'admin',
          path: `/api/v1/objects?search=${modelFragment}`,
        },
        { name: 'partner admin, second level', who: 'second', path: '/api/v1/objects' },
        {
          name: 'partner admin, second level, sort by name',
          who: 'second',
          path: '/api/v1/objects?sort=name',
        },
        { name: 'partner admin, top-level dealer', who: 'top', path: '/api/v1/objects' },
        {
          name: 'partner admin, top-level dealer, sort by name',
          who: 'top',
          path: '/api/v1/objects?sort=name',
        },
        {
          name: 'partner admin, top-level dealer: search 8 digits of a device ID',
          who: 'top',
          path: `/api/v1/objects?search=${fragment}`,
        },
      ];
    }
    let contractScenarios: Scenario[] = [];
    if (list === 'contracts') {
      const picked = await sql<{ partner_id: number; accounts: number; name: string }>`
        select big.id as partner_id, big.accounts_count as accounts,
               (select name from contracts order by id offset 54321 limit 1) as name
          from (select id, accounts_count from partners order by accounts_count desc, id limit 1) big`.execute(
        handle.db,
      );
      const pick = picked.rows[0]!;
      contractScenarios = [
        { name: 'default (page 1, 50 rows, sort id)', who: 'admin', path: '/api/v1/contracts' },
        { name: 'sort by name', who: 'admin', path: '/api/v1/contracts?sort=name' },
        {
          name: `filter by partner (${pick.accounts.toLocaleString('en-US')} live contracts)`,
          who: 'admin',
          path: `/api/v1/contracts?partnerId=${pick.partner_id}`,
        },
        {
          name: 'filter by partner, sort by name',
          who: 'admin',
          path: `/api/v1/contracts?partnerId=${pick.partner_id}&sort=name`,
        },
        {
          name: 'search by name (a whole name)',
          who: 'admin',
          path: `/api/v1/contracts?search=${encodeURIComponent(pick.name)}`,
        },
        { name: 'search 5 digits of a phone', who: 'admin', path: '/api/v1/contracts?search=00123' },
        { name: 'partner admin, second level', who: 'second', path: '/api/v1/contracts' },
        { name: 'partner admin, top-level dealer', who: 'top', path: '/api/v1/contracts' },
        {
          name: 'partner admin, top-level dealer, sort by name',
          who: 'top',
          path: '/api/v1/contracts?sort=name',
        },
      ];
    }
    /*
     * BENCH_LIST=transactions: the ledger's transactions list (GET /api/v1/finance/transactions) after
     * bench/billing-run.ts has billed days at full scale: millions of transfers.
     */
    let transactionScenarios: Scenario[] = [];
    if (list === 'transactions') {
      const picked = await sql<{ partner_id: number; contract_id: number; day: string }>`
        select (select id from partners order by vehicles_count desc, id limit 1) as partner_id,
               (select o.contract_id from objects o join contracts c on c.id = o.contract_id
                 where o.archived_at is null and not c.is_warehouse and c.active and c.archived_at is null
                 group by o.contract_id order by count(*) desc limit 1) as contract_id,
               (select max(value_date)::text from ledger_transfers) as day`.execute(handle.db);
      const pick = picked.rows[0]!;
      transactionScenarios = [
        {
          name: 'default (page 1, 50 rows, newest first)',
          who: 'admin',
          path: '/api/v1/finance/transactions',
        },
        {
          name: 'filter by partner (the most objects)',
          who: 'admin',
          path: `/api/v1/finance/transactions?partnerId=${pick.partner_id}`,
        },
        {
          name: "partner's own account (own=true)",
          who: 'admin',
          path: `/api/v1/finance/transactions?partnerId=${pick.partner_id}&own=true`,
        },
        {
          name: 'filter by contract (the most billed objects)',
          who: 'admin',
          path: `/api/v1/finance/transactions?contractId=${pick.contract_id}`,
        },
        {
          name: 'one day, kind charge',
          who: 'admin',
          path: `/api/v1/finance/transactions?from=${pick.day}&to=${pick.day}&kind=charge`,
        },
        { name: 'kind payment (rare)', who: 'admin', path: '/api/v1/finance/transactions?kind=payment' },
        { name: 'partner admin, second level', who: 'second', path: '/api/v1/finance/transactions' },
        { name: 'partner admin, top-level dealer', who: 'top', path: '/api/v1/finance/transactions' },
      ];
    }
    const scenarios =
      list === 'objects'
        ? objectScenarios
        : list === 'contracts'
          ? contractScenarios
          : list === 'transactions'
            ? transactionScenarios
            : partnerScenarios;

    const inject = async (path: string, cookie: string) =>
      (await explainApp.inject({ method: 'GET', url: path, headers: { cookie } })).statusCode;

    if (warmupSeconds > 0) {
      console.log(`warm-up: ${warmupSeconds} s of the default list`);
      await runLoad({
        url: `${baseUrl}${scenarios[0]!.path}`,
        headers: { cookie: cookies.admin },
        connections,
        durationSeconds: warmupSeconds,
      });
    }

    const calibration = await calibrate(handle.db);
    const loadBefore = os.loadavg();
    const measured: Measured[] = [];
    const plansByScenario: { scenario: Scenario; plans: Plan[] }[] = [];
    for (const scenario of scenarios) {
      const cookie = cookies[scenario.who];
      const check = await fetch(`${baseUrl}${scenario.path}`, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`${scenario.path}: ${check.status} ${await check.text()}`);
      const body = (await check.json()) as { items: unknown[]; total: number };

      if (quietWaitSeconds > 0 && !(await waitForQuiet(quietWaitSeconds))) {
        console.log(`the machine did not get quiet within ${quietWaitSeconds} s; running anyway`);
      }
      const loadAverage = os.loadavg()[0]!;
      const eluBefore = performance.eventLoopUtilization();
      const load = await runLoad({
        url: `${baseUrl}${scenario.path}`,
        headers: { cookie },
        connections,
        durationSeconds,
      });
      const elu = performance.eventLoopUtilization(eluBefore);
      const sorted = Float64Array.from(load.latencies).sort();
      const responses = Object.values(load.statusCounts).reduce((sum, n) => sum + n, 0);

      let single: Measured['single'] = null;
      if (singleSeconds > 0) {
        const alone = await runLoad({
          url: `${baseUrl}${scenario.path}`,
          headers: { cookie },
          connections: 1,
          durationSeconds: singleSeconds,
        });
        const aloneSorted = Float64Array.from(alone.latencies).sort();
        single = {
          p50: percentile(aloneSorted, 50),
          p95: percentile(aloneSorted, 95),
          requestsPerSecond: aloneSorted.length / alone.durationSeconds,
        };
      }

      const plans = await explainRequest(handle, capture, inject, scenario.path, cookie);
      plansByScenario.push({ scenario, plans });
      // The statements of the list itself (the rows and the count): all but the session lookup.
      const listPlans = plans.filter((plan) => !/from "sessions"/.test(plan.sql));

      const row: Measured = {
        scenario,
        total: body.total,
        items: body.items.length,
        requestsPerSecond: sorted.length / load.durationSeconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
        responses,
        failures: responses - sorted.length + load.errors,
        serverEventLoopUtilization: elu.utilization,
        sqlMs: listPlans.map((plan) => plan.executionMs.toFixed(1)).join(' / '),
        single,
        loadAverage,
      };
      measured.push(row);
      console.log(
        `${scenario.name}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(row.p50)} ms, ` +
          `p95 ${ms(row.p95)} ms, p99 ${ms(row.p99)} ms (${sorted.length} responses)` +
          (single ? `; 1 connection: p50 ${ms(single.p50)} ms, p95 ${ms(single.p95)} ms` : ''),
      );
    }
    const loadAfter = os.loadavg();

    /* The export of the whole list, archived partners included: all 10,000 rows. */
    const exports: {
      format: string;
      path: string;
      seconds: number;
      bytes: number;
      rows: number;
      rssMb: number;
    }[] = [];
    for (const format of list === 'partners' ? (['xlsx', 'csv'] as const) : []) {
      const path = `/api/v1/partners/export?format=${format}&showDeleted=true`;
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: cookies.admin } });
      const file = Buffer.from(await response.arrayBuffer());
      const seconds = (performance.now() - started) / 1000;
      const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${file.toString()}`);
      let rows: number;
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(file as unknown as ArrayBuffer);
        rows = (workbook.worksheets[0]?.rowCount ?? 1) - 1;
      } else {
        rows = file.toString('utf8').trimEnd().split('\n').length - 1;
      }
      exports.push({ format, path, seconds, bytes: file.length, rows, rssMb: rssGrowthMb });
      console.log(
        `export ${format}: ${rows} rows, ${(file.length / 1024).toFixed(0)} KiB in ${seconds.toFixed(2)} s`,
      );
    }

    const version = await sql<{ version: string }>`select version()`.execute(handle.db);
    const sizes = await sql<{
      contracts: number;
      live_contracts: number;
      objects: number;
      live_objects: number;
    }>`
      select (select count(*)::int from contracts) as contracts,
             (select count(*)::int from contracts where archived_at is null) as live_contracts,
             (select count(*)::int from objects) as objects,
             (select count(*)::int from objects where archived_at is null) as live_objects`.execute(
      handle.db,
    );
    const size = sizes.rows[0]!;
    const report = [
      list === 'transactions'
        ? '# Transactions list after full-scale billing runs'
        : list === 'objects'
          ? `# Objects list at ${size.objects.toLocaleString('en-US')} objects`
          : list === 'contracts'
            ? `# Contracts list at ${size.contracts.toLocaleString('en-US')} contracts`
            : `# Partners list at ${expected.toLocaleString('en-US')} partners`,
      '',
      `Data: ${expected.toLocaleString('en-US')} partners, ${size.contracts.toLocaleString('en-US')} contracts ` +
        `(${size.live_contracts.toLocaleString('en-US')} live), ${size.objects.toLocaleString('en-US')} objects ` +
        `(${size.live_objects.toLocaleString('en-US')} live). "Number of accounts" and "Number of vehicles" are ` +
        "the partner's own live contracts and objects (partners.accounts_count / vehicles_count, kept by triggers).",
      '',
      `Run ${new Date().toISOString()}. Machine: ${os.availableParallelism()} CPU (${os.cpus()[0]?.model ?? '?'}), ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}; ` +
        `${version.rows[0]?.version.split(' on ')[0] ?? 'PostgreSQL'} on the same machine. ` +
        `Load average before / after the runs: ${loadBefore.map((n) => n.toFixed(2)).join(' ')} / ` +
        `${loadAfter.map((n) => n.toFixed(2)).join(' ')}. Calibration before the runs: a fixed 50M-step ` +
        `loop took ${calibration.nodeMs.toFixed(0)} ms in Node, \`select count(*) from generate_series(1, ` +
        `1000000)\` ${calibration.postgresMs.toFixed(0)} ms in PostgreSQL (bigger means a slower or busier machine).`,
      '',
      `Each row: ${durationSeconds} s of autocannon with ${connections} connections (after a ${warmupSeconds} s ` +
        `warm-up), then ${singleSeconds} s with 1 connection. Latency percentiles are exact (nearest rank) over ` +
        `every 2xx response. Target: p95 < ${TARGET_P95_MS} ms.` +
        (quietWaitSeconds > 0
          ? ` Before each request kind the run waited (up to ${quietWaitSeconds} s) for 3 s of idle CPUs.`
          : ''),
      '',
      `| Request | As | Rows matched | Req/s | p50 ms | p95 ms | p99 ms | max ms | Errors | 1 conn: p50 / p95 ms | Server loop busy | SQL ms (each statement) | Load avg |`,
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...measured.map(
        (row) =>
          `| ${row.scenario.name}: \`GET ${row.scenario.path.replace('/api/v1', '')}\` | ${row.scenario.who} | ` +
          `${row.total.toLocaleString('en-US')} | ${row.requestsPerSecond.toFixed(0)} | ${ms(row.p50)} | ` +
          `${row.p95 < TARGET_P95_MS ? ms(row.p95) : `**${ms(row.p95)}**`} | ${ms(row.p99)} | ${ms(row.max)} | ` +
          `${row.failures} | ${row.single ? `${ms(row.single.p50)} / ${ms(row.single.p95)}` : '–'} | ` +
          `${(row.serverEventLoopUtilization * 100).toFixed(0)}% | ${row.sqlMs} | ${row.loadAverage.toFixed(1)} |`,
      ),
      '',
      'As: ' +
        (Object.keys(signedIn) as Who[]).map((who) => `${who} = ${signedIn[who]}`).join('; ') +
        '. p95 at or above the target is in bold. "Server loop busy": event-loop utilisation of the server ' +
        'thread during the 10-connection run. "SQL ms": Execution Time of EXPLAIN ANALYZE of each of the ' +
        'request\'s list statements (page, count, and the subtree size where one is read), each run alone after the load. "Load avg": the one-minute load average ' +
        'when the row started (the machine has ' +
        `${os.availableParallelism()} CPUs; anything above that means processes waiting for a core).`,
      '',
      ...(exports.length === 0
        ? []
        : [
            '## Export',
            '',
            '| Request | Rows | Size | Time | RSS growth |',
            '| --- | ---: | ---: | ---: | ---: |',
            ...exports.map(
              (item) =>
                `| \`GET ${item.path.replace('/api/v1', '')}\` | ${item.rows.toLocaleString('en-US')} | ` +
                `${(item.bytes / 2 ** 20).toFixed(2)} MiB | ${item.seconds.toFixed(2)} s | ${item.rssMb.toFixed(0)} MiB |`,
            ),
            '',
          ]),
      '## Plans',
      '',
      'Every statement of one request of each kind, under `EXPLAIN (ANALYZE, BUFFERS)`, run alone after the load.',
      '',
      ...plansByScenario.flatMap(({ scenario, plans }) => [
        `### ${scenario.name} — \`GET ${scenario.path}\` (${scenario.who})`,
        '',
        ...plans.flatMap((plan) => [
          '```sql',
          plan.sql,
          `-- parameters: ${JSON.stringify(plan.parameters)}`,
          '```',
          '',
          '```',
          plan.plan,
          '```',
          '',
        ]),
      ]),
    ].join('\n');

    const resultsDir = new URL('./results/', import.meta.url);
    await mkdir(resultsDir, { recursive: true });
    const file = new URL(process.env.BENCH_REPORT ?? `${list}-list.md`, resultsDir);
    // Formatted as the repository's Prettier settings want it, so `npm run check` accepts the file.
    const formatted = await prettier.format(report, {
      ...(await prettier.resolveConfig(fileURLToPath(file))),
      parser: 'markdown',
    });
    await writeFile(file, formatted);
    console.log('\n' + formatted.split('\n## Plans')[0]);
    console.log(`\nfull report with query plans: ${file.pathname}`);
  } finally {
    await explainApp.close();
    await app.close();
    await handle.close();
  }
}

await main();
