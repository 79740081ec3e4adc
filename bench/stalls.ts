/*
 * No stalls: does the server keep answering while it reads a large import and writes a large export?
 *
 *   npm run bench:stalls        # PostgreSQL at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 *
 * Creates a database of its own (fleetdesk_stalls, dropped first), starts the real server in a child
 * process on it (as `npm start` does), and while each scenario below runs, asks GET /api/v1/health
 * every 20 ms, one request at a time, and reads the server process's resident memory (VmRSS, worker
 * threads included) every 100 ms. Scenarios:
 *   - a valid 50,000-row xlsx import (the file's rows are created as objects);
 *   - a 20 MB xlsx of 800,000 rows (over the 50,000-row limit: refused);
 *   - an xlsx export of 100,000 objects;
 *   - the 20 MB import and the 100,000-row export at once.
 * Goal (issue 14): /api/v1/health p99 ≤ 100 ms and the process under 512 MB throughout.
 * Prints a markdown report and writes it to bench/results/stalls.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import * as prettier from 'prettier';
import { luhnCheckDigit } from '../server/src/lib/luhn.js';

const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'fleetdesk_stalls';
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const base = `http://127.0.0.1:${PORT}`;
const ADMIN = { login: 'stalls', password: 'Stalls-bench-passphrase-7' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GOAL_P99_MS = 100;
const GOAL_RSS_MB = 512;

/** A valid IMEI for the n-th object: 35, twelve digits of n, the Luhn check digit. */
function imei(n: number): string {
  const body = `35${String(n).padStart(12, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** An xlsx written as a stream (the bench's own memory stays small too). */
async function xlsxOf(headers: string[], rowCount: number, row: (index: number) => (string | number)[]) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  const sheet = workbook.addWorksheet('Objects');
  sheet.addRow(headers).commit();
  for (let index = 0; index < rowCount; index++) sheet.addRow(row(index)).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

function startServer(databaseUrl: string): ChildProcess {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BILLING_SCHEDULE: 'off',
      FLEETDESK_ADMIN_LOGIN: ADMIN.login,
      FLEETDESK_ADMIN_PASSWORD: ADMIN.password,
    },
  });
}

async function waitForHealth() {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not start');
}

/** A signed-in session: its cookie and CSRF token on every request. */
async function signIn() {
  const answer = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!answer.ok) throw new Error(`login: ${answer.status} ${await answer.text()}`);
  const cookie = answer.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  return (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(init.headers as Record<string, string>) },
    });
}

/** The resident memory of a process and its threads, in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Measured {
  name: string;
  seconds: number;
  outcome: string;
  probes: number;
  p50: number;
  p99: number;
  max: number;
  rssMax: number;
}

/** Runs `work` while probing /health and the server's memory; the probes' latencies and the peak. */
async function measure(name: string, pid: number, work: () => Promise<string>): Promise<Measured> {
  const latencies: number[] = [];
  let rssMax = rssMb(pid);
  let running = true;
  const memory = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 100);
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${base}/api/v1/health`)).arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const outcome = await work();
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await probe;
  clearInterval(memory);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    seconds,
    outcome,
    probes: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    rssMax,
  };
}

