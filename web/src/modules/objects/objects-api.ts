import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest, apiUpload, queryString } from '../../app/api-client';
import type {
  ContractChoice,
  HistoryEntry,
  ImportReport,
  ObjectFormValues,
  Page,
  TrackedObject,
} from './object-types';

export interface ObjectListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  search?: string;
  showDeleted?: boolean;
  partnerId?: number;
  contractId?: number;
}

export function objectListPath(query: Partial<ObjectListQuery> & { format?: 'csv' | 'xlsx' }) {
  return queryString({ ...query, showDeleted: query.showDeleted || undefined });
}

export function useObjectList(query: ObjectListQuery) {
  return useQuery({
    queryKey: ['objects', 'list', query],
    queryFn: () => apiGet<Page<TrackedObject>>(`/objects${objectListPath(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useObject(id: number | null) {
  return useQuery({
    queryKey: ['objects', 'one', id],
    queryFn: () => apiGet<TrackedObject>(`/objects/${id}`),
    enabled: id !== null,
  });
}

export function useObjectHistory(id: number) {
  return useQuery({
    queryKey: ['objects', 'history', id],
    queryFn: () => apiGet<{ items: HistoryEntry[] }>(`/objects/${id}/history`),
  });
}

/** Everything that shows objects or counts them is refetched after a change. */
function useInvalidateObjects() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['objects'] }),
      queryClient.invalidateQueries({ queryKey: ['contracts'] }),
      queryClient.invalidateQueries({ queryKey: ['partners', 'list'] }),
    ]);
}

export function useSaveObject() {
  const invalidate = useInvalidateObjects();
  return useMutation({
    mutationFn: ({
      id,
      values,
      version,
    }: {
      id: number | null;
      values: ObjectFormValues;
      version?: number;
    }) =>
      id === null
        ? apiRequest<TrackedObject>('POST', '/objects', values)
        : apiRequest<TrackedObject>('PATCH', `/objects/${id}`, { ...values, version }),
    onSuccess: invalidate,
  });
}

export function useArchiveObject() {
  const invalidate = useInvalidateObjects();
  return useMutation({
    mutationFn: ({ id, restore }: { id: number; restore: boolean }) =>
      restore
        ? apiRequest<TrackedObject>('POST', `/objects/${id}/restore`)
        : apiRequest<TrackedObject>('DELETE', `/objects/${id}`),
    onSuccess: invalidate,
  });
}

export function useMoveObject() {
  const invalidate = useInvalidateObjects();
  return useMutation({
    mutationFn: ({ id, contractId }: { id: number; contractId: number }) =>
      apiRequest<TrackedObject>('POST', `/objects/${id}/move`, { contractId }),
    onSuccess: invalidate,
  });
}

export interface RepriceRequest {
  contractId?: number;
  partnerId?: number;
  tariffId: number;
  effectiveFrom: string;
}

export function useRepriceObjects() {
  const invalidate = useInvalidateObjects();
  return useMutation({
    mutationFn: (body: RepriceRequest) => apiRequest<{ repriced: number }>('POST', '/objects/reprice', body),
    onSuccess: invalidate,
  });
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the import endpoint expects for a chosen file. */
export function importContentType(file: File) {
  return file.name.toLowerCase().endsWith('.xlsx') || file.type === xlsxType ? xlsxType : 'text/csv';
}

export function useImportObjects() {
  const invalidate = useInvalidateObjects();
  return useMutation({
    mutationFn: ({ file, contractId }: { file: File; contractId?: number }) =>
      apiUpload<ImportReport>(`/objects/import${queryString({ contractId })}`, file, importContentType(file)),
    onSuccess: invalidate,
  });
}

/** Contracts the caller may pick, searched on the server, optionally those of one partner. */
export function useContractChoices(search: string, partnerId: number | undefined) {
  return useQuery({
    queryKey: ['contracts', 'choices', search, partnerId],
    queryFn: () =>
      apiGet<Page<ContractChoice>>(
        `/contracts${queryString({ search, partnerId, pageSize: 20, sort: 'name' })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: number | undefined) {
  return useQuery({
    queryKey: ['contracts', 'one', id],
    queryFn: () => apiGet<ContractChoice & { partnerId: number }>(`/contracts/${id}`),
    enabled: id !== undefined,
  });
}
