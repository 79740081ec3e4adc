import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest, queryString } from '../../app/api-client';
import type { HistoryEntry } from '../../ui/history-table';
import type { Page } from '../partners/partner-types';
import type { Contract, ContractFormValues, ContractListItem } from './contract-types';

export interface ContractListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  search?: string;
  showDeleted?: boolean;
  /** Only this partner's contracts (the partner window's Contracts tab). */
  partnerId?: number;
  filters: Record<string, string | undefined>;
}

export function contractListPath(
  query: Omit<ContractListQuery, 'page' | 'pageSize'> & Partial<ContractListQuery> & { format?: string },
) {
  const { filters, ...rest } = query;
  return queryString({ ...rest, ...filters, showDeleted: rest.showDeleted || undefined });
}

export function useContractList(query: ContractListQuery) {
  return useQuery({
    queryKey: ['contracts', 'list', query],
    queryFn: () => apiGet<Page<ContractListItem>>(`/contracts${contractListPath(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: number | null) {
  return useQuery({
    queryKey: ['contracts', 'one', id],
    queryFn: () => apiGet<Contract>(`/contracts/${id}`),
    enabled: id !== null,
  });
}

export function useContractHistory(id: number) {
  return useQuery({
    queryKey: ['contracts', 'history', id],
    queryFn: () => apiGet<{ items: HistoryEntry[] }>(`/contracts/${id}/history`),
  });
}

/*
 * A contract's counts and its partner's show in the partners list too ("Number of accounts"), so a
 * change refreshes both.
 */
function useInvalidateLists() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['contracts'] }),
      queryClient.invalidateQueries({ queryKey: ['partners', 'list'] }),
    ]);
}

export function useSaveContract() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: ({
      id,
      values,
      version,
    }: {
      id: number | null;
      values: ContractFormValues;
      version?: number;
    }) =>
      id === null
        ? apiRequest<Contract>('POST', '/contracts', values)
        : apiRequest<Contract>('PATCH', `/contracts/${id}`, { ...values, version }),
    onSuccess: invalidate,
  });
}

export function useArchiveContract() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: ({ id, restore }: { id: number; restore: boolean }) =>
      restore
        ? apiRequest<Contract>('POST', `/contracts/${id}/restore`)
        : apiRequest<Contract>('DELETE', `/contracts/${id}`),
    onSuccess: invalidate,
  });
}

/** A copy of the contract without its objects; the server answers with the new contract. */
export function useCloneContract() {
  const invalidate = useInvalidateLists();
  return useMutation({
    mutationFn: (id: number) => apiRequest<Contract>('POST', `/contracts/${id}/clone`),
    onSuccess: invalidate,
  });
}
