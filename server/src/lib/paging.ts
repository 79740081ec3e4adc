/** Lists answer pages of this many rows unless asked for another size, up to MAX_PAGE_SIZE. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** The highest page number a list accepts: far past any list, well inside an integer. */
export const MAX_PAGE = 1_000_000;

/** The rows of a list query's 1-based page (its defaults filled in), as a LIMIT and an OFFSET. */
export function pageOf(
  query: { page?: number; pageSize?: number },
  defaultPageSize = DEFAULT_PAGE_SIZE,
): { limit: number; offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultPageSize;
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
