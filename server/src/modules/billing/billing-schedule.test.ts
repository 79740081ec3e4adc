import { beforeAll, describe, expect, it } from 'vitest';
import {
  chargesOf,
  contractOwner,
  insertBillingObject,
  insertPricedTariff,
  scheduledRun,
} from '../../../test/billing-builders.js';
import { useTestApp } from '../../../test/test-suite.js';
import { ledgerBalanceOf } from '../../../test/ledger-checks.js';
import { insertContract, insertPartner } from '../../../test/table-rows.js';
import type { Db } from '../../db/connect.js';
import { daysFromTo } from '../../lib/clock.js';
import { runHistory, type RunHistory } from './billing-runs.repository.js';
import { catchUpDays, msUntilNextTick, startBillingSchedule, type Timers } from './billing-schedule.js';
import type { BillingRun } from './billing.presenter.js';

type RunStatus = 'completed' | 'failed' | 'running';

/** The history the repository reports for these runs (every completed day listed). */
function historyOf(runs: [string, RunStatus][]): RunHistory {
  const days = runs.map(([day]) => day).sort();
  const completed = [
    ...new Set(runs.filter(([, status]) => status === 'completed').map(([day]) => day)),
  ].sort();
  return { firstDay: days[0] ?? null, lastCompleted: completed.at(-1) ?? null, completed };
}

const completedDays = (from: string, to: string): [string, RunStatus][] =>
  daysFromTo(from, to).map((day) => [day, 'completed']);