async function main() {
  const databaseUrl = await recreateDatabase();
  const server = startServer(databaseUrl);
  const stop = () => server.kill('SIGTERM');
  process.on('exit', stop);
  try {
    await waitForHealth();
    const api = await signIn();
    const json = async (path: string, body: unknown) => {
      const answer = await api(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as { id: number };
    };
    // Objects get their price from the partner's tariff: without one every imported row is refused.
    const tariff = await json('/api/v1/tariffs', {
      name: 'Stalls tariff',
      currency: 'RUB',
      period: 'day',
      price: '5.00',
    });
    const partner = await json('/api/v1/partners', {
      name: 'Stalls dealer',
      priceTariffId: tariff.id,
      login: 'stalls-dealer',
      password: 'Stalls-dealer-passphrase-7',
      currency: 'RUB',
      accountType: 'prepayment',
    });
    const contract = await json('/api/v1/contracts', {
      partnerId: partner.id,
      name: 'Stalls fleet',
      currency: 'RUB',
      accountType: 'postpayment',
    });

    const importFile = (file: Buffer) => async () => {
      const answer = await api(`/api/v1/objects/import?contractId=${contract.id}`, {
        method: 'POST',
        headers: { 'content-type': XLSX },
        body: new Uint8Array(file),
      });
      const body = (await answer.json()) as {
        created?: number;
        code?: string;
        refused?: { errors: { field: string; code: string }[] }[];
      };
      if (body.created === undefined) return `${answer.status} ${body.code}`;
      const refused = body.refused ?? [];
      const first = refused[0]?.errors[0];
      return `${answer.status}, ${body.created} created${first ? `, ${refused.length} refused (${first.field}: ${first.code})` : ''}`;
    };
    const exportObjects = async () => {
      const answer = await api('/api/v1/objects/export?format=xlsx');
      const bytes = (await answer.arrayBuffer()).byteLength;
      return `${answer.status}, ${(bytes / 1e6).toFixed(1)} MB`;
    };

    const validRows = (offset: number) =>
      xlsxOf(['Name', 'Device ID', 'Plate number'], 50_000, (index) => [
        `Truck ${offset + index}`,
        imei(offset + index),
        `A${String(offset + index).padStart(6, '0')}`,
      ]);
    const first = await validRows(0);
    const second = await validRows(50_000);
    // Random digits do not compress: 800,000 rows of two cells make a file of about 20 MB.
    const huge = await xlsxOf(['Name', 'Device ID'], 800_000, (index) => [
      `T${Math.random().toString().slice(2, 12)}`,
      Number(`${index}${Math.random().toString().slice(2, 8)}`),
    ]);

    const results: Measured[] = [];
    const pid = server.pid!;
    results.push(
      await measure(`import, 50,000 rows (${(first.length / 1e6).toFixed(1)} MB)`, pid, importFile(first)),
    );
    results.push(
      await measure(
        `import, 50,000 more rows (${(second.length / 1e6).toFixed(1)} MB)`,
        pid,
        importFile(second),
      ),
    );
    results.push(
      await measure(`import, 800,000 rows (${(huge.length / 1e6).toFixed(1)} MB)`, pid, importFile(huge)),
    );
    results.push(await measure('export, 100,000 objects as xlsx', pid, exportObjects));
    results.push(
      await measure('the 20 MB import and the 100,000-row export at once', pid, async () =>
        (await Promise.all([importFile(huge)(), exportObjects()])).join('; '),
      ),
    );

    const ms = (value: number) => value.toFixed(1);
    const lines = [
      '# No stalls: /api/v1/health while imports and exports run',
      '',
      `PostgreSQL, the server in its own process (\`npm run bench:stalls\`), ${new Date().toISOString().slice(0, 10)}.`,
      `Goal: p99 ≤ ${GOAL_P99_MS} ms, resident memory < ${GOAL_RSS_MB} MB.`,
      '',
      '| Scenario | Took | Answer | Health probes | p50 ms | p99 ms | max ms | Peak RSS MB |',
      '| --- | --: | --- | --: | --: | --: | --: | --: |',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.seconds.toFixed(1)} s | ${r.outcome} | ${r.probes} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${Math.round(r.rssMax)} |`,
      ),
      '',
    ];
    // Written as the repository formats markdown, so `npm run check` stays clean after a run.
    const report = await prettier.format(lines.join('\n'), { parser: 'markdown' });
    console.log(report);
    const folder = fileURLToPath(new URL('./results/', import.meta.url));
    await mkdir(folder, { recursive: true });
    await writeFile(`${folder}stalls.md`, report);
  } finally {
    stop();
  }
}

await main();
