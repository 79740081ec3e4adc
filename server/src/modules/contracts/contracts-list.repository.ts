import { sql, type SelectQueryBuilder } from 'kysely';
import { sortDirection } from '../../db/sort-direction.js';
import type { Db } from '../../db/connect.js';
import type { AccountType, Database } from '../../db/schema.js';
import { likePattern } from '../../lib/text.js';
import { blockingPartner, partnerIdInScope, partnerPathInScope, type Scope } from '../scope/scope.public.js';
import { isBalanceAccountOf } from '../ledger/ledger.public.js';
import { contractBalance } from './contracts.repository.js';
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
  debtBlocked?: boolean;
}

/** The list's tables, as the filters see them (partners `p` and tariffs `t` joined when they are read). */
type ContractListQuery = SelectQueryBuilder<
  Database & {
    c: Database['contracts'];
    p: Database['partners'];
    t: Database['tariffs'];
    la: Database['ledger_accounts'];
  },
  'c' | 'p' | 't' | 'la',
  object
>;

/*
 * The page's ids and the count read `contracts` alone, joined to `partners` or `tariffs` only when a
 * filter or the sort reads their names, and to the ledger accounts only when sorted by balance (the
 * partner join never drops a row: partner_id is NOT NULL; the others are left joins to one row at
 * most). The scope is the subtree's partner ids, not the joined partner's path.
 */
function selectContractIds(db: Db, filters: ContractListFilters, sort?: ContractSortColumn) {
  const query = db.selectFrom('contracts as c') as unknown as ContractListQuery;
  let q = query;
  if (filters.partnerName || sort === 'partner') {
    q = q.innerJoin('partners as p', 'p.id', 'c.partner_id');
  }
  if (filters.tariffName || sort === 'tariff') {
    q = q.leftJoin('tariffs as t', 't.id', 'c.tariff_id');
  }
  if (sort === 'balance') {
    // The contract's account in its currency (at most one: the accounts' unique index); one hash join
    // over the contracts' accounts, not one lookup per contract.
    q = q.leftJoin('ledger_accounts as la', (join) =>
      join.on(isBalanceAccountOf('la', 'contract', sql.ref('c.id'), sql.ref('c.currency'))),
    );
  }
  return q;
}

function applyFilters<Q extends SelectQueryBuilder<never, never, object>>(
  query: Q,
  filters: ContractListFilters,
): Q {
  let q = query as unknown as ContractListQuery;
  q = q.where((eb) => partnerIdInScope(eb, filters.scope, 'c.partner_id'));
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
  if (filters.debtBlocked !== undefined) q = q.where('c.debt_blocked', '=', filters.debtBlocked);
  return q as unknown as Q;
}

const sortExpressions: Record<ContractSortColumn, string> = {
  id: 'c.id',
  name: 'lower(c.name)',
  partner: 'lower(p.name)',
  tariff: 'lower(t.name)',
  balance: 'coalesce(la.balance, 0)',
  email: 'lower(c.email)',
  phone: 'c.phone',
  iin: 'c.iin',
  currency: 'c.currency',
  accountType: 'c.account_type',
  code1c: 'lower(c.code_1c)',
  active: 'c.active',
  isWarehouse: 'c.is_warehouse',
  blocked: 'c.blocked',
  debtBlocked: 'c.debt_blocked',
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
  const direction = sortDirection(options.order, nullableSortColumns.has(options.sort));
  const sortKey = sql.raw(sortExpressions[options.sort]);
  // Ids first: filter, sort and cut the page on contracts alone, then join the names for its rows only.
  const page = applyFilters(selectContractIds(db, options.filters, options.sort), options.filters)
    .select(['c.id', sql`${sortKey}`.as('sort_key')])
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy('c.id', options.order)
    .limit(options.limit)
    .offset(options.offset);
  return db
    .selectFrom(page.as('page'))
    .innerJoin('contracts as c', 'c.id', 'page.id')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .leftJoin('tariffs as t', 't.id', 'c.tariff_id')
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
      'c.debt_blocked',
      blockingPartner(options.filters.scope, sql.ref('p.path'), { includeSelf: true, usersToo: true }).as(
        'blocked_by',
      ),
      contractBalance().as('balance'),
      'c.comment',
      'c.archived_at',
    ])
    .orderBy(sql`page.sort_key ${direction}`)
    .orderBy('c.id', options.order)
    .execute();
}

export type ContractListRow = Awaited<ReturnType<typeof listContracts>>[number];

/** Whether the partners' live-contract counters (partners.accounts_count) answer the count alone. */
function countedByPartners(filters: ContractListFilters): boolean {
  const answered = new Set<string>(['scope', 'partnerId']);
  return (
    !filters.showDeleted &&
    Object.entries(filters).every(
      ([key, value]) => key === 'showDeleted' || answered.has(key) || value === undefined || value === '',
    )
  );
}

export async function countContracts(db: Db, filters: ContractListFilters): Promise<number> {
  if (countedByPartners(filters)) {
    /*
     * The live contracts of the scope (or of one partner in it) are the sum of the partners' own live
     * contracts, kept by the statement-level triggers of migration 0004 in the rows' own transaction.
     */
    let query = db
      .selectFrom('partners as p')
      .where((eb) => partnerPathInScope(eb, filters.scope, 'p.path'))
      .select(sql<number>`coalesce(sum(p.accounts_count), 0)`.as('n'));
    if (filters.partnerId !== undefined) query = query.where('p.id', '=', filters.partnerId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const row = await applyFilters(selectContractIds(db, filters), filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
