import { sql, type RawBuilder } from 'kysely';

/**
 * The SQL direction of a list's sort: empty values last either way. Columns that are never empty sort
 * plainly, so that a descending order can walk their index backwards.
 */
export function sortDirection(order: 'asc' | 'desc', nullable: boolean): RawBuilder<unknown> {
  return sql.raw(nullable ? `${order} nulls last` : order);
}
