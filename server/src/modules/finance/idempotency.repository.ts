import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

export interface IdempotencyKeyScope {
  userId: number;
  endpoint: string;
  key: string;
}

export interface StoredAnswer {
  request_hash: string;
  status_code: number;
  response: unknown;
}

export async function findIdempotencyKey(
  db: Db,
  scope: IdempotencyKeyScope,
): Promise<StoredAnswer | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .where('actor_user_id', '=', scope.userId)
    .where('endpoint', '=', scope.endpoint)
    .where('key', '=', scope.key)
    .select(['request_hash', 'status_code', 'response'])
    .executeTakeFirst();
}

/**
 * Takes the key for this request, first thing in its transaction. The unique primary key makes a
 * second request with the key wait for the first one's transaction: false when that one committed
 * (the caller replays its answer), true when the key is ours (or the other one rolled back).
 */
export async function claimIdempotencyKey(
  db: Db,
  scope: IdempotencyKeyScope & { requestHash: string },
): Promise<boolean> {
  const result = await sql<{ key: string }>`
    insert into idempotency_keys (actor_user_id, endpoint, key, request_hash, status_code, response)
    values (${scope.userId}, ${scope.endpoint}, ${scope.key}, ${scope.requestHash}, 0, 'null'::jsonb)
    on conflict (actor_user_id, endpoint, key) do nothing
    returning key`.execute(db);
  return result.rows.length > 0;
}

/** The answer a claimed key replays, written in the transaction that made it. */
export async function storeIdempotentAnswer(
  db: Db,
  scope: IdempotencyKeyScope & { statusCode: number; response: unknown },
) {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: scope.statusCode, response: JSON.stringify(scope.response) })
    .where('actor_user_id', '=', scope.userId)
    .where('endpoint', '=', scope.endpoint)
    .where('key', '=', scope.key)
    .execute();
}

/**
 * Deletes the keys stored more than `days` days ago, one statement; returns how many. A client retries
 * within minutes, so a month-old key is never presented again (and if it were, the request would be new).
 */
export async function deleteIdempotencyKeysOlderThan(db: Db, days: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days}::int)`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
