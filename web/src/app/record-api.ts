import type { HistoryEntry } from '../ui/history-table';
import { apiGet, apiRequest } from './api-client';
import type { Page } from './api-types';
import { listQueryString } from './list-query';
import type { RecordKeys } from './query-keys';

/** What a list asks: its page, sorting, search and filters, with the record kind's own parameters. */
export type ListQuery = Parameters<typeof listQueryString>[0];

/** Adds a record (id null) or changes one, sending the version read. */
export interface SaveRequest<Values> {
  id: number | null;
  values: Values;
  version?: number;
}

/**
 * The calls every record kind of the API answers alike at `path` (/partners, /contracts, …): the list,
 * a record, its history, add and change, delete (archive) and restore, and an action on a record
 * (clone, move, block). `Item` is the record as GET path/:id answers, `Row` a row of the list; `keys`
 * are where the cache keeps them.
 */
export function recordApi<Item, Row = Item>(path: string, keys: RecordKeys) {
  const recordPath = (id: number, action?: string) => `${path}/${id}${action ? `/${action}` : ''}`;
  return {
    keys,
    list: (query: ListQuery) => apiGet<Page<Row>>(`${path}${listQueryString(query)}`),
    get: (id: number) => apiGet<Item>(recordPath(id)),
    history: (id: number) => apiGet<{ items: HistoryEntry[] }>(recordPath(id, 'history')),
    save: <Values extends object>({ id, values, version }: SaveRequest<Values>) =>
      id === null
        ? apiRequest<Item>('POST', path, values)
        : apiRequest<Item>('PATCH', recordPath(id), { ...values, version }),
    archiveOrRestore: ({ id, restore }: { id: number; restore: boolean }) =>
      restore
        ? apiRequest<Item>('POST', recordPath(id, 'restore'))
        : apiRequest<Item>('DELETE', recordPath(id)),
    /** POST path/:id/<action>; the answer is the record unless said otherwise. */
    act: <Answer = Item>(id: number, action: string, body?: unknown) =>
      apiRequest<Answer>('POST', recordPath(id, action), body),
  };
}

export type RecordApi<Item, Row = Item> = ReturnType<typeof recordApi<Item, Row>>;
