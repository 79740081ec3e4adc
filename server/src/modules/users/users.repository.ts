import { sql, type SelectQueryBuilder } from 'kysely';
import { sortDirection } from '../../db/sort-direction.js';
import type { Db } from '../../db/connect.js';
import type { Database, PortalUserType } from '../../db/schema.js';
import { likePattern } from '../../lib/text.js';
import {
  partnerIdInScope,
  partnerPathInScope,
  passwordPolicyInForce,
  type Scope,
  blockingPartner,
} from '../scope/scope.public.js';

/** Whether a portal user (archived ones included: a login is never reused) has this login. */
export async function isLoginTaken(db: Db, login: string, exceptUserId?: number): Promise<boolean> {
  let query = db
    .selectFrom('portal_users')
    .where(sql`lower(login)`, '=', login.toLowerCase())
    .select('id');
  if (exceptUserId !== undefined) query = query.where('id', '<>', exceptUserId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export interface PortalUserColumns {
  partner_id: number;
  contract_id: number;
  login: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  type: PortalUserType;
  blocked: boolean;
}

export async function insertPortalUser(
  db: Db,
  row: PortalUserColumns & { password_hash: string },
): Promise<number> {
  const inserted = await db.insertInto('portal_users').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

function selectUserDetails(db: Db, scope: Scope) {
  return db
    .selectFrom('portal_users as u')
    .innerJoin('contracts as c', 'c.id', 'u.contract_id')
    .innerJoin('partners as p', 'p.id', 'u.partner_id')
    .select([
      'u.id',
      'u.partner_id',
      'p.name as partner_name',
      'u.contract_id',
      'c.name as contract_name',
      'u.login',
      'u.name',
      'u.phone',
      'u.email',
      'u.type',
      'u.blocked',
      'u.version',
      'u.created_at',
      'u.updated_at',
      'u.archived_at',
      passwordPolicyInForce.as('password_policy'),
      // A partner's Block Partner or Block users of accounts partner refuses its portal users.
      blockingPartner(scope, sql.ref('p.path'), { includeSelf: true, usersToo: true }).as('blocked_by'),
    ]);
}

export type PortalUserDetails = NonNullable<Awaited<ReturnType<typeof findPortalUser>>>;

export async function findPortalUser(db: Db, id: number, scope: Scope) {
  return selectUserDetails(db, scope)
    .where('u.id', '=', id)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
    .executeTakeFirst();
}

/** Updates when `version` is current and bumps it; false when someone else saved first. */
export async function updatePortalUserRow(
  db: Db,
  id: number,
  version: number,
  changes: Partial<PortalUserColumns> & { password_hash?: string; archived_at?: Date | null },
): Promise<boolean> {
  const result = await db
    .updateTable('portal_users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface UserListFilters {
  scope: Scope;
  search?: string;
  contractId?: number;
  partnerId?: number;
  type?: PortalUserType;
  blocked?: boolean;
  showDeleted?: boolean;
}

type UserListQuery = SelectQueryBuilder<
  Database & { u: Database['portal_users']; c: Database['contracts']; p: Database['partners'] },
  'u' | 'c' | 'p',
  object
>;

/*
 * The page's ids and the count read `portal_users` alone (scoped by the subtree's partner ids), joined
 * to contracts or partners only for a sort by their names; the foreign keys are NOT NULL, so the inner
 * joins never dropped a row. Each searched column has a trigram index (migration 0005).
 */
function filtered(db: Db, filters: UserListFilters, sort?: keyof typeof sortExpressions) {
  let query = db.selectFrom('portal_users as u') as unknown as UserListQuery;
  if (sort === 'contract') query = query.innerJoin('contracts as c', 'c.id', 'u.contract_id');
  if (sort === 'partner') query = query.innerJoin('partners as p', 'p.id', 'u.partner_id');
  query = query.where((eb) => partnerIdInScope(eb, filters.scope, 'u.partner_id'));
  if (!filters.showDeleted) query = query.where('u.archived_at', 'is', null);
  if (filters.search) {
    const pattern = likePattern(filters.search);
    query = query.where((eb) =>
      eb.or([
        eb('u.login', 'ilike', pattern),
        eb('u.name', 'ilike', pattern),
        eb('u.email', 'ilike', pattern),
        eb('u.phone', 'ilike', pattern),
      ]),
    );
  }
  if (filters.contractId !== undefined) query = query.where('u.contract_id', '=', filters.contractId);
  if (filters.partnerId !== undefined) query = query.where('u.partner_id', '=', filters.partnerId);
  if (filters.type !== undefined) query = query.where('u.type', '=', filters.type);
  if (filters.blocked !== undefined) query = query.where('u.blocked', '=', filters.blocked);
  return query;
}

const sortExpressions = {
  id: 'u.id',
  login: 'lower(u.login)',
  name: 'lower(u.name)',
  email: 'lower(u.email)',
  phone: 'u.phone',
  type: 'u.type',
  blocked: 'u.blocked',
  contract: 'lower(c.name)',
  partner: 'lower(p.name)',
  createdAt: 'u.created_at',
} as const;

export async function listPortalUsers(
  db: Db,
  options: {
    filters: UserListFilters;
    sort: keyof typeof sortExpressions;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
) {
  // Empty values sort last either way, as in the partners list.
  const direction = sortDirection(options.order, true);
  const sortKey = sql.raw(sortExpressions[options.sort]);
  // Ids first: filter, sort and cut the page on portal_users alone, then join the names for its rows.
  const page = filtered(db, options.filters, options.sort)
    .select(['u.id', sql`${sortKey}`.as('sort_key')])
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy('u.id', options.order)
    .limit(options.limit)
    .offset(options.offset);
  return selectUserDetails(db, options.filters.scope)
    .innerJoin(page.as('page'), 'page.id', 'u.id')
    .orderBy(sql`page.sort_key ${direction}`)
    .orderBy('u.id', options.order)
    .execute();
}

export async function countPortalUsers(db: Db, filters: UserListFilters): Promise<number> {
  const row = await filtered(db, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A user's portal login attempts, newest first. The caller has checked that the user is in scope. */
export async function findLoginAttempts(db: Db, userId: number, page: { limit: number; offset: number }) {
  return db
    .selectFrom('portal_login_attempts')
    .where('user_id', '=', userId)
    .select(['attempted_at', 'ip', 'result', 'master_login'])
    .orderBy('attempted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countLoginAttempts(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('portal_login_attempts')
    .where('user_id', '=', userId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a "Log in as" token by its hash: only whoever was shown the token can present it. */
export async function insertMasterToken(
  db: Db,
  token: {
    tokenHash: string;
    portalUserId: number;
    adminUserId: number;
    adminLogin: string;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('portal_master_tokens')
    .values({
      token_hash: token.tokenHash,
      portal_user_id: token.portalUserId,
      admin_user_id: token.adminUserId,
      admin_login: token.adminLogin,
      expires_at: token.expiresAt,
    })
    .execute();
}
