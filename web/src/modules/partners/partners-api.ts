import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest, queryString } from '../../app/api-client';
import type { HistoryEntry, Page, Partner, PartnerFormValues, PartnerListItem } from './partner-types';

export interface PartnerListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  search?: string;
  showDeleted?: boolean;
  filters: Record<string, string | undefined>;
}

export function partnerListPath(
  query: Omit<PartnerListQuery, 'page' | 'pageSize'> & Partial<PartnerListQuery>,
) {
  const { filters, ...rest } = query;
  return queryString({ ...rest, ...filters, showDeleted: rest.showDeleted || undefined });
}

export function usePartnerList(query: PartnerListQuery) {
  return useQuery({
    queryKey: ['partners', 'list', query],
    queryFn: () => apiGet<Page<PartnerListItem>>(`/partners${partnerListPath(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: number | null) {
  return useQuery({
    queryKey: ['partners', 'one', id],
    queryFn: () => apiGet<Partner>(`/partners/${id}`),
    enabled: id !== null,
  });
}

export function usePartnerHistory(id: number) {
  return useQuery({
    queryKey: ['partners', 'history', id],
    queryFn: () => apiGet<{ items: HistoryEntry[] }>(`/partners/${id}/history`),
  });
}

/**
 * Partners the caller may pick as a parent, searched on the server. For an existing partner the
 * server leaves out the partner itself and its sub-partners (a parent among them would make a loop).
 */
export function useParentChoices(search: string, excludeSubtreeOf: number | null) {
  return useQuery({
    queryKey: ['partners', 'choices', search, excludeSubtreeOf],
    queryFn: () =>
      apiGet<Page<PartnerListItem>>(
        `/partners${queryString({ search, pageSize: 20, sort: 'name', excludeSubtreeOf })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSavePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      values,
      version,
    }: {
      id: number | null;
      values: PartnerFormValues;
      version?: number;
    }) =>
      id === null
        ? apiRequest<Partner>('POST', '/partners', values)
        : apiRequest<Partner>('PATCH', `/partners/${id}`, { ...values, version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners'] }),
  });
}

export function useArchivePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, restore }: { id: number; restore: boolean }) =>
      restore
        ? apiRequest<Partner>('POST', `/partners/${id}/restore`)
        : apiRequest<Partner>('DELETE', `/partners/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners'] }),
  });
}
