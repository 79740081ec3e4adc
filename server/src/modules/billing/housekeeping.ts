import type { Db } from '../../db/connect.js';
import { deleteExpiredSessions, pruneLoginAttempts } from '../auth/auth.public.js';
import { deleteIdempotencyKeysOlderThan } from '../finance/finance.public.js';
import { failStoppedRuns } from './billing-runs.repository.js';

/*
 * What the daily schedule does before it bills (billing-schedule.ts): runs left 'running' by a process
 * that stopped are marked failed, and the rows nothing needs any more are deleted — expired sessions,
 * login attempts and idempotency keys older than KEPT_DAYS. It lives beside the schedule: billing sits
 * above auth and finance, so it reaches their public files. Each step is one set-based statement;
 * the tables it prunes are kept small by it, so a daily scan of them is cheap.
 */

/** How long login attempts (the login histories) and idempotency keys are kept. */
export const KEPT_DAYS = 30;

export interface HousekeepingReport {
  /** The runs marked failed: their process stopped before they finished. */
  stoppedRuns: number[];
  expiredSessions: number;
  loginAttempts: number;
  idempotencyKeys: number;
}

/** One round of housekeeping; several processes may run it at once (each row is deleted once). */
export async function keepHouse(db: Db): Promise<HousekeepingReport> {
  const stoppedRuns = await failStoppedRuns(db);
  const expiredSessions = await deleteExpiredSessions(db);
  const loginAttempts = await pruneLoginAttempts(db, { olderThanDays: KEPT_DAYS });
  const idempotencyKeys = await deleteIdempotencyKeysOlderThan(db, KEPT_DAYS);
  return { stoppedRuns, expiredSessions, loginAttempts, idempotencyKeys };
}

/** The report as one log line; null when there was nothing to do. */
export function describeHousekeeping(report: HousekeepingReport): string | null {
  const done = [
    report.stoppedRuns.length > 0 &&
      `billing runs ${report.stoppedRuns.join(', ')} marked failed (their process stopped)`,
    report.expiredSessions > 0 && `${report.expiredSessions} expired sessions deleted`,
    report.loginAttempts > 0 && `${report.loginAttempts} login attempts older than ${KEPT_DAYS} days deleted`,
    report.idempotencyKeys > 0 &&
      `${report.idempotencyKeys} idempotency keys older than ${KEPT_DAYS} days deleted`,
  ].filter((part): part is string => typeof part === 'string');
  return done.length > 0 ? `Housekeeping: ${done.join('; ')}` : null;
}