describe('catchUpDays', () => {
  it('first start ever: today only, no past day', () => {
    expect(catchUpDays(historyOf([]), '2026-03-10')).toEqual(['2026-03-10']);
  });

  it('the midnight tick: yesterday again (what was added during it), then today', () => {
    const history = historyOf(completedDays('2026-02-20', '2026-03-09'));
    expect(catchUpDays(history, '2026-03-10')).toEqual(['2026-03-09', '2026-03-10']);
    // Across a month and a year.
    expect(catchUpDays(historyOf(completedDays('2025-12-01', '2025-12-31')), '2026-01-01')).toEqual([
      '2025-12-31',
      '2026-01-01',
    ]);
  });

  it('a restart later the same day: today again only', () => {
    const history = historyOf(completedDays('2026-02-20', '2026-03-10'));
    expect(catchUpDays(history, '2026-03-10')).toEqual(['2026-03-10']);
  });

  it('after a downtime of 3 days: the last completed day again and every missed day', () => {
    const history = historyOf(completedDays('2026-02-20', '2026-03-06'));
    expect(catchUpDays(history, '2026-03-10')).toEqual([
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(catchUpDays(historyOf(completedDays('2024-02-01', '2024-02-27')), '2024-03-01')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('a failed day is retried although the next day was run by hand since', () => {
    const history = historyOf([
      ...completedDays('2026-02-20', '2026-03-08'),
      ['2026-03-09', 'failed'],
      ['2026-03-10', 'completed'], // run by an operator
    ]);
    expect(catchUpDays(history, '2026-03-11')).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    // It failed again at that tick: the next one still retries it, and reruns the latest completed day.
    const failedTwice = historyOf([
      ...completedDays('2026-02-20', '2026-03-08'),
      ['2026-03-09', 'failed'],
      ['2026-03-10', 'completed'],
      ['2026-03-09', 'failed'],
      ['2026-03-11', 'completed'],
    ]);
    expect(catchUpDays(failedTwice, '2026-03-12')).toEqual(['2026-03-09', '2026-03-11', '2026-03-12']);
  });

  it('a fresh install whose first run failed retries that day', () => {
    expect(catchUpDays(historyOf([['2026-03-09', 'failed']]), '2026-03-10')).toEqual([
      '2026-03-09',
      '2026-03-10',
    ]);
  });

  it('looks back at most 62 days, today included, and never before the first day ever run', () => {
    // Down since long ago: the window's 62 days, not the last completed day (outside it).
    const longDown = historyOf(completedDays('2025-01-01', '2025-12-31'));
    longDown.completed = [];
    const days = catchUpDays(longDown, '2026-03-10');
    expect(days).toHaveLength(62);
    expect(days[0]).toBe('2026-01-08');
    expect(days.at(-1)).toBe('2026-03-10');
    expect(days).toEqual(daysFromTo('2026-01-08', '2026-03-10'));
    // A day failed 61 days ago is still retried; one failed 62 days ago is past the window.
    const failedOld = historyOf([
      ['2026-01-07', 'failed'],
      ['2026-01-08', 'failed'],
      ...completedDays('2026-01-09', '2026-03-09'),
    ]);
    expect(catchUpDays(failedOld, '2026-03-10')).toEqual(['2026-01-08', '2026-03-09', '2026-03-10']);
    // Billing started 5 days ago and never completed: those 5 days and today, nothing older.
    expect(catchUpDays(historyOf([['2026-03-05', 'failed']]), '2026-03-10')).toEqual(
      daysFromTo('2026-03-05', '2026-03-10'),
    );
  });

  it('runs no day after today (a clock set back)', () => {
    expect(catchUpDays(historyOf(completedDays('2026-03-01', '2026-03-12')), '2026-03-10')).toEqual([]);
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

/** A billing stand-in: records the runs, completes them unless the day is set to fail. */
function fakeBilling(initial: [string, RunStatus][]) {
  const runs: [string, RunStatus][] = [...initial];
  const attempts: string[] = [];
  /** The days run again for the objects added later (onlyUncharged). */
  const again: string[] = [];
  const failing = new Set<string>();
  let id = 0;
  const runDay = (_db: Db, options: { day: string; onlyUncharged: boolean }): Promise<BillingRun> => {
    attempts.push(options.day);
    if (options.onlyUncharged) again.push(options.day);
    const failed = failing.has(options.day);
    runs.push([options.day, failed ? 'failed' : 'completed']);
    return Promise.resolve(scheduledRun(options.day, { id: ++id, failed, error: 'database unavailable' }));
  };
  const history = (_db: Db, since: string) => {
    const all = historyOf(runs);
    return Promise.resolve({ ...all, completed: all.completed.filter((day) => day >= since) });
  };
  return { runDay, history, attempts, again, failing };
}

/** The schedules over fake runs have no database to keep. */
const noHousekeeping = () =>
  Promise.resolve({ stoppedRuns: [], expiredSessions: 0, loginAttempts: 0, idempotencyKeys: 0 });

const silentLog = () => {
  const lines: string[] = [];
  return {
    lines,
    info: (line: string) => lines.push(`info ${line}`),
    error: (line: string) => lines.push(`error ${line}`),
  };
};

/** A schedule started at `now` over the fake runs, with its manual clock and its log. */
function startFakeSchedule(now: string, billing: ReturnType<typeof fakeBilling>) {
  const clock = manualClock(now);
  const log = silentLog();
  const schedule = startBillingSchedule({
    db: {} as Db,
    housekeeping: noHousekeeping,
    log,
    now: clock.now,
    timers: clock.timers,
    ...billing,
  });
  return { clock, log, schedule };
}

describe('startBillingSchedule', () => {
  it('catches up at start, then bills each new day a minute after midnight', async () => {
    const billing = fakeBilling(completedDays('2026-03-01', '2026-03-07'));
    const { clock, log, schedule } = startFakeSchedule('2026-03-10T15:00:00Z', billing);
    await schedule.current;
    expect(billing.attempts).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(billing.again).toEqual(['2026-03-07']);
    expect(clock.pending.map((entry) => new Date(entry.at).toISOString())).toEqual([
      '2026-03-11T00:01:00.000Z',
    ]);

    clock.fire();
    await schedule.current;
    expect(billing.attempts.slice(4)).toEqual(['2026-03-10', '2026-03-11']);
    expect(billing.again).toEqual(['2026-03-07', '2026-03-10']);
    expect(clock.pending.map((entry) => new Date(entry.at).toISOString())).toEqual([
      '2026-03-12T00:01:00.000Z',
    ]);
    expect(log.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    await schedule.stop();
    expect(clock.pending).toEqual([]);
  });

  it('stops a tick at a failed day and retries it, with the days after it, at the next tick', async () => {
    const billing = fakeBilling(completedDays('2026-03-01', '2026-03-07'));
    billing.failing.add('2026-03-09');
    const { clock, log, schedule } = startFakeSchedule('2026-03-10T15:00:00Z', billing);
    await schedule.current;
    expect(billing.attempts).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(log.lines.some((line) => line.startsWith('error Billing run 3 for 2026-03-09 failed'))).toBe(true);

    billing.failing.clear();
    clock.fire();
    await schedule.current;
    expect(billing.attempts.slice(3)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11']);
    expect(billing.again).toEqual(['2026-03-07', '2026-03-08']);
    await schedule.stop();
  });

  it('after a downtime longer than the window: the window only, and the older days logged', async () => {
    const billing = fakeBilling(completedDays('2025-12-01', '2025-12-31'));
    const { log, schedule } = startFakeSchedule('2026-03-10T15:00:00Z', billing);
    await schedule.current;
    await schedule.stop();
    expect(billing.attempts).toEqual(daysFromTo('2026-01-08', '2026-03-10'));
    expect(billing.again).toEqual([]);
    expect(log.lines.filter((line) => line.startsWith('error'))).toEqual([
      'error Billing: days 2026-01-01 to 2026-01-07 are past the catch-up window; run them by hand',
    ]);
  });

  it('keeps ticking after an error outside the runs (the database down at the tick)', async () => {
    const clock = manualClock('2026-03-10T15:00:00Z');
    const billing = fakeBilling([]);
    let down = true;
    const log = silentLog();
    const schedule = startBillingSchedule({
      db: {} as Db,
      housekeeping: noHousekeeping,
      log,
      now: clock.now,
      timers: clock.timers,
      runDay: billing.runDay,
      history: (db, since) =>
        down ? Promise.reject(new Error('connection refused')) : billing.history(db, since),
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
    const billing = fakeBilling(completedDays('2026-02-25', '2026-03-01'));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const billingStarted = new Promise<void>((resolve) => (entered = resolve));
    const schedule = startBillingSchedule({
      db: {} as Db,
      housekeeping: noHousekeeping,
      log: silentLog(),
      now: clock.now,
      timers: clock.timers,
      history: billing.history,
      runDay: async (db, options) => {
        entered();
        await gate;
        return billing.runDay(db, options);
      },
    });
    // Stopped while the first day is being billed (03-01 again): it finishes, the next nine do not start.
    await billingStarted;
    const stopping = schedule.stop();
    release();
    await stopping;
    expect(billing.attempts).toEqual(['2026-03-01']);
    expect(clock.pending).toEqual([]);
  });
});

describe('runHistory', () => {
  const { context } = useTestApp();
  let db: Db;
  beforeAll(async () => {
    db = context.database.db;
  });

  it('reports the first day ever run, the last completed day and the completed days from a day on', async () => {
    expect(await runHistory(db, '2026-01-01')).toEqual({
      firstDay: null,
      lastCompleted: null,
      completed: [],
    });
    const runs: [string, RunStatus][] = [
      ['2026-01-06', 'completed'],
      ['2026-01-05', 'failed'],
      ['2026-01-06', 'completed'],
      ['2026-01-07', 'failed'],
      ['2026-01-09', 'completed'],
      ['2026-01-10', 'running'],
    ];
    await db
      .insertInto('billing_runs')
      .values(runs.map(([day, status]) => ({ day, status, trigger: 'cli' as const })))
      .execute();
    expect(await runHistory(db, '2026-01-01')).toEqual({
      firstDay: '2026-01-05',
      lastCompleted: '2026-01-09',
      completed: ['2026-01-06', '2026-01-09'],
    });
    expect(await runHistory(db, '2026-01-07')).toEqual({
      firstDay: '2026-01-05',
      lastCompleted: '2026-01-09',
      completed: ['2026-01-09'],
    });
    expect(catchUpDays(await runHistory(db, '2026-01-01'), '2026-01-11')).toEqual([
      '2026-01-05',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
    ]);
  });
});

describe('the schedule on the database', () => {
  const { context } = useTestApp();
  let db: Db;
  beforeAll(async () => {
    db = context.database.db;
  });

  it('charges what was added during a day after its run, at the next tick, and no day before the first', async () => {
    const tariffId = await insertPricedTariff(db, '310.00');
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const warehouse = await insertContract(db, partner.id, { isWarehouse: true });
    const early = await insertBillingObject(db, contractId, { tariffId, activeFrom: '2026-05-01' });
    const stored = await insertBillingObject(db, warehouse, { tariffId, activeFrom: '2026-05-01' });

    // The first start ever, on 05-10 at 00:01: today only; the days before billing began are not billed.
    const clock = manualClock('2026-05-10T00:01:00Z');
    const log = silentLog();
    const schedule = startBillingSchedule({ db, log, now: clock.now, timers: clock.timers });
    await schedule.current;
    expect(await chargesOf(db, early, '2026-05-09')).toEqual([]);
    expect((await chargesOf(db, early, '2026-05-10')).map((charge) => charge.amount)).toEqual(['10.00']);

    // Later on 05-10: an object is added, active from that day, and one is taken out of the warehouse.
    const added = await insertBillingObject(db, contractId, { tariffId, activeFrom: '2026-05-10' });
    await db.updateTable('objects').set({ contract_id: contractId }).where('id', '=', stored).execute();

    // The tick of 05-11 runs 05-10 again (both are charged for it) and then 05-11.
    clock.fire();
    await schedule.current;
    await schedule.stop();
    const runs = await db
      .selectFrom('billing_runs')
      .select(['day', 'trigger', 'status', 'objects_charged', 'transfers_created', 'already_charged'])
      .orderBy('id')
      .execute();
    // One contract and tariff: each run's object-days are one aggregated charge.
    expect(runs).toEqual([
      {
        day: '2026-05-10',
        trigger: 'schedule',
        status: 'completed',
        objects_charged: 1,
        transfers_created: 1,
        already_charged: 0,
      },
      {
        day: '2026-05-10',
        trigger: 'schedule',
        status: 'completed',
        objects_charged: 2,
        transfers_created: 1,
        already_charged: 0,
      },
      {
        day: '2026-05-11',
        trigger: 'schedule',
        status: 'completed',
        objects_charged: 3,
        transfers_created: 1,
        already_charged: 0,
      },
    ]);
    for (const objectId of [early, added, stored]) {
      for (const day of ['2026-05-10', '2026-05-11']) {
        expect(
          (await chargesOf(db, objectId, day)).map((charge) => charge.amount),
          `${objectId} ${day}`,
        ).toEqual(['10.00']);
      }
    }
    expect(await chargesOf(db, stored, '2026-05-09')).toEqual([]);
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-60.00');
    expect(log.lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});
