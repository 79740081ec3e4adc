import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/** Asks the database the smallest question it can answer; throws when it cannot. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
