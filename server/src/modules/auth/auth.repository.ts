import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { AdminRole } from '../../db/schema.js';
import { partnerPathInScope } from '../scope/scope.public.js';

/** Who is behind a live session or API token: the user and what it holds. */
export interface LiveUser {
  userId: number;
  login: string;
  role: AdminRole;
  partnerId: number | null;
  partnerPath: number[] | null;
  rights: string[];
  /** A partner on the user's path requires two-factor sign-in and the user has not enrolled yet. */
  twoFactorEnrolmentPending: boolean;
}

export interface LiveSession extends LiveUser {
  sessionId: string;
  csrfToken: string;
  /** Whether the last use was over a minute ago: only then is the session touched. */
  stale: boolean;
}

export interface LiveApiToken extends LiveUser {
  tokenId: number;
  tokenRights: string[];
  /** Whether the last use was over a minute ago: only then is it written. */
  stale: boolean;
}

/*
 * Two-factor sign-in, read in the queries of the user `u` and its partner `p`: whether the user has it
 * on, and whether the partner or an ancestor requires it (the Configuration's require_two_factor). As
 * with allowed_networks, every partner on the path restricts its whole subtree, so a sub-partner
 * cannot switch off what its parent requires. Super administrators have no path: never required.
 */
const twoFactorEnabled = sql<boolean>`exists (
  select 1 from admin_two_factor t where t.user_id = u.id and t.enabled_at is not null)`;
const twoFactorRequired = sql<boolean>`exists (
  select 1 from partner_settings rs
   where rs.key = 'require_two_factor' and rs.value = 'true'::jsonb and rs.partner_id = any(p.path))`;

/*
 * A user is live while it is neither blocked nor archived and no partner on its path is blocked or
 * archived: blocking a partner logs out its whole subtree — sessions and API tokens alike — even in a
 * process that never saw the block.
 */
function liveUsers(db: Db) {
  return db
    .selectFrom('admin_users as u')
    .leftJoin('partners as p', 'p.id', 'u.partner_id')
    .where('u.blocked', '=', false)
    .where('u.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('u.partner_id', 'is', null),
        eb.and([
          eb('p.archived_at', 'is', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('partners as a')
                .select('a.id')
                .where(sql<boolean>`a.id = any(p.path)`)
                .where((inner) =>
                  inner.or([inner('a.blocked', '=', true), inner('a.archived_at', 'is not', null)]),
                ),
            ),
          ),
        ]),
      ]),
    )
    .select([
      'u.id as userId',
      'u.login',
      'u.role',
      'u.partner_id as partnerId',
      'p.path as partnerPath',
      'u.rights',
      sql<boolean>`(${twoFactorRequired} and not ${twoFactorEnabled})`.as('twoFactorEnrolmentPending'),
    ]);
}

/** A live session: not expired, used within idleMinutes, its user live. */
export async function findLiveSession(
  db: Db,
  sessionId: string,
  idleMinutes: number,
): Promise<LiveSession | undefined> {
  return liveUsers(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes}::int)`)
    .select([
      's.id as sessionId',
      sql<boolean>`s.last_seen_at < now() - interval '1 minute'`.as('stale'),
      's.csrf_token as csrfToken',
    ])
    .executeTakeFirst();
}

/** A live API token: not revoked, not expired, its owner live. */
export async function findLiveApiToken(db: Db, tokenHash: string): Promise<LiveApiToken | undefined> {
  return liveUsers(db)
    .innerJoin('api_tokens as t', 't.user_id', 'u.id')
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)]))
    .select([
      't.id as tokenId',
      't.rights as tokenRights',
      sql<boolean>`coalesce(t.last_used_at < now() - interval '1 minute', true)`.as('stale'),
    ])
    .executeTakeFirst();
}

/** Marks a token used now; at most once a minute, as sessions are. */
export async function touchApiToken(db: Db, tokenId: number) {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', tokenId)
    .execute();
}

export async function findUserForLogin(db: Db, login: string) {
  return db
    .selectFrom('admin_users as u')
    .leftJoin('partners as p', 'p.id', 'u.partner_id')
    .where(sql`lower(u.login)`, '=', login.toLowerCase())
    .where('u.archived_at', 'is', null)
    .select([
      'u.id',
      'u.login',
      'u.name',
      'u.role',
      'u.partner_id',
      'u.password_hash',
      'u.blocked',
      'p.archived_at as partner_archived_at',
      'p.name as partner_name',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('partners as a')
              .select('a.id')
              .where(sql<boolean>`a.id = any(p.path)`)
              .where('a.blocked', '=', true),
          )
          .as('partner_chain_blocked'),
    ])
    .executeTakeFirst();
}

export async function findUserProfile(db: Db, userId: number) {
  return db
    .selectFrom('admin_users as u')
    .leftJoin('partners as p', 'p.id', 'u.partner_id')
    .where('u.id', '=', userId)
    .select([
      'u.id',
      'u.login',
      'u.name',
      'u.role',
      'u.partner_id',
      'p.name as partner_name',
      'u.rights',
      twoFactorEnabled.as('two_factor_enabled'),
      twoFactorRequired.as('two_factor_required'),
    ])
    .executeTakeFirstOrThrow();
}

export async function insertSession(
  db: Db,
  session: {
    id: string;
    userId: number;
    csrfToken: string;
    ip: string;
    userAgent: string | null;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      ip: session.ip,
      user_agent: session.userAgent,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/**
 * Marks a session used now. At most once a minute per session: the idle limit counts minutes, and a
 * write on every request would be a write per request.
 */
export async function touchSession(db: Db, sessionId: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql<Date>`now()` })
    .where('id', '=', sessionId)
    .where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`)
    .execute();
}

