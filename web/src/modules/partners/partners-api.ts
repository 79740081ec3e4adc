import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, queryString } from '../../app/api-client';
import { partnersApi } from '../../app/partner-lookups';
import { partnerKeys } from '../../app/query-keys';
import type { SaveRequest } from '../../app/record-api';
import { useRecordHistory, useRecordList } from '../../app/record-queries';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PagedQuery } from '../../ui/use-paged-list';
import type { PartnerFormValues, PartnerTreeAnswer } from './partner-types';

export type PartnerListQuery = PagedQuery & { filters: Record<string, string | undefined> };

export const usePartnerList = (query: PartnerListQuery) => useRecordList(partnersApi, query);

export const usePartnerHistory = (id: number) => useRecordHistory(partnersApi, id);

export const useSavePartner = () =>
  useInvalidatingMutation(
    (request: SaveRequest<PartnerFormValues>) => partnersApi.save(request),
    [partnerKeys.all],
  );

export const useArchivePartner = () =>
  useInvalidatingMutation(partnersApi.archiveOrRestore, [partnerKeys.all]);

/** What the tree asks: a level (the caller's roots, or a partner's sub-partners), or a search. */
interface PartnerTreeQuery {
  parentId?: number;
  search?: string;
  showDeleted: boolean;
}

const partnerTreeQuery = (query: PartnerTreeQuery) => ({
  queryKey: partnerKeys.tree(query),
  queryFn: () => apiGet<PartnerTreeAnswer>(`/partners/tree${queryString({ ...query })}`),
});

/** The roots of the caller's tree: the platform's top-level partners, or its own partner. */
export const usePartnerTreeRoots = (showDeleted: boolean) =>
  useQuery({ ...partnerTreeQuery({ showDeleted }), placeholderData: keepPreviousData });

/** The levels already opened, each asked again when it is stale (after a change of a partner). */
export const usePartnerTreeLevels = (parentIds: number[], showDeleted: boolean) =>
  useQueries({
    queries: parentIds.map((parentId) => ({
      ...partnerTreeQuery({ parentId, showDeleted }),
      placeholderData: keepPreviousData,
    })),
  });

/** Fetches a level as the tree opens it (its loadData); the answer stays in the cache for the levels. */
export function useLoadPartnerTreeLevel() {
  const queryClient = useQueryClient();
  return (parentId: number, showDeleted: boolean) =>
    queryClient.fetchQuery(partnerTreeQuery({ parentId, showDeleted }));
}

/** The partners a search finds, with their ancestors; nothing is asked without a search. */
export const usePartnerTreeSearch = (search: string, showDeleted: boolean) =>
  useQuery({
    ...partnerTreeQuery({ search, showDeleted }),
    enabled: search !== '',
    placeholderData: keepPreviousData,
  });
