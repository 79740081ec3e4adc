import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from './api-client';
import type { Contract, ContractListItem, Page } from './api-types';
import { contractKeys } from './query-keys';
import { recordApi } from './record-api';
import { useRecord } from './record-queries';

/** The contracts' calls: the Contracts list's, and the lookups other features make. */
export const contractsApi = recordApi<Contract, ContractListItem>('/contracts', contractKeys);

/** One contract's record; the contract window and the reprice dialog share it from the cache. */
export const useContract = (id: number | null) => useRecord(contractsApi, id);

/** Contracts the caller may pick, searched on the server, optionally those of one partner. */
export function useContractSearch(search: string, partnerId: number | undefined) {
  return useQuery({
    queryKey: contractKeys.search(search, partnerId),
    queryFn: () =>
      apiGet<Page<ContractListItem>>(
        `/contracts${queryString({ search, partnerId, pageSize: 20, sort: 'name' })}`,
      ),
    placeholderData: keepPreviousData,
  });
}
