import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/** A user's two-factor row: secrets still sealed (lib/secret-box.ts). */
export async function findTwoFactor(db: Db, userId: number) {
  return db
    .selectFrom('admin_two_factor')
    .where('user_id', '=', userId)
    .select(['secret_encrypted', 'pending_secret_encrypted', 'enabled_at', 'last_used_step'])
    .executeTakeFirst();
}

/** Keeps the secret a set-up showed until a first code confirms it; a new set-up replaces it. */
export async function savePendingSecret(db: Db, userId: number, sealedSecret: string) {
  await db
    .insertInto('admin_two_factor')
    .values({ user_id: userId, pending_secret_encrypted: sealedSecret })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({
        pending_secret_encrypted: sealedSecret,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/**
 * Turns the pending secret on with the step of its confirming code spent, and replaces the recovery
 * codes. False when the pending secret is no longer the one checked (another set-up or enabling came
 * first), so two tabs cannot enable two secrets.
 */
export async function enableTwoFactor(
  db: Db,
  options: { userId: number; pendingSecret: string; timeStep: number; recoveryCodeHashes: string[] },
): Promise<boolean> {
  const result = await db
    .updateTable('admin_two_factor')
    .set({
      secret_encrypted: options.pendingSecret,
      pending_secret_encrypted: null,
      enabled_at: sql<Date>`now()`,
      last_used_step: options.timeStep,
      updated_at: sql<Date>`now()`,
    })
    .where('user_id', '=', options.userId)
    .where('enabled_at', 'is', null)
    .where('pending_secret_encrypted', '=', options.pendingSecret)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await db.deleteFrom('admin_recovery_codes').where('user_id', '=', options.userId).execute();
  await db
    .insertInto('admin_recovery_codes')
    .values(options.recoveryCodeHashes.map((codeHash) => ({ user_id: options.userId, code_hash: codeHash })))
    .execute();
  return true;
}

/** Turns two-factor sign-in off: the secret and the recovery codes are deleted, not kept. */
export async function disableTwoFactor(db: Db, userId: number) {
  await db
    .updateTable('admin_two_factor')
    .set({
      secret_encrypted: null,
      pending_secret_encrypted: null,
      enabled_at: null,
      updated_at: sql<Date>`now()`,
    })
    .where('user_id', '=', userId)
    .execute();
  await db.deleteFrom('admin_recovery_codes').where('user_id', '=', userId).execute();
}

/**
 * Spends a TOTP time step: true only when it is after the last one used. One statement, so two
 * requests with the same code cannot both pass.
 */
export async function claimTimeStep(db: Db, userId: number, timeStep: number): Promise<boolean> {
  const result = await db
    .updateTable('admin_two_factor')
    .set({ last_used_step: timeStep })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', timeStep)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Spends a recovery code: true when the user had it unused. */
export async function useRecoveryCode(db: Db, userId: number, codeHash: string): Promise<boolean> {
  const result = await db
    .updateTable('admin_recovery_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
