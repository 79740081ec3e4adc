import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest, queryString } from '../../app/api-client';
import type { Page } from '../partners/partner-types';
import type { BillingRun, RunIssue } from './billing-types';

export function useBillingRuns(query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['billing', 'runs', query],
    queryFn: () => apiGet<Page<BillingRun>>(`/billing/runs${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useBillingRun(id: number) {
  return useQuery({
    queryKey: ['billing', 'run', id],
    queryFn: () => apiGet<BillingRun>(`/billing/runs/${id}`),
  });
}

export function useRunIssues(id: number, query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['billing', 'issues', id, query],
    queryFn: () => apiGet<Page<RunIssue>>(`/billing/runs/${id}/issues${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** Charges one day; the run is recorded, and the balances it moved show everywhere. */
export function useStartBillingRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => apiRequest<{ runs: BillingRun[] }>('POST', '/billing/runs', { day }),
    onSuccess: () =>
      Promise.all(
        ['billing', 'finance', 'contracts'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ).then(() => queryClient.invalidateQueries({ queryKey: ['partners', 'list'] })),
  });
}
