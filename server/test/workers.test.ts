import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplateDatabase } from './test-app.js';

/*
 * FLEETDESK_WORKERS=2 on one PostgreSQL: the real server (`node --import tsx src/main.ts`) runs a
 * primary and two worker processes sharing the port. Any worker serves any session; the billing
 * schedule runs once (in the primary), not once a worker; a worker killed with SIGKILL is replaced and
 * the requests meanwhile are served by the other.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const ADMIN = { login: 'workers.root', password: 'Workers-test-passphrase-7' };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // /proc/<pid>/stat: "pid (name) state ppid ..."; the name may hold spaces, so read after ')'.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, seconds = 90): Promise<T> {
  for (let attempt = 0; attempt < seconds * 4; attempt++) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!onPostgres)('two worker processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof cloneTemplateDatabase>>;
  let server: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    database = await cloneTemplateDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        FLEETDESK_WORKERS: '2',
        BILLING_SCHEDULE: 'on',
        LOG_LEVEL: 'warn',
        FLEETDESK_ADMIN_LOGIN: ADMIN.login,
        FLEETDESK_ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until('the server', async () => ((await fetch(`${base}/api/v1/health`)).ok ? true : null));
    await until('two workers', async () => (childrenOf(server.pid!).length >= 2 ? true : null));
  }, 120_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database.database.close();
    await database.drop();
  }, 60_000);

  it('serves one session from either worker, bills the day once, and replaces a killed worker', async () => {
    expect(output).toContain('Serving with 2 worker processes.');
    const workers = childrenOf(server.pid!).filter((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('src/main.ts'),
    );
    expect(workers).toHaveLength(2);

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    // New connections each time: the primary hands them to the workers in turn.
    const me = () =>
      fetch(`${base}/api/v1/auth/me`, { headers: { cookie, connection: 'close' } }).then(
        (answer) => answer.status,
      );
    expect(await Promise.all(Array.from({ length: 20 }, me))).toEqual(Array.from({ length: 20 }, () => 200));

    // The schedule ran its first tick once, in the primary: one run of today, not one a worker.
    const runs = await until('the scheduled run', async () => {
      const { rows } = await sql<{ status: string; trigger: string }>`
        select status, trigger from billing_runs where day = current_date`.execute(database.database.db);
      return rows.length > 0 && rows.every((row) => row.status !== 'running') ? rows : null;
    });
    expect(runs).toEqual([{ status: 'completed', trigger: 'schedule' }]);

    // A worker killed outright: once the primary knows (a connection it had just handed to the dead
    // worker is reset, as by any crash), the other serves every request while a replacement starts.
    process.kill(workers[0]!, 'SIGKILL');
    await until('the primary to see the worker stop', async () =>
      output.includes(`Worker ${workers[0]} stopped (SIGKILL); starting another`) ? true : null,
    );
    expect(await Promise.all(Array.from({ length: 10 }, me))).toEqual(Array.from({ length: 10 }, () => 200));
    const replaced = await until('a replacement worker', async () => {
      const now = childrenOf(server.pid!).filter((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('src/main.ts'),
      );
      return now.length === 2 && !now.includes(workers[0]!) ? now : null;
    });
    expect(replaced).toContain(workers[1]);
    expect(await Promise.all(Array.from({ length: 10 }, me))).toEqual(Array.from({ length: 10 }, () => 200));
  }, 120_000);
});
