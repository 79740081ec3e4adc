import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.js';
import { catchUpDays, msUntilNextTick, startBillingSchedule, type Timers } from './billing-schedule.js';
import type { BillingRun } from './billing.presenter.js';

describe('catchUpDays', () => {
  it('runs today only when no run has completed yet', () => {
    expect(catchUpDays(null, '2026-03-10')).toEqual(['2026-03-10']);
  });

  it('runs nothing when today is done, and the next day after it', () => {
    expect(catchUpDays('2026-03-10', '2026-03-10')).toEqual([]);
    expect(catchUpDays('2026-03-10', '2026-03-11')).toEqual(['2026-03-11']);
  });

  it('catches up the days missed while down, across months and years', () => {
    expect(catchUpDays('2025-12-29', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(catchUpDays('2024-02-27', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('goes back at most 62 days, today included', () => {
    const days = catchUpDays('2025-01-01', '2026-03-10');
    expect(days).toHaveLength(62);
    expect(days[0]).toBe('2026-01-08');
    expect(days.at(-1)).toBe('2026-03-10');
    expect(catchUpDays('2026-01-07', '2026-03-10')).toEqual(days);
    expect(catchUpDays('2026-01-08', '2026-03-10')).toEqual(days.slice(1));
  });

  it('runs nothing when the last completed run is of a later day (a clock set back)', () => {
    expect(catchUpDays('2026-03-12', '2026-03-10')).toEqual([]);
  });
});

describe('msUntilNextTick', () => {
  it('waits until a minute past the next UTC midnight', () => {
    expect(msUntilNextTick(new Date('2026-03-10T12:00:00Z'))).toBe((12 * 60 + 1) * 60_000);
    expect(msUntilNextTick(new Date('2026-03-10T23:59:30Z'))).toBe(90_000);
    expect(msUntilNextTick(new Date('2026-03-10T00:00:30Z'))).toBe((24 * 60 + 0.5) * 60_000);
    expect(msUntilNextTick(new Date('2026-12-31T00:01:00Z'))).toBe(24 * 60 * 60_000);
  });
});

/** A clock and timers the test moves by hand: `fire` advances the clock to the timer and runs it. */
function manualClock(start: string) {
  let time = new Date(start).getTime();
  const pending: { callback: () => void; at: number; id: number }[] = [];
  let nextId = 1;
  const timers: Timers = {
    set: (callback, ms) => {
      const id = nextId++;
      pending.push({ callback, at: time + ms, id });
      return id;
    },
    clear: (handle) => {
      const index = pending.findIndex((entry) => entry.id === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  return {
    now: () => new Date(time),
    timers,
    pending,
    fire() {
      const entry = pending.shift();
      if (!entry) throw new Error('no timer set');
      time = entry.at;
      entry.callback();
    },
  };
}

/** A billing stand-in: remembers the runs, completes them unless the day is set to fail. */
function fakeBilling(initialLastCompleted: string | null) {
  const completed: string[] = initialLastCompleted ? [initialLastCompleted] : [];
  const attempts: string[] = [];
  const failing = new Set<string>();
  let id = 0;
  const runDay = (_db: Db, options: { day: string }): Promise<BillingRun> => {
    attempts.push(options.day);
    const failed = failing.has(options.day);
    if (!failed) completed.push(options.day);
    return Promise.resolve({
      id: ++id,
      day: options.day,
      trigger: 'schedule',
      status: failed ? 'failed' : 'completed',
      actorLogin: null,
      startedAt: '',
      finishedAt: '',
      durationMs: 1,
      objectsCharged: 0,
      transfersCreated: 0,
      alreadyCharged: 0,
      issuesCount: 0,
      totals: [],
      error: failed ? 'database unavailable' : null,
    });
  };
  const lastCompleted = () => Promise.resolve(completed.length ? [...completed].sort().at(-1)! : null);
  return { runDay, lastCompleted, attempts, failing };
}

const silentLog = () => {
  const lines: string[] = [];
  return {
    lines,
    info: (line: string) => lines.push(`info ${line}`),
    error: (line: string) => lines.push(`error ${line}`),
  };
};

describe('startBillingSchedule', () => {
  it('catches up at start, then bills each new day a minute after midnight', async () => {
    const clock = manualClock('2026-03-10T15:00:00Z');
    const billing = fakeBilling('2026-03-07');
    const log = silentLog();
    const schedule = startBillingSchedule({
      db: {} as Db,
      log,
      now: clock.now,
      timers: clock.timers,
      ...billing,
    });
    await schedule.current;
    expect(billing.attempts).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(clock.pending.map((entry) => new Date(entry.at).toISOString())).toEqual([
      '2026-03-11T00:01:00.000Z',
    ]);

    clock.fire();
    await schedule.current;
    expect(billing.attempts.slice(3)).toEqual(['2026-03-11']);
    expect(clock.pending.map((entry) => new Date(entry.at).toISOString())).toEqual([
      '2026-03-12T00:01:00.000Z',
    ]);
    expect(log.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    await schedule.stop();
    expect(clock.pending).toEqual([]);
  });

  it('stops a tick at a failed day and retries it, with the days after it, at the next tick', async () => {
    const clock = manualClock('2026-03-10T15:00:00Z');
    const billing = fakeBilling('2026-03-07');
    billing.failing.add('2026-03-09');
    const log = silentLog();
    const schedule = startBillingSchedule({
      db: {} as Db,
      log,
      now: clock.now,
      timers: clock.timers,
      ...billing,
    });
    await schedule.current;
    expect(billing.attempts).toEqual(['2026-03-08', '2026-03-09']);
    expect(log.lines.some((line) => line.startsWith('error Billing run 2 for 2026-03-09 failed'))).toBe(true);

    billing.failing.clear();
    clock.fire();
    await schedule.current;
    expect(billing.attempts.slice(2)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    await schedule.stop();
  });

  it('keeps ticking after an error outside the runs (the database down at the tick)', async () => {
    const clock = manualClock('2026-03-10T15:00:00Z');
    const billing = fakeBilling(null);
    let down = true;
    const log = silentLog();
    const schedule = startBillingSchedule({
      db: {} as Db,
      log,
      now: clock.now,
      timers: clock.timers,
      runDay: billing.runDay,
      lastCompleted: () => (down ? Promise.reject(new Error('connection refused')) : billing.lastCompleted()),
    });
    await schedule.current;
    expect(billing.attempts).toEqual([]);
    expect(log.lines).toEqual(['error Billing schedule tick failed: connection refused']);
    down = false;
    clock.fire();
    await schedule.current;
    expect(billing.attempts).toEqual(['2026-03-11']);
    await schedule.stop();
  });

  it('bills no further day once stopped, and sets no timer', async () => {
    const clock = manualClock('2026-03-10T15:00:00Z');
    const billing = fakeBilling('2026-03-01');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const billingStarted = new Promise<void>((resolve) => (entered = resolve));
    const schedule = startBillingSchedule({
      db: {} as Db,
      log: silentLog(),
      now: clock.now,
      timers: clock.timers,
      lastCompleted: billing.lastCompleted,
      runDay: async (db, options) => {
        entered();
        await gate;
        return billing.runDay(db, options);
      },
    });
    // Stopped while the first missed day is being billed: that day finishes, the next eight do not start.
    await billingStarted;
    const stopping = schedule.stop();
    release();
    await stopping;
    expect(billing.attempts).toEqual(['2026-03-02']);
    expect(clock.pending).toEqual([]);
  });
});
