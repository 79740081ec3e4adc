import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/** What an attempt ended with; the rate limit counts invalid_credentials and rate_limited as failures. */
export type PortalLoginResult =
  | 'success'
  | 'invalid_credentials'
  | 'user_blocked'
  | 'contract_inactive'
  | 'contract_blocked'
  | 'partner_users_blocked'
  | 'rate_limited';

/**
 * Records an attempt as a failure until it is proven otherwise, naming the user when the login is
 * one's (archived included, so its history shows the attempt). One statement: no hashing, no race.
 */
export async function recordPortalLoginAttempt(db: Db, attempt: { login: string; ip: string }) {
  const row = await db
    .insertInto('portal_login_attempts')
    .values((eb) => ({
      user_id: eb
        .selectFrom('portal_users')
        .where(sql`lower(login)`, '=', attempt.login)
        .select('id')
        .limit(1),
      login: attempt.login,
      ip: attempt.ip,
      result: 'invalid_credentials',
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setPortalLoginResult(db: Db, attemptId: number, result: PortalLoginResult) {
  await db.updateTable('portal_login_attempts').set({ result }).where('id', '=', attemptId).execute();
}

/**
 * A live portal user by login, with what decides whether it may log in: its contract's state and
 * whether any partner on the contract partner's path (itself included) blocks users, is blocked or
 * is archived.
 */
export async function findPortalUserForLogin(db: Db, who: { login: string } | { id: number }) {
  return db
    .selectFrom('portal_users as u')
    .innerJoin('contracts as c', 'c.id', 'u.contract_id')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .where((eb) => ('login' in who ? eb(sql`lower(u.login)`, '=', who.login) : eb('u.id', '=', who.id)))
    .where('u.archived_at', 'is', null)
    .select((eb) => [
      'u.id',
      'u.login',
      'u.name',
      'u.type',
      'u.password_hash',
      'u.blocked',
      'c.id as contract_id',
      'c.name as contract_name',
      'c.active as contract_active',
      'c.blocked as contract_blocked',
      'c.debt_blocked as contract_debt_blocked',
      'c.archived_at as contract_archived_at',
      'p.id as partner_id',
      'p.name as partner_name',
      eb
        .exists(
          eb
            .selectFrom('partners as a')
            .select('a.id')
            .where(sql<boolean>`a.id = any(p.path)`)
            .where((inner) =>
              inner.or([
                inner('a.users_blocked', '=', true),
                inner('a.blocked', '=', true),
                inner('a.archived_at', 'is not', null),
              ]),
            ),
        )
        .as('partner_chain_refuses'),
    ])
    .executeTakeFirst();
}

export type PortalLoginCandidate = NonNullable<Awaited<ReturnType<typeof findPortalUserForLogin>>>;

/**
 * Uses a "Log in as" token: once, within its minute. Marked used in the same statement that finds it,
 * so two presentations at once let one in.
 */
export async function consumeMasterToken(db: Db, tokenHash: string) {
  return db
    .updateTable('portal_master_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['portal_user_id', 'admin_login'])
    .executeTakeFirst();
}

/** Records a "Log in as" entry in the user's login history, naming the admin who entered. */
export async function recordMasterLoginAttempt(
  db: Db,
  attempt: { userId: number; login: string; ip: string; result: PortalLoginResult; masterLogin: string },
) {
  await db
    .insertInto('portal_login_attempts')
    .values({
      user_id: attempt.userId,
      login: attempt.login,
      ip: attempt.ip,
      result: attempt.result,
      master_login: attempt.masterLogin,
    })
    .execute();
}