/** A user's sessions that are still live (not expired, not idle too long), newest first. */
export async function findUserSessions(db: Db, userId: number, idleMinutes: number) {
  return db
    .selectFrom('sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes}::int)`)
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .orderBy('created_at', 'desc')
    .execute();
}

/** Ends one session of a user; false when the user has no such session. */
export async function deleteUserSession(db: Db, userId: number, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes the sessions past their expiry (by its index); returns how many. */
export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of the users of a partner and of all its sub-partners. */
export async function deleteSessionsOfSubtree(db: Db, partnerId: number) {
  await db
    .deleteFrom('sessions')
    .where('user_id', 'in', (eb) =>
      eb
        .selectFrom('admin_users as u')
        .innerJoin('partners as p', 'p.id', 'u.partner_id')
        .where((inner) => partnerPathInScope(inner, { kind: 'subtree', rootPartnerId: partnerId }, 'p.path'))
        .select('u.id'),
    )
    .execute();
}

export async function recordLoginAttempt(
  db: Db,
  attempt: {
    login: string;
    ip: string;
    succeeded: boolean;
    user_id?: number | null;
    user_agent?: string | null;
  },
): Promise<number> {
  const row = await db.insertInto('login_attempts').values(attempt).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function markLoginAttemptSucceeded(db: Db, attemptId: number) {
  await db.updateTable('login_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
}

/** Names the user an attempt concerned: its login history lists it. */
export async function attributeLoginAttempt(db: Db, attemptId: number, userId: number) {
  await db.updateTable('login_attempts').set({ user_id: userId }).where('id', '=', attemptId).execute();
}

export async function countAdminUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('admin_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAdminUser(
  db: Db,
  user: {
    partnerId: number | null;
    role: AdminRole;
    login: string;
    name: string | null;
    passwordHash: string;
    email?: string | null;
    rights?: readonly string[];
    blocked?: boolean;
  },
): Promise<number> {
  const row = await db
    .insertInto('admin_users')
    .values({
      partner_id: user.partnerId,
      role: user.role,
      login: user.login,
      name: user.name,
      password_hash: user.passwordHash,
      email: user.email ?? null,
      rights: [...(user.rights ?? [])],
      blocked: user.blocked ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAdminPasswordHash(db: Db, userId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('admin_users')
    .where('id', '=', userId)
    .select('password_hash')
    .executeTakeFirst();
  return row?.password_hash;
}

/** Ends the sessions of a partner's administrator, except the one given (the session making the change). */
export async function deletePartnerAdminSessions(db: Db, partnerId: number, keepSessionId: string | null) {
  await db
    .deleteFrom('sessions')
    .where('id', '<>', keepSessionId ?? '')
    .where('user_id', 'in', (eb) =>
      eb
        .selectFrom('admin_users as u')
        .where('u.partner_id', '=', partnerId)
        .where('u.role', '=', 'partner_admin')
        .select('u.id'),
    )
    .execute();
}

/**
 * The allowed networks set on the user's partner and on each of its ancestors (the Configuration's
 * allowed_networks): each restricts its whole subtree, so every list found must let the address in.
 */
export async function findNetworkRestrictions(db: Db, partnerId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('partner_settings as s')
    .where('s.key', '=', 'allowed_networks')
    .where(
      sql<boolean>`s.partner_id = any((select path from partners where id = ${partnerId}::bigint)::bigint[])`,
    )
    .select('s.value')
    .execute();
  return rows.map((row) => row.value).filter((value): value is string => typeof value === 'string');
}
