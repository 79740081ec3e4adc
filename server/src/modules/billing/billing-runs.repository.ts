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

/** A new run, status running, committed at once so that the runs list shows it while it works. */
export async function insertRunningRun(
  db: Db,
  run: { day: string; trigger: BillingTrigger; actorUserId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('billing_runs')
    .values({ day: run.day, trigger: run.trigger, status: 'running', actor_user_id: run.actorUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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

/** Marks a run failed (its transaction rolled back: it charged nothing) with the error's message. */
export async function failRun(db: Db, id: number, error: string, durationMs: number) {
  await db
    .updateTable('billing_runs')
    .set({ status: 'failed', finished_at: sql<Date>`clock_timestamp()`, duration_ms: durationMs, error })
    .where('id', '=', id)
    .execute();
}

/**
 * Runs left 'running' by a process that stopped in the middle (their transaction rolled back, so they
 * charged nothing): shown as failed once they are older than any run takes.
 */
export async function failAbandonedRuns(db: Db) {
  await sql`
    update billing_runs
       set status = 'failed', finished_at = clock_timestamp(),
           error = 'Interrupted: the process stopped before the run finished; nothing of it was charged'
     where status = 'running' and started_at < now() - interval '6 hours'`.execute(db);
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
