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
  /**
   * Where this browser remembers the list's column filters, as it remembers its column choice
   * (use-hidden-columns.ts): the list opens with them again, Clear filters forgets them. The key stays
   * the same across releases, or people would lose their filters. A link's own start wins over them.
   */
  rememberFiltersAs?: string;
}

type Filters = Record<string, string | undefined>;

/** The column filters saved under `storageKey` (those with a text value); none when unreadable. */
function savedFilters(storageKey: string | undefined): Filters | undefined {
  if (!storageKey) return undefined;
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
    if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return undefined;
    const filters = Object.entries(saved).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    );
    return filters.length > 0 ? Object.fromEntries(filters) : undefined;
  } catch {
    // An unreadable setting (or storage a private window refuses) leaves the list unfiltered.
    return undefined;
  }
}

/** Remembers the column filters set (forgets them when none is), where storage allows. */
function saveFilters(storageKey: string | undefined, filters: Filters) {
  if (!storageKey) return;
  const set = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  try {
    if (Object.keys(set).length === 0) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(set));
  } catch {
    // Not remembered where storage is refused; the list still filters.
  }
}

/**
 * A server-paged list's state: the query sent to the API and the search box's text, with the changes
 * the toolbar and the table make to them. `initialQuery` is the list's starting point, also what
 * Clear filters goes back to (keeping the chosen page size).
 */
export function usePagedList<Query extends PagedQuery>(initialQuery: Query, options: PagedListOptions) {
  const { defaultSort, filterParamOf, rememberFiltersAs } = options;
  const [query, setQuery] = useState<Query>(() => {
    const remembered = filterParamOf ? savedFilters(rememberFiltersAs) : undefined;
    return {
      ...initialQuery,
      ...(remembered ? { filters: { ...initialQuery.filters, ...remembered } } : {}),
      ...options.start,
    };
  });
  const [searchText, setSearchText] = useState('');

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
      saveFilters(rememberFiltersAs, {});
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
      // The table keys filters by column key; the API by its own parameter names. The list's filters
      // outside the table (a link's "blocked for debt", a range of days) stay as they are.
      if (filterParamOf) {
        const columnFilters = Object.fromEntries(
          Object.entries(filters).map(([key, value]) => [
            filterParamOf(key),
            value?.[0] ? String(value[0]) : undefined,
          ]),
        );
        next.filters = { ...query.filters, ...columnFilters };
        saveFilters(rememberFiltersAs, columnFilters);
      }
      setQuery(next);
    },
  };
}

export type PagedList<Query extends PagedQuery = PagedQuery> = ReturnType<typeof usePagedList<Query>>;
