import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { AccountType } from '../../db/schema.js';
import { likePattern } from '../../lib/text.js';
import type { Scope } from '../auth/actor.js';
import { inScope } from '../partners/partners.repository.js';
import type { ContractSortColumn } from './contracts.schemas.js';

export interface ContractListFilters {
  scope: Scope;
  search?: string;
  showDeleted?: boolean;
  id?: number;
  /** That partner's own contracts (not its sub-partners'). */
  partnerId?: number;
  name?: string;
  email?: string;
  phone?: string;
  iin?: string;
  code1c?: string;
  comment?: string;
  partnerName?: string;
  tariffName?: string;
  tariffId?: number;
  currency?: string;
  accountType?: AccountType;
  active?: boolean;
  isWarehouse?: boolean;
  blocked?: boolean;
}

function selectContractList(db: Db) {
  return db
    .selectFrom('contracts as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .leftJoin('tariffs as t', 't.id', 'c.tariff_id');
}

type ContractListQuery = ReturnType<typeof selectContractList>;

function applyFilters<Q extends SelectQueryBuilder<never, never, object>>(
  query: Q,
  filters: ContractListFilters,
): Q {
  let q = query as unknown as ContractListQuery;
  q = q.where(inScope(filters.scope));
  if (!filters.showDeleted) q = q.where('c.archived_at', 'is', null);
  if (filters.search) {
    const pattern = likePattern(filters.search);
    q = q.where((eb) =>
      eb.or([
        eb('c.name', 'ilike', pattern),
        eb('c.email', 'ilike', pattern),
        eb('c.phone', 'ilike', pattern),
        eb('c.iin', 'ilike', pattern),
        eb('c.code_1c', 'ilike', pattern),
      ]),
    );
  }
  const contains = [
    ['c.name', filters.name],
    ['c.email', filters.email],
    ['c.phone', filters.phone],
    ['c.iin', filters.iin],
    ['c.code_1c', filters.code1c],
    ['c.comment', filters.comment],
    ['p.name', filters.partnerName],
    ['t.name', filters.tariffName],
  ] as const;
  for (const [column, text] of contains) {
    if (text) q = q.where(column, 'ilike', likePattern(text));
  }
  if (filters.id !== undefined) q = q.where('c.id', '=', filters.id);
  if (filters.partnerId !== undefined) q = q.where('c.partner_id', '=', filters.partnerId);
  if (filters.tariffId !== undefined) q = q.where('c.tariff_id', '=', filters.tariffId);
  if (filters.currency) q = q.where('c.currency', '=', filters.currency.toUpperCase());
  if (filters.accountType) q = q.where('c.account_type', '=', filters.accountType);
  if (filters.active !== undefined) q = q.where('c.active', '=', filters.active);
  if (filters.isWarehouse !== undefined) q = q.where('c.is_warehouse', '=', filters.isWarehouse);
  if (filters.blocked !== undefined) q = q.where('c.blocked', '=', filters.blocked);
  return q as unknown as Q;
}

const sortExpressions: Record<ContractSortColumn, string> = {
  id: 'c.id',
  name: 'lower(c.name)',
  partner: 'lower(p.name)',
  tariff: 'lower(t.name)',
  // The ledger arrives with billing; until then every balance is zero and the id keeps the order stable.
  balance: 'c.id',
  email: 'lower(c.email)',
  phone: 'c.phone',
  iin: 'c.iin',
  currency: 'c.currency',
  accountType: 'c.account_type',
  code1c: 'lower(c.code_1c)',
  active: 'c.active',
  isWarehouse: 'c.is_warehouse',
  blocked: 'c.blocked',
  comment: 'lower(c.comment)',
  createdAt: 'c.created_at',
};

const nullableSortColumns = new Set<ContractSortColumn>([
  'tariff',
  'email',
  'phone',
  'iin',
  'code1c',
  'comment',
]);

export async function listContracts(
  db: Db,
  options: {
    filters: ContractListFilters;
    sort: ContractSortColumn;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
) {
  // Empty values sort last either way, as in the partners list.
  const nullable = nullableSortColumns.has(options.sort);
  const direction =
    options.order === 'desc'
      ? sql.raw(nullable ? 'desc nulls last' : 'desc')
      : sql.raw(nullable ? 'asc nulls last' : 'asc');
  return applyFilters(selectContractList(db), options.filters)
    .select([
      'c.id',
      'c.name',
      'c.partner_id',
      'p.name as partner_name',
      'c.tariff_id',
      't.name as tariff_name',
      'c.currency',
      'c.email',
      'c.phone',
      'c.iin',
      'c.account_type',
      'c.blocking_limit',
      'c.code_1c',
      'c.active',
      'c.is_warehouse',
      'c.blocked',
      'c.comment',
      'c.archived_at',
    ])
    .orderBy(sql`${sql.raw(sortExpressions[options.sort])} ${direction}`)
    .orderBy('c.id', options.order)
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export type ContractListRow = Awaited<ReturnType<typeof listContracts>>[number];

export async function countContracts(db: Db, filters: ContractListFilters): Promise<number> {
  const row = await applyFilters(selectContractList(db), filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
