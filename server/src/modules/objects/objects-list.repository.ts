import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { sortDirection } from '../../db/sort-direction.js';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { likePattern } from '../../lib/text.js';
import {
  partnerIdInScope,
  partnerPathInScope,
  subtreePartnerIds,
  type Scope,
} from '../scope/scope.public.js';
import type { ObjectSortColumn } from './objects.schemas.js';

export interface ObjectListFilters {
  scope: Scope;
  search?: string;
  showDeleted?: boolean;
  partnerId?: number;
  contractId?: number;
  tariffId?: number;
  active?: boolean;
  /** 'YYYY-MM-DD': the objects billed on that day (by their Active from and Active until). */
  activeOn?: string;
}

type ListTables = Database & {
  o: Database['objects'];
  p: Database['partners'];
  c: Database['contracts'];
  t: Database['tariffs'];
};

/*
 * The filters read `objects` alone: the scope is the partners of the subtree (objects carry their
 * contract's partner_id), so neither the page's ids nor the count join partners, contracts or tariffs
 * (every object has all three: the foreign keys are NOT NULL, so the joins never dropped a row).
 */
function applyFilters<Q extends SelectQueryBuilder<ListTables, 'o', object>>(
  query: Q,
  filters: ObjectListFilters,
  scopeForm: 'semi-join' | 'id-list' = 'semi-join',
): Q {
  let q = query as unknown as SelectQueryBuilder<ListTables, 'o', object>;
  if (filters.scope.kind === 'subtree' && scopeForm === 'id-list') {
    // The id list (computed once, before the scan) steers the planner to the partners' index ranges.
    q = q.where(sql<boolean>`o.partner_id = any(array(${subtreePartnerIds(filters.scope.rootPartnerId)}))`);
  } else {
    q = q.where((eb) => partnerIdInScope(eb, filters.scope, 'o.partner_id'));
  }
  if (!filters.showDeleted) q = q.where('o.archived_at', 'is', null);
  if (filters.search) {
    // Each column has a trigram index (migration 0005), which serves ILIKE '%…%' directly.
    const pattern = likePattern(filters.search);
    // Phones are stored in E.164; a search typed with spaces or dashes still finds them by digits.
    const digits = filters.search.replace(/[^\d+]/g, '');
    q = q.where((eb: ExpressionBuilder<ListTables, 'o'>) =>
      eb.or([
        eb('o.name', 'ilike', pattern),
        eb('o.device_id', 'ilike', pattern),
        eb('o.plate_number', 'ilike', pattern),
        eb('o.sim_phone', 'ilike', digits ? likePattern(digits) : pattern),
        eb('o.sim2_phone', 'ilike', digits ? likePattern(digits) : pattern),
      ]),
    );
  }
  if (filters.partnerId !== undefined) q = q.where('o.partner_id', '=', filters.partnerId);
  if (filters.contractId !== undefined) q = q.where('o.contract_id', '=', filters.contractId);
  if (filters.tariffId !== undefined) q = q.where('o.tariff_id', '=', filters.tariffId);
  if (filters.active !== undefined) q = q.where('o.active', '=', filters.active);
  if (filters.activeOn !== undefined) {
    const day = sql`${filters.activeOn}::date`;
    q = q.where(
      sql<boolean>`o.active_from <= ${day} and (o.active_until is null or o.active_until >= ${day})`,
    );
  }
  return q as unknown as Q;
}

const sortExpressions: Record<ObjectSortColumn, string> = {
  id: 'o.id',
  name: 'lower(o.name)',
  deviceId: 'lower(o.device_id)',
  deviceType: 'lower(o.device_type)',
  simPhone: 'o.sim_phone',
  plateNumber: 'lower(o.plate_number)',
  partner: 'lower(p.name)',
  contract: 'lower(c.name)',
  tariff: 'lower(t.name)',
  active: 'o.active',
  activeFrom: 'o.active_from',
  activeUntil: 'o.active_until',
  tariffPinnedAt: 'o.tariff_pinned_at',
  createdAt: 'o.created_at',
};

const nullableSortColumns = new Set<ObjectSortColumn>([
  'deviceType',
  'simPhone',
  'plateNumber',
  'activeUntil',
]);

/** The page's ids in order, read from `objects` alone, plus the one table a sort by its name needs. */
function selectPageIds(db: Db, sort: ObjectSortColumn) {
  const query = db.selectFrom('objects as o') as unknown as SelectQueryBuilder<ListTables, 'o', object>;
  if (sort === 'partner') return query.innerJoin('partners as p', 'p.id', 'o.partner_id');
  if (sort === 'contract') return query.innerJoin('contracts as c', 'c.id', 'o.contract_id');
  if (sort === 'tariff') return query.innerJoin('tariffs as t', 't.id', 'o.tariff_id');
  return query;
}

