import type { Db } from './connect.js';
import { isDatabaseError, SqlState } from './database-errors.js';

/*
 * A write transaction that PostgreSQL chose as a deadlock's victim, or could not serialise, did nothing:
 * it is run again, from the start, a few times with a short random pause (so the two sides do not meet
 * again at once). Writers take their locks in one order (accounts by id, then rows), so this is rare;
 * when it still fails, the error reaches the error handler, which answers 503 `retry` with Retry-After —
 * what it is, not a stale version. The work must do nothing outside the database: it may run again.
 */

/** Attempts after the first. */
const RETRIES = 4;

/**
 * Thrown by a transaction's work that found, once its locks were held, that what it read before taking
 * them has changed (a contract moved while a payment waited): the transaction is rolled back, so
 * nothing is held, and run again.
 */
export class TransactionMustRestart extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TransactionMustRestart';
  }
}

/** A failure that a new attempt of the whole transaction can succeed past. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransactionMustRestart) return true;
  return (
    isDatabaseError(error) &&
    (error.code === SqlState.deadlockDetected || error.code === SqlState.serializationFailure)
  );
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));

/** Runs `work` in a transaction, again (up to RETRIES times) when it failed for a transient reason. */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isTransient(error) || attempt >= RETRIES) throw error;
      await pause(attempt);
    }
  }
}
