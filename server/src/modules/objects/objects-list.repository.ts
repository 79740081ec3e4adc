import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { likePattern } from '../../lib/text.js';
import type { Scope } from '../auth/actor.js';
import { objectInScope, selectObjectDetails } from './objects.repository.js';
import type { ObjectSortColumn } from './objects.schemas.js';

export interface ObjectListFilters {
  scope: Scope;
  search?: string;
  showDeleted?: boolean;
  partnerId?: number;
  contractId?: number;
  tariffId?: number;
  active?: boolean;
}

type ObjectListQuery = ReturnType<typeof selectObjectDetails>;

function applyFilters(query: ObjectListQuery, filters: ObjectListFilters): ObjectListQuery {
  let q = query.where(objectInScope(filters.scope));
  if (!filters.showDeleted) q = q.where('o.archived_at', 'is', null);
  if (filters.search) {
    const pattern = likePattern(filters.search);
    // Phones are stored in E.164; a search typed with spaces or dashes still finds them by digits.
    const digits = filters.search.replace(/[^\d+]/g, '');
    q = q.where((eb) =>
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
  return q;
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
  tariffPinnedAt: 'o.tariff_pinned_at',
  createdAt: 'o.created_at',
};

const nullableSortColumns = new Set<ObjectSortColumn>(['deviceType', 'simPhone', 'plateNumber']);

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
  // Empty values sort last either way; the id breaks ties so pages never overlap.
  const nullable = nullableSortColumns.has(options.sort);
  const direction = sql.raw(`${options.order}${nullable ? ' nulls last' : ''}`);
  return applyFilters(selectObjectDetails(db), options.filters)
    .orderBy(sql`${sql.raw(sortExpressions[options.sort])} ${direction}`)
    .orderBy('o.id', options.order)
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countObjects(db: Db, filters: ObjectListFilters): Promise<number> {
  const row = await applyFilters(selectObjectDetails(db), filters)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
