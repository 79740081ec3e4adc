import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { BillingRunTotal, BillingTrigger } from '../../db/schema.js';

/* The billing_runs records and their issues: what each run charged, could not charge, and how long it took. */

export interface BillingRunRecord {
  id: number;
  day: string;
  trigger: BillingTrigger;
  status: 'running' | 'completed' | 'failed';
  actor_user_id: number | null;
  actor_login: string | null;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  objects_charged: number;
  transfers_created: number;
  already_charged: number;
  issues_count: number;
  totals: BillingRunTotal[];
  error: string | null;
}

function selectRuns(db: Db) {
  return db
    .selectFrom('billing_runs as r')
    .leftJoin('admin_users as u', 'u.id', 'r.actor_user_id')
    .select([
      'r.id',
      sql<string>`r.day::text`.as('day'),
      'r.trigger',
      'r.status',
      'r.actor_user_id',
      'u.login as actor_login',
      'r.started_at',
      'r.finished_at',
      'r.duration_ms',
      'r.objects_charged',
      'r.transfers_created',
      'r.already_charged',
      'r.issues_count',
      'r.totals',
      'r.error',
    ]);
}

/*
 * A run's own advisory lock, held by its connection's session from the statement that inserts the run
 * until its status is final: a run left 'running' whose lock is free was left by a process (or a
 * connection) that ended, so the sweeper (failStoppedRuns) can tell it from a live one at once, with
 * no grace period. The two-key form (this class, the run's id) is a key space of its own, apart from
 * the ledger's one-key charging lock.
 */
const RUN_LOCK_CLASS = 5_005_002;

/**
 * A new run, status running, committed at once so that the runs list shows it while it works. The
 * same statement takes the run's session lock, so the row is never seen running without its lock; the
 * caller holds one connection (db.connection()) until it calls releaseRunLock.
 */
