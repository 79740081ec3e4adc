import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiRequest, queryString } from '../../app/api-client';
import type { Page } from '../../app/api-types';
import { billingKeys, contractKeys, financeKeys, partnerKeys } from '../../app/query-keys';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { BillingRun, RunIssue, StartedRuns } from './billing-types';

interface PageQuery {
  page: number;
  pageSize: number;
}

export function useBillingRuns(query: PageQuery) {
  return useQuery({
    queryKey: billingKeys.runs(query),
    queryFn: () => apiGet<Page<BillingRun>>(`/billing/runs${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useBillingRun(id: number) {
  return useQuery({
    queryKey: billingKeys.run(id),
    queryFn: () => apiGet<BillingRun>(`/billing/runs/${id}`),
  });
}

export function useRunIssues(id: number, query: PageQuery) {
  return useQuery({
    queryKey: billingKeys.issues(id, query),
    queryFn: () => apiGet<Page<RunIssue>>(`/billing/runs/${id}/issues${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** Charges one day; the run is recorded, and the balances it moved show everywhere. */
export const useStartBillingRun = () =>
  useInvalidatingMutation(
    (day: string) => apiRequest<StartedRuns>('POST', '/billing/runs', { day }),
    [billingKeys.all, financeKeys.all, contractKeys.all, partnerKeys.lists()],
  );
