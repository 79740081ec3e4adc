import type { TablePaginationConfig } from 'antd';
import type { FilterValue, SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import type { SortState } from './sortable-column';

/** What every server-paged list asks the API: a page, its sorting, search, deleted rows, column filters. */
export interface PagedQuery extends SortState {
  page: number;
  pageSize: number;
  search?: string;
  showDeleted?: boolean;
  filters?: Record<string, string | undefined>;
}

interface PagedListOptions {
  /** The sorting when no column is sorted (the table's third click on a header). */
  defaultSort: string;
  /**
   * The API's filter parameter for a column's table key; a list without column filters leaves it out
   * and its query keeps no filters.
   */
  filterParamOf?: (columnKey: string) => string;
  /** Where the list starts instead (a link into it, such as the home page's): Clear filters leaves it. */
  start?: Partial<PagedQuery>;
}

/**
 * A server-paged list's state: the query sent to the API and the search box's text, with the changes
 * the toolbar and the table make to them. `initialQuery` is the list's starting point, also what
 * Clear filters goes back to (keeping the chosen page size).
 */
export function usePagedList<Query extends PagedQuery>(initialQuery: Query, options: PagedListOptions) {
  const [query, setQuery] = useState<Query>(() => ({ ...initialQuery, ...options.start }));
  const [searchText, setSearchText] = useState('');
  const { defaultSort, filterParamOf } = options;

  return {
    query,
    searchText,
    setSearchText,
    search: (text: string) => setQuery({ ...query, search: text.trim() || undefined, page: 1 }),
    setShowDeleted: (showDeleted: boolean) => setQuery({ ...query, showDeleted, page: 1 }),
    /** The list's own parameters changed (a filter outside the table, such as a partner): page 1. */
    setParams: (params: Partial<Query>) => setQuery({ ...query, ...params, page: 1 }),
    clear: () => {
      setSearchText('');
      setQuery({ ...initialQuery, pageSize: query.pageSize });
    },
    onTableChange: (
      pagination: TablePaginationConfig,
      filters: Record<string, FilterValue | null>,
      sorter: SorterResult<unknown> | SorterResult<unknown>[],
    ) => {
      const sort = sorter as SorterResult<unknown>;
      const next: Query = {
        ...query,
        page: pagination.current ?? 1,
        pageSize: pagination.pageSize ?? query.pageSize,
        sort: sort.order ? String(sort.columnKey) : defaultSort,
        order: sort.order === 'descend' ? 'desc' : 'asc',
      };
      // The table keys filters by column key; the API by its own parameter names.
      if (filterParamOf)
        next.filters = Object.fromEntries(
          Object.entries(filters).map(([key, value]) => [
            filterParamOf(key),
            value?.[0] ? String(value[0]) : undefined,
          ]),
        );
      setQuery(next);
    },
  };
}

export type PagedList<Query extends PagedQuery = PagedQuery> = ReturnType<typeof usePagedList<Query>>;
