import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/** A user's API tokens not revoked, newest first (expired ones too: the list says they expired). */
export async function findUserApiTokens(db: Db, userId: number) {
  return db
    .selectFrom('api_tokens')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .select(['id', 'name', 'prefix', 'rights', 'expires_at', 'last_used_at', 'created_at'])
    .orderBy('id', 'desc')
    .execute();
}

export type ApiTokenRow = Awaited<ReturnType<typeof findUserApiTokens>>[number];

export async function insertApiToken(
  db: Db,
  row: {
    token_hash: string;
    prefix: string;
    user_id: number;
    name: string;
    rights: string[];
    expires_at: Date | null;
  },
) {
  return db
    .insertInto('api_tokens')
    .values(row)
    .returning(['id', 'name', 'prefix', 'rights', 'expires_at', 'last_used_at', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Revokes one of a user's tokens; false when the user has no such live token. */
export async function revokeApiToken(db: Db, userId: number, id: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
