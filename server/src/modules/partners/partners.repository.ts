import { sql, type SelectQueryBuilder } from 'kysely';
import { sortDirection } from '../../db/sort-direction.js';
import type { Db } from '../../db/connect.js';
import type { Database, NewPartnerRow, PartnerRowUpdate } from '../../db/schema.js';
import { likePattern } from '../../lib/text.js';
import { isBalanceAccountOf, ownerBalance } from '../ledger/ledger.public.js';
import { blockingPartner, inSubtree, partnerPathInScope, type Scope } from '../scope/scope.public.js';
import type { PartnerSortColumn } from './partners.schemas.js';

/** The partner's Balance: its ledger account with its parent in its currency, 0 before any movement. */
const partnerBalance = () => ownerBalance('partner', sql.ref('p.id'), sql.ref('p.currency'));

function selectPartnerDetails(db: Db) {
  return db
    .selectFrom('partners as p')
    .leftJoin('admin_users as u', (join) =>
      join.onRef('u.partner_id', '=', 'p.id').on('u.role', '=', 'partner_admin'),
    )
    .leftJoin('partners as parent', 'parent.id', 'p.parent_id')
    .leftJoin('tariffs as price', 'price.id', 'p.price_tariff_id')
    .leftJoin('tariffs as pprice', 'pprice.id', 'p.partner_price_tariff_id')
    .selectAll('p')
    .select((eb) => [
      'u.login',
      'u.id as admin_user_id',
      'parent.name as parent_name',
      'price.name as price_tariff_name',
      'pprice.name as partner_price_tariff_name',
      partnerBalance().as('balance'),
      eb
        .exists(
          eb
            .selectFrom('partners as a')
            .select('a.id')
            .where(sql<boolean>`a.id = any(p.path) and a.id <> p.id and a.blocked`),
        )
        .as('blocked_by_ancestor'),
      eb
        .exists(
          eb
            .selectFrom('partners as a')
            .select('a.id')
            .where(sql<boolean>`a.id = any(p.path) and a.id <> p.id and a.users_blocked`),
        )
        .as('users_blocked_by_ancestor'),
    ]);
}

export type PartnerDetails = NonNullable<Awaited<ReturnType<typeof findPartner>>>;

export async function findPartner(db: Db, id: number, scope: Scope) {
  return selectPartnerDetails(db)
    .select(
      blockingPartner(scope, sql.ref('p.path'), { includeSelf: false, usersToo: false }).as('blocked_by'),
    )
    .where('p.id', '=', id)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
    .executeTakeFirst();
}

