import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { TransferKind } from '../../db/schema.js';
import type { TransferRow } from '../ledger/ledger.public.js';
import type { TransferSortColumn } from './finance.schemas.js';

/** A transfer with the names a person reads beside it. */
export async function findTransfersByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await sql<TransferDetails>`
    select t.id, t.kind, t.currency, t.debit_account_id, t.credit_account_id, t.amount::text as amount,
           t.partner_id, p.name as partner_name, t.contract_id, c.name as contract_name,
           t.object_id, o.name as object_name, t.level, t.charge_day::text as charge_day, t.tariff_id,
           t.quantity, t.value_date::text as value_date, t.reverses_id, r.correction_id as reversed_by_id, t.comment,
           u.login as actor_login, u.partner_id as actor_partner_id, ap.path as actor_partner_path,
           t.created_at
      from ledger_transfers t
      join partners p on p.id = t.partner_id
      left join contracts c on c.id = t.contract_id
      left join objects o on o.id = t.object_id
      left join admin_users u on u.id = t.actor_user_id
      left join partners ap on ap.id = u.partner_id
      left join ledger_reversals r on r.reversed_id = t.id and r.object_id = 0
     where t.id = any(${[...ids]}::bigint[])`.execute(db);
  const byId = new Map(rows.rows.map((row) => [Number(row.id), row]));
  return ids.map((id) => byId.get(id)).filter((row): row is TransferDetails => row !== undefined);
}

/** A transfer with the names and logins the lists show. */
export interface TransferDetails extends Omit<TransferRow, 'billing_run_id' | 'actor_user_id'> {
  partner_name: string;
  contract_name: string | null;
  object_name: string | null;
  reversed_by_id: number | null;
  actor_login: string | null;
  actor_partner_id: number | null;
  actor_partner_path: number[] | null;
}

export interface TransferFilters {
  /**
   * The partners whose transfers may be listed (partner_id in it): the caller's subtree, or the one
   * partner filtered to; undefined for the whole platform.
   */
  partnerIds?: readonly number[];
  contractId?: number;
  /** Transfers that move one of these accounts (a contract's, or a partner's own balance accounts). */
  accountIds?: readonly number[];
  from?: string;
  to?: string;
  kind?: TransferKind;
}

/** Above this many partners a list is read in id order with a filter, not partner by partner. */
const MAX_PARTNERS_TO_WALK = 1000;

/*
 * Every query reads ledger_transfers alone through one of its indexes: (partner_id, id), (contract_id,
 * id), (value_date, id) or the primary key, so a page of the newest transfers of a partner, a subtree
 * or a contract is a few index ranges, not a scan of millions of rows.
 */
function conditionsOf(filters: TransferFilters, options: { withPartners: boolean }): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (options.withPartners && filters.partnerIds !== undefined) {
    conditions.push(sql`t.partner_id = any(${[...filters.partnerIds]}::bigint[])`);
  }
  if (filters.contractId !== undefined) conditions.push(sql`t.contract_id = ${filters.contractId}::bigint`);
  if (filters.accountIds !== undefined) {
    const ids = [...filters.accountIds];
    conditions.push(
      sql`(t.debit_account_id = any(${ids}::bigint[]) or t.credit_account_id = any(${ids}::bigint[]))`,
    );
  }
  if (filters.from !== undefined) conditions.push(sql`t.value_date >= ${filters.from}::date`);
  if (filters.to !== undefined) conditions.push(sql`t.value_date <= ${filters.to}::date`);
  /*
   * Charges are filtered, never searched by kind: the partial index of charges (ledger_charge_once_key)
   * serves the billing run's exactly-once rule, and a bitmap of millions of charges is never a good path
   * to a page. The rare kinds people make are found through ledger_transfers_manual_idx (kind <> 'charge').
   */
  if (filters.kind === 'charge') conditions.push(sql`(t.kind || '') = 'charge'`);
  else if (filters.kind !== undefined) conditions.push(sql`t.kind = ${filters.kind}`);
  return sql.join(conditions, sql` and `);
}

/**
 * Whether to walk the partners one by one: each partner's newest transfers are one backward range of
 * (partner_id, id), and a page of a subtree merges those (a filter on the whole table in id order would
 * pass over every other partner's rows first). A contract filter has its own index; a very large
 * subtree is most of the table anyway.
 */
function walksPartners(
  filters: TransferFilters,
): filters is TransferFilters & { partnerIds: readonly number[] } {
  return (
    filters.partnerIds !== undefined &&
    filters.contractId === undefined &&
    filters.partnerIds.length <= MAX_PARTNERS_TO_WALK
  );
}

/* createdAt follows the id: ids are handed out in insertion order, and one index serves both. */
const sortKeys: Record<TransferSortColumn, string[]> = {
  createdAt: ['id'],
  valueDate: ['value_date', 'id'],
  amount: ['amount', 'id'],
};

function orderOf(keys: string[], direction: 'asc' | 'desc', alias: string) {
  return sql.join(
    keys.map((key) => sql`${sql.ref(`${alias}.${key}`)} ${sql.raw(direction)}`),
    sql`, `,
  );
}

/** The ids of one page of transfers, in order. */
export async function listTransferIds(
  db: Db,
  options: {
    filters: TransferFilters;
    sort: TransferSortColumn;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
): Promise<number[]> {
  const { filters, order } = options;
  let keys = sortKeys[options.sort];
  // One day's transfers in id order are one range of the (value_date, id) index.
  if (options.sort === 'createdAt' && filters.from !== undefined && filters.from === filters.to) {
    keys = ['value_date', 'id'];
  }
  if (walksPartners(filters) && options.sort === 'createdAt') {
    // Each partner's first offset+limit rows in order, then the page of their merge.
    const rows = await sql<{ id: number }>`
      select w.id from unnest(${[...filters.partnerIds]}::bigint[]) as p(id)
      cross join lateral (
        select t.id, t.value_date from ledger_transfers t
         where t.partner_id = p.id and ${conditionsOf(filters, { withPartners: false })}
         order by ${orderOf(keys, order, 't')}
         limit ${options.offset + options.limit}) w
      order by ${orderOf(keys, order, 'w')}
      limit ${options.limit} offset ${options.offset}`.execute(db);
    return rows.rows.map((row) => Number(row.id));
  }
  const rows = await sql<{ id: number }>`
    select t.id from ledger_transfers t
     where ${conditionsOf(filters, { withPartners: true })}
     order by ${orderOf(keys, order, 't')}
     limit ${options.limit} offset ${options.offset}`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

/** The number of matching transfers, counted up to `cap` + 1 so that a huge list costs no full count. */
export async function countTransfers(db: Db, filters: TransferFilters, cap: number): Promise<number> {
  const row = walksPartners(filters)
    ? await sql<{ n: number }>`
        select count(*)::int8 as n from (
          select 1 from unnest(${[...filters.partnerIds]}::bigint[]) as p(id)
          cross join lateral (
            select 1 from ledger_transfers t
             where t.partner_id = p.id and ${conditionsOf(filters, { withPartners: false })}
             limit ${cap + 1}) w
          limit ${cap + 1}) capped`.execute(db)
    : await sql<{ n: number }>`
        select count(*)::int8 as n from (
          select 1 from ledger_transfers t where ${conditionsOf(filters, { withPartners: true })}
           limit ${cap + 1}) capped`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
