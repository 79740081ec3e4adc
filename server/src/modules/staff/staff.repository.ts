import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { AdminRole } from '../../db/schema.js';
import { sortDirection } from '../../db/sort-direction.js';
import { likePattern } from '../../lib/text.js';
import { partnerPathInScope, type Scope } from '../scope/scope.public.js';
import type { StaffSortColumn } from './staff.schemas.js';

/*
 * Admin-panel users as the Staff section sees them: the staff users and administrators of the scope's
 * partners (and, for the platform, its own people). A user outside the scope reads like a missing one.
 */
function selectStaff(db: Db, scope: Scope) {
  return db
    .selectFrom('admin_users as u')
    .leftJoin('partners as p', 'p.id', 'u.partner_id')
    .where((eb) =>
      scope.kind === 'platform'
        ? eb.val(true)
        : eb.and([eb('u.partner_id', 'is not', null), partnerPathInScope(eb, scope, 'p.path')]),
    )
    .select([
      'u.id',
      'u.partner_id',
      'p.name as partner_name',
      'u.role',
      'u.login',
      'u.name',
      'u.email',
      'u.rights',
      'u.blocked',
      'u.version',
      'u.created_at',
      'u.updated_at',
      'u.archived_at',
    ]);
}

export type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaffUser>>>;

export async function findStaffUser(db: Db, id: number, scope: Scope) {
  return selectStaff(db, scope).where('u.id', '=', id).executeTakeFirst();
}

export interface StaffFilters {
  scope: Scope;
  search?: string;
  partnerId?: number;
  role?: AdminRole;
  showDeleted: boolean;
}

function filtered(db: Db, filters: StaffFilters) {
  let query = selectStaff(db, filters.scope);
  if (!filters.showDeleted) query = query.where('u.archived_at', 'is', null);
  if (filters.partnerId !== undefined) query = query.where('u.partner_id', '=', filters.partnerId);
  if (filters.role !== undefined) query = query.where('u.role', '=', filters.role);
  if (filters.search) {
    const pattern = likePattern(filters.search);
    query = query.where((eb) =>
      eb.or([
        eb('u.login', 'ilike', pattern),
        eb('u.name', 'ilike', pattern),
        eb('u.email', 'ilike', pattern),
      ]),
    );
  }
  return query;
}

const sortExpressions: Record<StaffSortColumn, { column: string; nullable: boolean }> = {
  id: { column: 'u.id', nullable: false },
  login: { column: 'lower(u.login)', nullable: false },
  name: { column: 'lower(u.name)', nullable: true },
  email: { column: 'lower(u.email)', nullable: true },
  role: { column: 'u.role', nullable: false },
  blocked: { column: 'u.blocked', nullable: false },
  partner: { column: 'lower(p.name)', nullable: true },
  createdAt: { column: 'u.created_at', nullable: false },
};

export async function listStaff(
  db: Db,
  filters: StaffFilters,
  options: { sort: StaffSortColumn; order: 'asc' | 'desc'; limit: number; offset: number },
) {
  const sort = sortExpressions[options.sort];
  return filtered(db, filters)
    .orderBy(sql`${sql.raw(sort.column)} ${sortDirection(options.order, sort.nullable)}`)
    .orderBy('u.id', options.order)
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countStaff(db: Db, filters: StaffFilters): Promise<number> {
  const row = await filtered(db, filters)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StaffColumns {
  login?: string;
  name?: string | null;
  email?: string | null;
  rights?: string[];
  blocked?: boolean;
  password_hash?: string;
  archived_at?: Date | null;
}

/** Writes a change at the version read; false when someone else changed the user first. */
export async function updateStaffRow(db: Db, id: number, version: number, columns: StaffColumns) {
  const result = await db
    .updateTable('admin_users')
    .set({ ...columns, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Ends every session of a user (blocked means logged out everywhere, and unblocking revives none);
 * its API tokens are refused while it is blocked (auth's live-user rule) and revoked when it is archived.
 */
export async function endUserSessions(db: Db, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function revokeUserTokens(db: Db, userId: number) {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A page of an admin-panel user's sign-in attempts, newest first. */
export async function findAdminLoginAttempts(
  db: Db,
  userId: number,
  page: { limit: number; offset: number },
) {
  return db
    .selectFrom('login_attempts')
    .where('user_id', '=', userId)
    .select(['attempted_at', 'ip', 'succeeded', 'user_agent'])
    .orderBy('attempted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAdminLoginAttempts(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .where('user_id', '=', userId)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A user's new password; the version moves on, so a form opened on the old one reloads. */
export async function setPasswordHash(db: Db, userId: number, passwordHash: string) {
  await db
    .updateTable('admin_users')
    .set({ password_hash: passwordHash, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Ends a user's sessions but the one it acts in: after its password changed, whoever else held one is out. */
export async function endOtherSessions(db: Db, userId: number, keptSessionId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keptSessionId).execute();
}