/** The next partner id, taken before the insert because the row's path ends with it. */
export async function nextPartnerId(db: Db): Promise<number> {
  const result = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('partners', 'id'))::int8 as id`.execute(db);
  return result.rows[0]!.id;
}

export async function insertPartner(db: Db, row: NewPartnerRow) {
  await db.insertInto('partners').values(row).execute();
}

/** Updates when `version` is current and bumps it; false when someone else saved first. */
export async function updatePartnerRow(db: Db, id: number, version: number, changes: PartnerRowUpdate) {
  const result = await db
    .updateTable('partners')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Re-roots a moved partner's whole subtree under its new parent's path, in one statement. */
export async function movePartnerSubtree(db: Db, id: number, newParentPath: number[]) {
  await sql`
    update partners
       set path = ${newParentPath}::bigint[] || path[array_position(path, ${id}::bigint):]
     where ${inSubtree(id, sql.ref('path'))}`.execute(db);
}

/**
 * After a move: whether a partner of the subtree now holds a tariff its new ancestry may not use — a
 * Price owned outside its own path, or a Partner price not owned by one of its ancestors.
 */
export async function subtreeHasUnusableTariffs(db: Db, id: number): Promise<boolean> {
  const result = await sql<{ found: number }>`
    select 1 as found
      from partners p
      join tariffs t on t.id = p.price_tariff_id or t.id = p.partner_price_tariff_id
     where ${inSubtree(id, sql.ref('p.path'))}
       and t.owner_partner_id is not null
       and (
         (t.id = p.price_tariff_id and not t.owner_partner_id = any(p.path))
         or (t.id = p.partner_price_tariff_id and (t.owner_partner_id = p.id or not t.owner_partner_id = any(p.path)))
       )
     limit 1`.execute(db);
  return result.rows.length > 0;
}

export async function hasLiveSubpartners(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('partners')
    .where('parent_id', '=', id)
    .where('archived_at', 'is', null)
    .select('id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the partner has contracts that are not archived: they would bill under a partner that is gone. */
export async function hasLiveContracts(db: Db, partnerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('contracts')
    .where('partner_id', '=', partnerId)
    .where('archived_at', 'is', null)
    .select('id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setPartnerArchived(db: Db, id: number, archivedAt: Date | null) {
  await db
    .updateTable('partners')
    .set((eb) => ({ archived_at: archivedAt, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

export async function updatePartnerAdmin(
  db: Db,
  partnerId: number,
  changes: { login?: string; password_hash?: string },
) {
  await db
    .updateTable('admin_users')
    .set({ ...changes, updated_at: new Date() })
    .where('partner_id', '=', partnerId)
    .where('role', '=', 'partner_admin')
    .execute();
}

export interface PartnerListFilters {
  scope: Scope;
  search?: string;
  showDeleted?: boolean;
  id?: number;
  name?: string;
  email?: string;
  phone?: string;
  login?: string;
  comment?: string;
  /** Email or phone contains: the list's one Email/Phone column. */
  emailPhone?: string;
  tariffName?: string;
  parentName?: string;
  /** Leaves out a partner and its sub-partners: the choices of a new parent for it. */
  excludeSubtreeOf?: number;
  parentId?: number;
  priceTariffId?: number;
  currency?: string;
  region?: string;
  accountType?: string;
  blocked?: boolean;
}

/** The list's tables as the filters and sort keys see them (the joins are made when they are read). */
type PartnerListQuery = SelectQueryBuilder<
  Database & {
    p: Database['partners'];
    u: Database['admin_users'];
    parent: Database['partners'];
    price: Database['tariffs'];
    la: Database['ledger_accounts'];
  },
  'p' | 'u' | 'parent' | 'price' | 'la',
  object
>;

/*
 * The page's ids and the count read `partners` alone, joined only to what the sort reads (every join is
 * a left join to at most one row: one partner administrator per partner, one parent, one Price, so none
 * changes the rows). Searches on the administrator's login go through admin_users' own index.
 */
function selectPartnerIds(db: Db, filters: PartnerListFilters, sort?: PartnerSortColumn) {
  let q = db.selectFrom('partners as p') as unknown as PartnerListQuery;
  if (sort === 'login') {
    q = q.leftJoin('admin_users as u', (join) =>
      join.onRef('u.partner_id', '=', 'p.id').on('u.role', '=', 'partner_admin'),
    );
  }
  if (filters.parentName || sort === 'parent')
    q = q.leftJoin('partners as parent', 'parent.id', 'p.parent_id');
  if (filters.tariffName || sort === 'tariff')
    q = q.leftJoin('tariffs as price', 'price.id', 'p.price_tariff_id');
  if (sort === 'balance') {
    // Its balance account in its currency (one at most: the accounts' unique index), in one hash join.
    q = q.leftJoin('ledger_accounts as la', (join) =>
      join.on(isBalanceAccountOf('la', 'partner', sql.ref('p.id'), sql.ref('p.currency'))),
    );
  }
  return q;
}

/** Partners whose partner administrator's login contains the text (trigram index of migration 0005). */
function partnerAdminLoginContains(pattern: string) {
  return sql<boolean>`p.id in (select partner_id from admin_users
    where role = 'partner_admin' and login ilike ${pattern})`;
}

/**
 * The partner `p` is one the list's Search finds: its name, email, phone, IIN or 1C code, or its
 * administrator's login, contains the text. One id list from the columns' trigram indexes (an OR over
 * p's columns and a subquery on admin_users could use none of them): the same partners as the six
 * ILIKEs on the joined row. The partner tree's search finds the same partners.
 */
export function partnerSearchMatches(search: string) {
  const pattern = likePattern(search);
  return sql<boolean>`p.id in (
    select id from partners
     where name ilike ${pattern} or email ilike ${pattern} or phone ilike ${pattern}
        or iin ilike ${pattern} or code_1c ilike ${pattern}
    union all
    select partner_id from admin_users where role = 'partner_admin' and login ilike ${pattern})`;
}

function applyFilters<Q extends SelectQueryBuilder<never, never, object>>(
  query: Q,
  filters: PartnerListFilters,
): Q {
  let q = query as unknown as PartnerListQuery;
  q = q.where((eb) => partnerPathInScope(eb, filters.scope, 'p.path'));
  if (!filters.showDeleted) q = q.where('p.archived_at', 'is', null);
  if (filters.search) q = q.where(partnerSearchMatches(filters.search));
  const contains = [
    ['p.name', filters.name],
    ['p.email', filters.email],
    ['p.phone', filters.phone],
    ['p.comment', filters.comment],
    ['price.name', filters.tariffName],
    ['parent.name', filters.parentName],
  ] as const;
  for (const [column, text] of contains) {
    if (text) q = q.where(column, 'ilike', likePattern(text));
  }
  if (filters.login) q = q.where(partnerAdminLoginContains(likePattern(filters.login)));
  if (filters.emailPhone) {
    const pattern = likePattern(filters.emailPhone);
    q = q.where((eb) => eb.or([eb('p.email', 'ilike', pattern), eb('p.phone', 'ilike', pattern)]));
  }
  if (filters.excludeSubtreeOf !== undefined) {
    q = q.where(sql<boolean>`not (${inSubtree(filters.excludeSubtreeOf, sql.ref('p.path'))})`);
  }
  if (filters.id !== undefined) q = q.where('p.id', '=', filters.id);
  if (filters.parentId !== undefined) q = q.where('p.parent_id', '=', filters.parentId);
  // The root of a partner administrator's subtree hangs under a parent outside it, which does not
  // exist for it: no filter by the parent may match the root's own row (security review, finding 4).
  if (filters.scope.kind === 'subtree' && (filters.parentId !== undefined || filters.parentName)) {
    q = q.where('p.id', '<>', filters.scope.rootPartnerId);
  }
  if (filters.priceTariffId !== undefined) q = q.where('p.price_tariff_id', '=', filters.priceTariffId);
  if (filters.currency) q = q.where('p.currency', '=', filters.currency.toUpperCase());
  if (filters.region) q = q.where('p.region', '=', filters.region);
  if (filters.accountType) q = q.where('p.account_type', '=', filters.accountType as never);
  if (filters.blocked !== undefined) q = q.where('p.blocked', '=', filters.blocked);
  return q as unknown as Q;
}

const sortExpressions: Record<PartnerSortColumn, string> = {
  id: 'p.id',
  name: 'lower(p.name)',
  tariff: 'lower(price.name)',
  balance: 'coalesce(la.balance, 0)',
  email: 'lower(p.email)',
  phone: 'p.phone',
  login: 'lower(u.login)',
  accountsCount: 'p.accounts_count',
  vehiclesCount: 'p.vehicles_count',
  parent: 'lower(parent.name)',
  comment: 'lower(p.comment)',
  createdAt: 'p.created_at',
};

const nullableSortColumns = new Set<PartnerSortColumn>([
  'tariff',
  'email',
  'phone',
  'login',
  'parent',
  'comment',
]);

export async function listPartners(
  db: Db,
  options: {
    filters: PartnerListFilters;
    sort: PartnerSortColumn;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
) {
  const direction = sortDirection(options.order, nullableSortColumns.has(options.sort));
  const { scope } = options.filters;
  // Nor may the order by parent place the root's row by its hidden parent's name: it sorts as empty.
  const sortKey =
    options.sort === 'parent' && scope.kind === 'subtree'
      ? sql`case when p.id = ${scope.rootPartnerId}::bigint then null else ${sql.raw(sortExpressions.parent)} end`
      : sql.raw(sortExpressions[options.sort]);
  // Ids first: filter, sort and cut the page on partners alone, then join the names for its rows only.
  const page = applyFilters(selectPartnerIds(db, options.filters, options.sort), options.filters)
    .select(['p.id', sql`${sortKey}`.as('sort_key')])
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy('p.id', options.order)
    .limit(options.limit)
    .offset(options.offset);
  const rows = db
    .selectFrom(page.as('page'))
    .innerJoin('partners as p', 'p.id', 'page.id')
    .leftJoin('admin_users as u', (join) =>
      join.onRef('u.partner_id', '=', 'p.id').on('u.role', '=', 'partner_admin'),
    )
    .leftJoin('partners as parent', 'parent.id', 'p.parent_id')
    .leftJoin('tariffs as price', 'price.id', 'p.price_tariff_id')
    .select([
      'p.id',
      'p.name',
      'p.price_tariff_id',
      'price.name as price_tariff_name',
      'p.currency',
      'p.email',
      'p.phone',
      'u.login',
      'p.accounts_count',
      'p.vehicles_count',
      'p.parent_id',
      'parent.name as parent_name',
      'p.comment',
      'p.blocked',
      'p.users_blocked',
      'p.archived_at',
      partnerBalance().as('balance'),
      blockingPartner(scope, sql.ref('p.path'), { includeSelf: false, usersToo: false }).as('blocked_by'),
    ])
    .orderBy(sql`page.sort_key ${direction}`)
    .orderBy('p.id', options.order)
    .execute();
  return rows;
}

export type PartnerListRow = Awaited<ReturnType<typeof listPartners>>[number];

export async function countPartners(db: Db, filters: PartnerListFilters): Promise<number> {
  const row = await applyFilters(selectPartnerIds(db, filters), filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
