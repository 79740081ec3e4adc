import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from './api-client';
import type { Page, Partner, PartnerListItem } from './api-types';
import { partnerKeys } from './query-keys';
import { recordApi } from './record-api';
import { useRecord } from './record-queries';

/** The partners' calls: the Partners section's, and the lookups other features make. */
export const partnersApi = recordApi<Partner, PartnerListItem>('/partners', partnerKeys);

/** One partner's record; the partner, contract and reprice windows share it from the cache. */
export const usePartner = (id: number | null) => useRecord(partnersApi, id);

/**
 * Partners the caller may pick (a parent, a contract's partner), searched on the server. For an
 * existing partner the server leaves out the partner itself and its sub-partners (a parent among them
 * would make a loop).
 */
export function usePartnerSearch(search: string, excludeSubtreeOf: number | null) {
  return useQuery({
    queryKey: partnerKeys.search(search, excludeSubtreeOf),
    queryFn: () =>
      apiGet<Page<PartnerListItem>>(
        `/partners${queryString({ search, pageSize: 20, sort: 'name', excludeSubtreeOf })}`,
      ),
    placeholderData: keepPreviousData,
  });
}
