import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListQuery, RecordApi } from './record-api';

/** A record kind's list, page by page; the page shown stays while the next one loads. */
export function useRecordList<Item, Row>(api: RecordApi<Item, Row>, query: ListQuery) {
  return useQuery({
    queryKey: api.keys.list(query),
    queryFn: () => api.list(query),
    placeholderData: keepPreviousData,
  });
}

/** One record; nothing is asked while there is none (a window opened to add one). */
export function useRecord<Item, Row>(api: RecordApi<Item, Row>, id: number | null) {
  return useQuery({
    queryKey: api.keys.detail(id),
    queryFn: () => api.get(id!),
    enabled: id !== null,
  });
}

/** A record's change history, newest first. */
export function useRecordHistory<Item, Row>(api: RecordApi<Item, Row>, id: number) {
  return useQuery({ queryKey: api.keys.history(id), queryFn: () => api.history(id) });
}