/*
 * A partner administrator's subtree with at most this many live objects is read whole and sorted:
 * otherwise the planner walks the whole table in id (or name) order looking for the subtree's objects,
 * which it takes to be spread evenly. They are not (a partner's objects are mostly created together):
 * 240,000 rows read for 50 kept, about 1 s, for a second-level partner with 6,478 objects.
 */
const SMALL_SUBTREE_OBJECTS = 20_000;

/** The live objects of a scope, from the partners' counters (see countObjects). */
async function liveObjectsOfSubtree(db: Db, rootPartnerId: number): Promise<number> {
  const row = await db
    .selectFrom('partners as p')
    .where((eb) => partnerPathInScope(eb, { kind: 'subtree', rootPartnerId }, 'p.path'))
    .select(sql<number>`coalesce(sum(p.vehicles_count), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listObjects(
  db: Db,
  options: {
    filters: ObjectListFilters;
    sort: ObjectSortColumn;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
) {
  const { filters } = options;
  // Empty values sort last either way; the id breaks ties so pages never overlap.
  const nullable = nullableSortColumns.has(options.sort);
  const direction = sortDirection(options.order, nullable);
  const sortKey = sql.raw(sortExpressions[options.sort]);
  // Ids first: filter, sort and cut the page on objects alone, then join the names for its rows only.
  const readWhole =
    filters.scope.kind === 'subtree' &&
    !filters.search &&
    filters.partnerId === undefined &&
    filters.contractId === undefined &&
    (await liveObjectsOfSubtree(db, filters.scope.rootPartnerId)) <= SMALL_SUBTREE_OBJECTS;
  const matching = applyFilters(
    selectPageIds(db, options.sort),
    filters,
    readWhole ? 'id-list' : 'semi-join',
  ).select(['o.id', sql`${sortKey}`.as('sort_key')]);
  const sorted = matching
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy('o.id', options.order)
    .limit(options.limit)
    .offset(options.offset);
  const page = readWhole
    ? (db
        .with(
          (cte) => cte('matching').materialized(),
          () => matching,
        )
        .selectFrom('matching')
        .select(['matching.id', 'matching.sort_key'])
        .orderBy(sql`matching.sort_key ${direction}`)
        .orderBy('matching.id', options.order)
        .limit(options.limit)
        .offset(options.offset) as unknown as typeof sorted)
    : sorted;
  return db
    .selectFrom(page.as('page'))
    .innerJoin('objects as o', 'o.id', 'page.id')
    .innerJoin('partners as p', 'p.id', 'o.partner_id')
    .innerJoin('contracts as c', 'c.id', 'o.contract_id')
    .innerJoin('tariffs as t', 't.id', 'o.tariff_id')
    .selectAll('o')
    .select(['p.name as partner_name', 'c.name as contract_name', 't.name as tariff_name'])
    .orderBy(sql`page.sort_key ${direction}`)
    .orderBy('o.id', options.order)
    .execute();
}

/** Filters that the partners' live-object counters (partners.vehicles_count) answer alone. */
function countedByPartners(filters: ObjectListFilters): boolean {
  return (
    !filters.showDeleted &&
    !filters.search &&
    filters.contractId === undefined &&
    filters.tariffId === undefined &&
    filters.active === undefined &&
    filters.activeOn === undefined
  );
}

export async function countObjects(db: Db, filters: ObjectListFilters): Promise<number> {
  if (countedByPartners(filters)) {
    /*
     * The live objects of the scope (or of one partner in it) are the sum of the partners' own live
     * objects, kept by the statement-level triggers of migration 0004 in the same transaction as the
     * rows: the same number as counting them, without reading up to 1,000,000 rows.
     */
    if (filters.scope.kind === 'subtree' && filters.partnerId === undefined) {
      return liveObjectsOfSubtree(db, filters.scope.rootPartnerId);
    }
    let query = db
      .selectFrom('partners as p')
      .where((eb) => partnerPathInScope(eb, filters.scope, 'p.path'))
      .select(sql<number>`coalesce(sum(p.vehicles_count), 0)`.as('n'));
    if (filters.partnerId !== undefined) query = query.where('p.id', '=', filters.partnerId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const query = db.selectFrom('objects as o') as unknown as SelectQueryBuilder<ListTables, 'o', object>;
  const row = await applyFilters(query, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
