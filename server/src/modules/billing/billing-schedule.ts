import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { addDays, daysFromTo } from '../../lib/clock.js';
import { runBillingDay } from './billing-run.js';
import { runHistory, type RunHistory } from './billing-runs.repository.js';
import type { BillingRun } from './billing.presenter.js';
import { describeHousekeeping, keepHouse, type HousekeepingReport } from './housekeeping.js';

/*
 * The in-process daily schedule (BILLING_SCHEDULE=on): at start, then a minute after each UTC midnight,
 * it runs
 *   - the last completed day again: a day is billed at 00:01, so what was added, activated or taken
 *     out of a warehouse later that day is charged by that rerun, which charges only the objects
 *     without any charge of the day (it adds no level to the others: their partner tree may have
 *     changed since);
 *   - every day of the window that has no completed run yet: today, the days missed while the server
 *     was down, and days whose run failed (even when a later day was run by hand since). The window
 *     starts at the first day billing was ever run for (a fresh install does not bill past days) and
 *     goes back at most MAX_CATCH_UP_DAYS days.
 * Before the days, each tick does the housekeeping (housekeeping.ts): runs left 'running' by a process
 * that stopped are marked failed, and expired sessions, old login attempts and idempotency keys deleted.
 * A failed day is recorded on its run and stops the tick; the next tick tries it again. Several
 * processes may each run the schedule: their runs take turns on the billing lock and the later ones
 * find the day charged.
 */

/** The most days a tick looks back, today included; older missed days need a run by hand (CLI or API). */
export const MAX_CATCH_UP_DAYS = 62;

/** The first day of the catch-up window that ends today. */
export function windowStart(todayDay: string, maxDays = MAX_CATCH_UP_DAYS): string {
  return addDays(todayDay, -(maxDays - 1));
}

/**
 * The days a tick runs, in order: within the window [max(first day ever run, today − (maxDays − 1)),
 * today], every day without a completed run, and the last completed day again. Today only when no run
 * was ever made.
 */
export function catchUpDays(history: RunHistory, todayDay: string, maxDays = MAX_CATCH_UP_DAYS): string[] {
  const earliest = windowStart(todayDay, maxDays);
  const from =
    history.firstDay === null ? todayDay : history.firstDay > earliest ? history.firstDay : earliest;
  const completed = new Set(history.completed);
  return daysFromTo(from, todayDay).filter((day) => !completed.has(day) || day === history.lastCompleted);
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
  runDay?: (
    db: Db,
    options: { day: string; trigger: 'schedule'; onlyUncharged: boolean },
  ) => Promise<BillingRun>;
  /** The runs made so far, the completed days from `since` on (billing-runs.repository.ts). */
  history?: (db: Db, since: string) => Promise<RunHistory>;
  /** The housekeeping before the days (housekeeping.ts). */
  housekeeping?: (db: Db) => Promise<HousekeepingReport>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Starts the schedule: a tick now, then one a minute after each UTC midnight. */
export function startBillingSchedule(options: ScheduleOptions): BillingSchedule {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? realTimers;
  const runDay = options.runDay ?? runBillingDay;
  const history = options.history ?? runHistory;
  const housekeeping = options.housekeeping ?? keepHouse;
  let stopped = false;
  let timer: unknown = null;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const done = describeHousekeeping(await housekeeping(db));
      if (done) log.info(done);
    } catch (error) {
      log.error(`Housekeeping failed: ${messageOf(error)}; tried again at the next tick`);
    }
    try {
      const todayDay = today(now());
      const runs = await history(db, windowStart(todayDay));
      const days = catchUpDays(runs, todayDay);
      if (runs.lastCompleted !== null && runs.lastCompleted < addDays(windowStart(todayDay), -1)) {
        log.error(
          `Billing: days ${addDays(runs.lastCompleted, 1)} to ${addDays(windowStart(todayDay), -1)} ` +
            'are past the catch-up window; run them by hand',
        );
      }
      for (const day of days) {
        if (stopped) return;
        // The last completed day again: only the objects that have no charge of it yet.
        const again = day === runs.lastCompleted;
        const run = await runDay(db, { day, trigger: 'schedule', onlyUncharged: again });
        if (run.status === 'failed') {
          log.error(`Billing run ${run.id} for ${day} failed: ${run.error}; retried at the next tick`);
          return;
        }
        log.info(
          `Billing run ${run.id} for ${day}${again ? ' (again, for objects added later that day)' : ''}: ` +
            `${run.transfersCreated} charges, ${run.alreadyCharged} already made, ` +
            `${run.issuesCount} issues, ${run.durationMs} ms`,
        );
      }
    } catch (error) {
      log.error(`Billing schedule tick failed: ${messageOf(error)}`);
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
