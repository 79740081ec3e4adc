import type { Db } from '../../db/connect.js';
import { AppError } from '../../lib/errors.js';
import { pingDatabase } from './health.repository.js';

/** 'ok' while the database answers, else 503 database_unavailable. */
export async function checkHealth(db: Db, engine: string) {
  try {
    await pingDatabase(db);
  } catch {
    throw new AppError('database_unavailable', 503);
  }
  return { status: 'ok' as const, database: engine };
}
