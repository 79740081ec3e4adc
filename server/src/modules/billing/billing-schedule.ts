import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { addDays, daysFromTo } from './billing-days.js';
import { runBillingDay } from './billing-run.js';
import { lastCompletedDay } from './billing-runs.repository.js';
import type { BillingRun } from './billing.presenter.js';

/*
 * The in-process daily schedule (BILLING_SCHEDULE=on): at start, then a minute after each UTC midnight,
 * it bills every day from the day after the last completed run up to today, so the days missed while
 * the server was down are caught up. A failed day is recorded on its run and stops the tick; the next
 * tick starts again from it. Several processes may each run the schedule: their runs take turns on
 * the billing lock and the later ones find the day charged.
 */

/** The most days a tick catches up; older missed days need a run by hand (CLI or API). */
export const MAX_CATCH_UP_DAYS = 62;

/**
 * The days a tick runs: from the day after the last completed run (today when none has completed),
 * at most `maxDays` back, up to today; none when today is already done.
 */
export function catchUpDays(
  lastCompleted: string | null,
  todayDay: string,
  maxDays = MAX_CATCH_UP_DAYS,
): string[] {
  const earliest = addDays(todayDay, -(maxDays - 1));
  const next = lastCompleted === null ? todayDay : addDays(lastCompleted, 1);
  return daysFromTo(next < earliest ? earliest : next, todayDay);
}

/** Milliseconds from `now` to the next tick: a minute past the next UTC midnight. */
export function msUntilNextTick(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 1);
  return next - now.getTime();
}

export interface ScheduleLog {
  info(message: string): void;
  error(message: string): void;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The schedule never keeps the process alive on its own.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BillingSchedule {
  /** The tick in progress (or the last one), for tests and shutdown. */
  readonly current: Promise<void>;
  /** Stops scheduling; waits for the day being billed, and bills no further day. */
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  db: Db;
  log: ScheduleLog;
  now?: () => Date;
  timers?: Timers;
  runDay?: (db: Db, options: { day: string; trigger: 'schedule' }) => Promise<BillingRun>;
  lastCompleted?: (db: Db) => Promise<string | null>;
}

/** Starts the schedule: a tick now, then one a minute after each UTC midnight. */
export function startBillingSchedule(options: ScheduleOptions): BillingSchedule {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? realTimers;
  const runDay = options.runDay ?? runBillingDay;
  const lastCompleted = options.lastCompleted ?? lastCompletedDay;
  let stopped = false;
  let timer: unknown = null;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const todayDay = today(now());
      const last = await lastCompleted(db);
      const days = catchUpDays(last, todayDay);
      if (last !== null && days[0] !== undefined && days[0] > addDays(last, 1)) {
        log.error(
          `Billing: days ${addDays(last, 1)} to ${addDays(days[0], -1)} are past the catch-up window; run them by hand`,
        );
      }
      for (const day of days) {
        if (stopped) return;
        const run = await runDay(db, { day, trigger: 'schedule' });
        if (run.status === 'failed') {
          log.error(`Billing run ${run.id} for ${day} failed: ${run.error}; retried at the next tick`);
          return;
        }
        log.info(
          `Billing run ${run.id} for ${day}: ${run.transfersCreated} charges, ${run.alreadyCharged} already made, ` +
            `${run.issuesCount} issues, ${run.durationMs} ms`,
        );
      }
    } catch (error) {
      log.error(`Billing schedule tick failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (!stopped) timer = timers.set(startTick, msUntilNextTick(now()));
    }
  };
  function startTick() {
    timer = null;
    current = tick();
  }

  startTick();
  return {
    get current() {
      return current;
    },
    async stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      await current;
    },
  };
}
