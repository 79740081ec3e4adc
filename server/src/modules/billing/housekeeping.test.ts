import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { scheduledRun } from '../../../test/billing-builders.js';
import { expectStatus } from '../../../test/client.js';
import { connectDatabase, type DatabaseHandle, type Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { insertAdminUser, pruneLoginAttempts } from '../auth/auth.public.js';
import { runBillingDay } from './billing-run.js';
import { failStoppedRuns, insertRunningRun, STOPPED_RUN_ERROR } from './billing-runs.repository.js';
import { startBillingSchedule, type Timers } from './billing-schedule.js';
import type { BillingRun } from './billing.presenter.js';

/*
 * Housekeeping: a run left 'running' by a process that stopped is marked failed as soon as its lock is
 * free, never a live one; the schedule's tick deletes expired sessions and the login attempts and
 * idempotency keys older than 30 days, and nothing newer.
 *
 * On PostgreSQL another process is another connection pool of its own: its run holds its lock while
 * the pool is open, and closing the pool is the process stopping. PGlite is one process with one
 * session: a run holds the only connection from its insert until its status is final, so nothing can
 * look at it in between, and a 'running' row the sweeper sees there is one left from before a restart.
 */

const { context, root } = useTestAppAsRoot();
let db: Db;
let onPostgres: boolean;

beforeAll(() => {
  db = context.database.db;
  onPostgres = context.database.engine === 'postgres';
});

/** A second process's connections to this file's database (PostgreSQL only). */
async function connectOtherProcess(): Promise<DatabaseHandle> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0]!.name}`;
  return connectDatabase({ databaseUrl: url.toString(), poolSize: 1 });
}

/** Whether some session holds the run's lock (the backend of a closed connection lets it go promptly, not at once). */
async function runLockHeld(runId: number): Promise<boolean> {
  const { rows } = await sql<{ held: boolean }>`
    select exists (select 1 from pg_locks
                    where locktype = 'advisory' and classid = 5005002 and objid = ${runId} and objsubid = 2
                      and granted) as held`.execute(db);
  return rows[0]!.held;
}

async function waitForLockFree(runId: number) {
  for (let attempt = 0; attempt < 100 && (await runLockHeld(runId)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A run inserted as runBillingDay inserts it, by a process that stopped before finishing it. */
async function insertStoppedRun(day: string): Promise<number> {
  if (!onPostgres) return insertRunningRun(db, { day, trigger: 'schedule', actorUserId: null });
  const other = await connectOtherProcess();
  const runId = await insertRunningRun(other.db, { day, trigger: 'schedule', actorUserId: null });
  await other.close();
  await waitForLockFree(runId);
  return runId;
}

async function listedRun(runId: number) {
  const list = expectStatus<{ items: BillingRun[] }>(
    await root.get('/api/v1/billing/runs?pageSize=100'),
    200,
  );
  return list.items.find((run) => run.id === runId);
}

describe('a run left running by a process that stopped', () => {
  it('is marked failed, with the reason, and the runs list shows it failed', async () => {
    const runId = await insertStoppedRun('2024-01-05');
    expect(
      (await db.selectFrom('billing_runs').select('status').where('id', '=', runId).executeTakeFirst())!
        .status,
    ).toBe('running');

    const run = await listedRun(runId);
    expect(run).toMatchObject({ id: runId, day: '2024-01-05', status: 'failed', error: STOPPED_RUN_ERROR });
    expect(run!.finishedAt).not.toBeNull();
    expect(expectStatus<BillingRun>(await root.get(`/api/v1/billing/runs/${runId}`), 200).status).toBe(
      'failed',
    );
    // Once failed it is left as it is.
    expect(await failStoppedRuns(db)).toEqual([]);
  });

  it('is marked failed when a run is started, before the new one runs', async () => {
    const stopped = await insertStoppedRun('2024-01-06');
    const run = await runBillingDay(db, { day: '2024-01-06', trigger: 'cli' });
    expect(run).toMatchObject({ day: '2024-01-06', status: 'completed', error: null });
    const rows = await db
      .selectFrom('billing_runs')
      .select(['id', 'status', 'error'])
      .where('day', '=', '2024-01-06')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: stopped, status: 'failed', error: STOPPED_RUN_ERROR },
      { id: run.id, status: 'completed', error: null },
    ]);
  });
});

describe('a live run', () => {
  it('releases its lock once its status is final', async () => {
    const run = await runBillingDay(db, { day: '2024-01-07', trigger: 'cli' });
    expect(run.status).toBe('completed');
    expect(await runLockHeld(run.id)).toBe(false);
  });

  it('is never marked failed by sweeps made while it runs', async () => {
    let finished = false;
    const running = runBillingDay(db, { day: '2024-01-08', trigger: 'cli' }).finally(() => (finished = true));
    // Sweeps one after another for as long as the run takes: on PGlite each one waits for the run's
    // connection, so none may fall between its insert and its transaction.
    const marked: number[] = [];
    let sweeps = 0;
    while (!finished) {
      marked.push(...(await failStoppedRuns(db)));
      sweeps++;
    }
    const run = await running;
    expect(sweeps).toBeGreaterThan(0);
    expect(marked).toEqual([]);
    expect(run).toMatchObject({ day: '2024-01-08', status: 'completed', error: null });
    expect((await listedRun(run.id))!.status).toBe('completed');
  });

  it('of another process is left running while it holds its lock, and marked failed as soon as it stops', async () => {
    if (!onPostgres) return; // PGlite is one process: no other one can hold a run.
    const other = await connectOtherProcess();
    let runId = 0;
    try {
      runId = await insertRunningRun(other.db, { day: '2024-01-09', trigger: 'schedule', actorUserId: null });
      expect(await runLockHeld(runId)).toBe(true);
      expect(await failStoppedRuns(db)).toEqual([]);
      expect(await listedRun(runId)).toMatchObject({ status: 'running', error: null, finishedAt: null });
    } finally {
      await other.close();
    }
    await waitForLockFree(runId);
    expect(await listedRun(runId)).toMatchObject({ status: 'failed', error: STOPPED_RUN_ERROR });
  });
});

/** Timers that never fire: the test looks at the tick made at start. */
const idleTimers: Timers = { set: () => 0, clear: () => undefined };

describe("the schedule's housekeeping", () => {
  const ago = (interval: string) => sql<Date>`now() - ${interval}::interval`;

  it('never deletes a login attempt the rate limits still count, whatever the days asked', async () => {
    const attempt = (attemptedAt: ReturnType<typeof ago>) => ({
      login: 'housekeeping-window',
      ip: '192.0.2.2',
      succeeded: false,
      attempted_at: attemptedAt,
    });
    await db
      .insertInto('login_attempts')
      .values([attempt(ago('10 minutes')), attempt(ago('20 minutes'))])
      .execute();
    // The window is 15 minutes (defaultLoginLimits): of these, only the attempt of 20 minutes ago goes
    // (the root's sign-in of this file is newer).
    expect(await pruneLoginAttempts(db, { olderThanDays: 0 })).toBe(1);
    const left = await db
      .selectFrom('login_attempts')
      .select(sql<boolean>`attempted_at > now() - interval '15 minutes'`.as('recent'))
      .where('login', '=', 'housekeeping-window')
      .execute();
    expect(left).toEqual([{ recent: true }]);
  });

  it('deletes expired sessions and the login attempts and idempotency keys older than 30 days, and keeps the rest', async () => {
    const userId = await insertAdminUser(db, {
      partnerId: null,
      role: 'super_admin',
      login: 'housekeeping-user',
      name: null,
      passwordHash: 'not used',
    });
    const session = (id: string, expiresAt: ReturnType<typeof ago>) => ({
      id,
      user_id: userId,
      csrf_token: 'csrf',
      expires_at: expiresAt,
    });
    await db
      .insertInto('sessions')
      .values([
        session('expired-a day ago', ago('1 day')),
        session('expired-a minute ago', ago('1 minute')),
        session('live', sql<Date>`now() + interval '1 hour'`),
      ])
      .execute();
    const attempt = (attemptedAt: ReturnType<typeof ago>) => ({
      login: 'housekeeping-user',
      ip: '192.0.2.1',
      succeeded: false,
      attempted_at: attemptedAt,
    });
    await db
      .insertInto('login_attempts')
      .values([
        attempt(ago('31 days')),
        attempt(ago('30 days 1 hour')),
        attempt(ago('29 days')),
        attempt(ago('0')),
      ])
      .execute();
    const portalAttempt = (attemptedAt: ReturnType<typeof ago>) => ({
      login: 'housekeeping-portal',
      ip: '192.0.2.1',
      result: 'invalid_credentials',
      attempted_at: attemptedAt,
    });
    await db
      .insertInto('portal_login_attempts')
      .values([portalAttempt(ago('40 days')), portalAttempt(ago('1 day'))])
      .execute();
    const key = (name: string, createdAt: ReturnType<typeof ago>) => ({
      actor_user_id: userId,
      endpoint: 'POST /finance/payments',
      key: name,
      request_hash: 'hash',
      status_code: 201,
      response: '{}',
      created_at: createdAt,
    });
    await db
      .insertInto('idempotency_keys')
      .values([
        key('45 days', ago('45 days')),
        key('31 days', ago('31 days')),
        key('29 days', ago('29 days')),
        key('now', ago('0')),
      ])
      .execute();
    const stopped = await insertStoppedRun('2024-01-10');

    const lines: string[] = [];
    const runs: string[] = [];
    const schedule = startBillingSchedule({
      db,
      log: { info: (line) => lines.push(`info ${line}`), error: (line) => lines.push(`error ${line}`) },
      timers: idleTimers,
      history: () => Promise.resolve({ firstDay: null, lastCompleted: null, completed: [] }),
      runDay: (_db, options) => {
        runs.push(options.day);
        return Promise.resolve(scheduledRun(options.day));
      },
    });
    await schedule.current;
    await schedule.stop();

    expect(runs).toEqual([today()]);
    expect(lines[0]).toBe(
      `info Housekeeping: billing runs ${stopped} marked failed (their process stopped); 2 expired sessions deleted; ` +
        '3 login attempts older than 30 days deleted; 2 idempotency keys older than 30 days deleted',
    );
    expect(lines.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(
      (await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).map(
        (row) => row.id,
      ),
    ).toEqual(['live']);
    const kept = await sql<{ kept: string }>`
      select 'admin ' || (now() - attempted_at > interval '1 day')::text as kept
        from login_attempts where login = 'housekeeping-user'
      union all
      select 'portal ' || (now() - attempted_at > interval '1 day')::text
        from portal_login_attempts where login = 'housekeeping-portal'
      order by 1`.execute(db);
    expect(kept.rows.map((row) => row.kept)).toEqual(['admin false', 'admin true', 'portal true']);
    expect(
      (
        await db
          .selectFrom('idempotency_keys')
          .select('key')
          .where('actor_user_id', '=', userId)
          .orderBy('key')
          .execute()
      ).map((row) => row.key),
    ).toEqual(['29 days', 'now']);
    expect((await listedRun(stopped))!.status).toBe('failed');
  });
});