export async function insertRunningRun(
  db: Db,
  run: { day: string; trigger: BillingTrigger; actorUserId: number | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    with run as (
      insert into billing_runs (day, trigger, status, actor_user_id)
      values (${run.day}::date, ${run.trigger}, 'running', ${run.actorUserId})
      returning id
    )
    select id, pg_advisory_lock(${RUN_LOCK_CLASS}, id::int) is not null as locked from run`.execute(db);
  return Number(rows[0]!.id);
}

/** Releases the session lock insertRunningRun took, once the run's status is final. */
export async function releaseRunLock(db: Db, id: number) {
  await sql`select pg_advisory_unlock(${RUN_LOCK_CLASS}, ${id}::int)`.execute(db);
}

export interface RunCounts {
  objectsCharged: number;
  transfersCreated: number;
  alreadyCharged: number;
  issuesCount: number;
  totals: BillingRunTotal[];
}

/** Marks a run completed with its counts; called in the run's own transaction, so it commits with the charges. */
export async function completeRun(db: Db, id: number, counts: RunCounts, durationMs: number) {
  await db
    .updateTable('billing_runs')
    .set({
      status: 'completed',
      finished_at: sql<Date>`clock_timestamp()`,
      duration_ms: durationMs,
      objects_charged: counts.objectsCharged,
      transfers_created: counts.transfersCreated,
      already_charged: counts.alreadyCharged,
      issues_count: counts.issuesCount,
      totals: JSON.stringify(counts.totals),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks a run failed (its transaction rolled back: it charged nothing) with the error's message. A run
 * that completed stays so: a connection that broke after its commit reports an error too.
 */
export async function failRun(db: Db, id: number, error: string, durationMs: number) {
  await db
    .updateTable('billing_runs')
    .set({ status: 'failed', finished_at: sql<Date>`clock_timestamp()`, duration_ms: durationMs, error })
    .where('id', '=', id)
    .where('status', '<>', 'completed')
    .execute();
}

/** The error of a run whose process stopped (or whose connection broke) before it finished. */
export const STOPPED_RUN_ERROR =
  'The process running this billing run stopped before it finished; nothing of it was charged';

/**
 * Marks failed every run left 'running' whose lock is free: its session ended before the run did, and
 * its transaction rolled back, so it charged nothing. A live run holds its lock from its insert on, so
 * it is never caught, in this process or another. One statement; returns the ids marked failed.
 */
export async function failStoppedRuns(db: Db): Promise<number[]> {
  // Only the running rows are tried; a lock taken here is the statement's and ends with it. Re-read
  // under the row lock, a run that finished meanwhile no longer matches status = 'running'.
  const { rows } = await sql<{ id: number }>`
    with running as materialized (select id from billing_runs where status = 'running')
    update billing_runs r
       set status = 'failed', finished_at = clock_timestamp(), error = ${STOPPED_RUN_ERROR}
      from running
     where r.id = running.id and r.status = 'running'
       and pg_try_advisory_xact_lock(${RUN_LOCK_CLASS}, running.id::int)
    returning r.id`.execute(db);
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

export async function findRun(db: Db, id: number): Promise<BillingRunRecord | undefined> {
  return selectRuns(db).where('r.id', '=', id).executeTakeFirst();
}

/** Runs newest first. */
export async function listRuns(db: Db, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    selectRuns(db).orderBy('r.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom('billing_runs')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as BillingRunRecord[], total: Number(total.total) };
}

export interface RunIssueRecord {
  object_id: number;
  object_name: string | null;
  partner_id: number;
  partner_name: string | null;
  /** The tariff that could not be charged; null in issues recorded before their detail named it. */
  tariff_id: number | null;
  tariff_name: string | null;
  level: number;
  reason: 'exchange_rate_missing' | 'price_missing';
  /** exchange_rate_missing: {from, to, tariffId}; price_missing: {tariffId}. */
  detail: Record<string, string | number | null>;
}

/**
 * A run's issues by object and level, with the names of the object, the paying partner and the tariff:
 * one statement, the names joined (each issue row is one paying partner, level, reason and detail).
 */
export async function listRunIssues(db: Db, runId: number, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    sql<RunIssueRecord>`
      select u.object_id, o.name as object_name, i.partner_id, p.name as partner_name,
             (i.detail ->> 'tariffId')::bigint as tariff_id, t.name as tariff_name, i.level, i.reason, i.detail
        from billing_run_issues i
       cross join lateral unnest(i.object_ids) as u(object_id)
        left join objects o on o.id = u.object_id
        left join partners p on p.id = i.partner_id
        left join tariffs t on t.id = (i.detail ->> 'tariffId')::bigint
       where i.run_id = ${runId}
       order by u.object_id, i.level
       limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ total: string }>`
      select coalesce(sum(cardinality(object_ids)), 0) as total
        from billing_run_issues where run_id = ${runId}`.execute(db),
  ]);
  return { items: items.rows, total: Number(total.rows[0]!.total) };
}

/** What the schedule needs to know of the runs made so far (see catchUpDays in billing-schedule.ts). */
export interface RunHistory {
  /** The earliest day any run was made for (completed, failed or running); null before the first run. */
  firstDay: string | null;
  /** The latest day a run completed for; null when none has. */
  lastCompleted: string | null;
  /** The days from `since` on with a completed run, in order. */
  completed: string[];
}

/** The runs' history for the schedule; `completed` lists the completed days from `since` on. */
export async function runHistory(db: Db, since: string): Promise<RunHistory> {
  const result = await sql<{ first_day: string | null; last_completed: string | null; completed: string[] }>`
    select (select min(day)::text from billing_runs) as first_day,
           (select max(day)::text from billing_runs where status = 'completed') as last_completed,
           array(select distinct day::text from billing_runs
                  where status = 'completed' and day >= ${since}::date order by 1) as completed`.execute(db);
  const row = result.rows[0]!;
  return { firstDay: row.first_day, lastCompleted: row.last_completed, completed: row.completed };
}
