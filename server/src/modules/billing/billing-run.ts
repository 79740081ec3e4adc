import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/connect.js';
import type { BillingTrigger } from '../../db/schema.js';
import { applyDebtBlocking, ensureLedgerMonth, holdChargingRuns } from '../ledger/ledger.public.js';
import { fillPricesSql } from './billing-amounts.sql.js';
import {
  analyzeDayTables,
  chargeDay,
  createDayTables,
  dayWorkMemory,
  fillChain,
  fillChainAccounts,
  fillContracts,
  fillPartnerCurrencies,
  fillPaths,
  fillRepinned,
  keepChargedPrices,
  lockDayAccounts,
  openAccounts,
} from './billing-day.sql.js';
import { addDays, daysFromTo } from '../../lib/clock.js';
import {
  completeRun,
  failRun,
  failStoppedRuns,
  findRun,
  insertRunningRun,
  releaseRunLock,
  type RunCounts,
} from './billing-runs.repository.js';
import { presentRun, type BillingRun } from './billing.presenter.js';

/*
 * The daily billing run (docs/decisions/0005-ledger-and-billing.md). For one day, set-based:
 *   1. small tables of the day (billing-day.sql.ts): the billable contracts with their accounts, the
 *      chain of payers per partner and currency (level 0: the contract pays its partner at the
 *      object's tariff; level n: the partner at depth n pays its parent, or the platform, its Partner
 *      price), and the daily amount of every tariff in every charge currency (billing-amounts.sql.ts);
 *   2. every account the day needs is opened, then all of them are locked in id order;
 *   3. ONE statement charges the day (billing-day.sql.ts chargeDay): objects hash-joined with those
 *      small tables and their month's row of billing_object_days; the bits of the levels not charged
 *      yet set by one guarded upsert (exactly once per object, level and day); one aggregated ledger
 *      charge per level, payer, payee and tariff over the objects it marked, moving the balances; the
 *      charges that cannot be made recorded as the run's issues;
 *   4. blocking for debt over every contract.
 * All of it in one transaction: a crash rolls the day back whole and a rerun completes it. Runs take a
 * transaction-level advisory lock first, so two at once run one after the other: the second finds
 * everything charged and adds nothing.
 * A run also holds a lock of its own, from the statement that inserts its row until its status is final
 * (billing-runs.repository.ts): a row left 'running' by a process that died is told from a live run by
 * that lock alone, and marked failed by failStoppedRuns before runs are started or listed.
 */

export interface BillingDayOptions {
  day: string;
  trigger: BillingTrigger;
  actorUserId?: number | null;
  /**
   * Charge only the objects without any charge of the day yet (the schedule's rerun of the last
   * completed day: what was added later that day), adding no level to the objects already charged.
   */
  onlyUncharged?: boolean;
}

/** Charges one day in the caller's transaction; returns the run's counts. */
async function billDay(
  trx: Db,
  day: string,
  runId: number,
  actorUserId: number | null,
  onlyUncharged: boolean,
): Promise<RunCounts> {
  await holdChargingRuns(trx);
  // The day's joins and sets are large at full scale; keep their hashes in memory for this transaction.
  await dayWorkMemory.execute(trx);
  await createDayTables.execute(trx);
  await fillPartnerCurrencies.execute(trx);
  await fillChain.execute(trx);
  await openAccounts.execute(trx);
  await fillChainAccounts(day).execute(trx);
  await fillPaths.execute(trx);
  await fillContracts.execute(trx);
  await fillPricesSql(day).execute(trx);
  await keepChargedPrices(day).execute(trx);
  await fillRepinned(day).execute(trx);
  await analyzeDayTables.execute(trx);
  await lockDayAccounts.execute(trx);

  const result = (await chargeDay(day, runId, actorUserId, { onlyUncharged }).execute(trx)).rows[0]!;
  await applyDebtBlocking(trx, null);
  return {
    objectsCharged: Number(result.objects_charged),
    transfersCreated: Number(result.inserted),
    alreadyCharged: Number(result.candidates) - Number(result.charged),
    issuesCount: Number(result.issues),
    totals: result.totals,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the billing of one day and records it in billing_runs. Returns the run: completed with its
 * counts, or failed with the error (then nothing of the day was charged by it).
 */
export async function runBillingDay(db: Db, options: BillingDayOptions): Promise<BillingRun> {
  const started = performance.now();
  const actorUserId = options.actorUserId ?? null;
  const elapsed = () => Math.round(performance.now() - started);
  await failStoppedRuns(db);
  let runId = 0;
  let unrecordedError: { error: unknown } | null = null;
  // One connection for the run's whole life: its session holds the run's lock from the insert on.
  await db.connection().execute(async (connection) => {
    runId = await insertRunningRun(connection, { day: options.day, trigger: options.trigger, actorUserId });
    try {
      // The month's partitions, and the next month's (before its first payment lands in the default
      // partition), are created outside the run's transaction: their locks stay short.
      await ensureLedgerMonth(connection, options.day);
      await ensureLedgerMonth(connection, addDays(options.day, 31));
      await connection.transaction().execute(async (trx) => {
        const counts = await billDay(trx, options.day, runId, actorUserId, options.onlyUncharged ?? false);
        await completeRun(trx, runId, counts, elapsed());
      });
    } catch (error) {
      // Recorded while the lock is still held, so no sweeper takes the run for a stopped one.
      await failRun(connection, runId, messageOf(error), elapsed()).catch(() => {
        unrecordedError = { error };
      });
    } finally {
      // A connection that broke took the lock with its session; the run is recorded failed below.
      await releaseRunLock(connection, runId).catch((error: unknown) => {
        unrecordedError ??= { error };
      });
    }
  });
  // The run's connection broke: its error is recorded on another one (never undoing a completed run;
  // a sweeper may have marked it failed in between, and this error replaces its own).
  const unrecorded = unrecordedError as { error: unknown } | null;
  if (unrecorded) await failRun(db, runId, messageOf(unrecorded.error), elapsed());
  return presentRun((await findRun(db, runId))!);
}

/** Runs the days from `from` to `to` in order, one transaction each; stops after a failed day. */
export async function runBillingRange(
  db: Db,
  options: { from: string; to: string; trigger: BillingTrigger; actorUserId?: number | null },
): Promise<BillingRun[]> {
  const runs: BillingRun[] = [];
  for (const day of daysFromTo(options.from, options.to)) {
    const run = await runBillingDay(db, { day, trigger: options.trigger, actorUserId: options.actorUserId });
    runs.push(run);
    if (run.status === 'failed') break;
  }
  return runs;
}
