/** The sorting a list query holds: the API's sort name and direction. */
export interface SortState {
  sort?: string;
  order?: 'asc' | 'desc';
}

/** A server-sorted column: its key is the API's sort name, its arrow shows the query's sorting. */
export function sortableColumn(state: SortState, key: string) {
  const sortOrder = state.sort === key ? (state.order === 'desc' ? 'descend' : 'ascend') : null;
  return { key, sorter: true, sortOrder } as const;
}
