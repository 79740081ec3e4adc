import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/* What /metrics reports of the billing runs, read from billing_runs when it is scraped. */

export interface BillingRunMetrics {
  /** Runs recorded by status; 'running' is the billing's queue: more than one, or an old one, is a stall. */
  runsByStatus: Record<'running' | 'completed' | 'failed', number>;
  /** Seconds since the oldest run still 'running' started; 0 when none is. */
  oldestRunningSeconds: number;
  /** The last run that completed, by when it finished; null before the first. */
  lastCompleted: {
    durationSeconds: number;
    objectsCharged: number;
    transfersCreated: number;
    issuesCount: number;
    /** When it finished, in seconds since the epoch (Prometheus' timestamps). */
    finishedAtSeconds: number;
  } | null;
}

/**
 * Reads the billing runs' counts and the last completed run's timings. The schedule and a person's run
 * may be in another process, so the table, not this process's memory, is what the numbers come from.
 */
export async function readBillingRunMetrics(db: Db): Promise<BillingRunMetrics> {
  const counts = await db
    .selectFrom('billing_runs')
    .select([
      'status',
      sql<number>`count(*)::int`.as('runs'),
      sql<number>`coalesce(extract(epoch from now() - min(started_at)), 0)::float8`.as('oldest_seconds'),
    ])
    .groupBy('status')
    .execute();
  const last = await db
    .selectFrom('billing_runs')
    .select([
      'duration_ms',
      'objects_charged',
      'transfers_created',
      'issues_count',
      sql<number>`extract(epoch from date_trunc('milliseconds', finished_at))::float8`.as(
        'finished_at_seconds',
      ),
    ])
    .where('status', '=', 'completed')
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const runsByStatus = { running: 0, completed: 0, failed: 0 };
  for (const row of counts) runsByStatus[row.status] = row.runs;
  const running = counts.find((row) => row.status === 'running');
  return {
    runsByStatus,
    oldestRunningSeconds: running ? running.oldest_seconds : 0,
    lastCompleted: last
      ? {
          durationSeconds: (last.duration_ms ?? 0) / 1000,
          objectsCharged: last.objects_charged,
          transfersCreated: last.transfers_created,
          issuesCount: last.issues_count,
          finishedAtSeconds: last.finished_at_seconds,
        }
      : null,
  };
}
