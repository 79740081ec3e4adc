import { sql, type RawBuilder } from 'kysely';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Offset of the first row of a 1-based page. */
export function pageOffset({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize;
}

/**
 * The SQL direction of a list's sort: empty values last either way. Columns that are never empty sort
 * plainly, so that a descending order can walk their index backwards.
 */
export function sortDirection(order: 'asc' | 'desc', nullable: boolean): RawBuilder<unknown> {
  return sql.raw(nullable ? `${order} nulls last` : order);
}
