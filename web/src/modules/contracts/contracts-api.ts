import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../app/api-client';
import { contractsApi } from '../../app/contract-lookups';
import { contractKeys, partnerKeys } from '../../app/query-keys';
import type { SaveRequest } from '../../app/record-api';
import { useRecordHistory, useRecordList } from '../../app/record-queries';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PagedQuery } from '../../ui/use-paged-list';
import type { ContractCopy, ContractFormValues } from './contract-types';

export interface ContractListQuery extends PagedQuery {
  /** Only this partner's contracts (the partner window's Contracts tab). */
  partnerId?: number;
  filters: Record<string, string | undefined>;
}

/*
 * A contract's counts and its partner's show in the partners list too ("Number of accounts"), so a
 * change refreshes both.
 */
const changedByContracts = [contractKeys.all, partnerKeys.lists()];

export const useContractList = (query: ContractListQuery) => useRecordList(contractsApi, query);

export const useContractHistory = (id: number) => useRecordHistory(contractsApi, id);

export const useSaveContract = () =>
  useInvalidatingMutation(
    (request: SaveRequest<ContractFormValues>) => contractsApi.save(request),
    changedByContracts,
  );

export const useArchiveContract = () =>
  useInvalidatingMutation(contractsApi.archiveOrRestore, changedByContracts);

/** What Clone proposes for a contract (GET /contracts/:id/clone): nothing is saved until Save. */
export const useContractCopy = (sourceId: number | null) =>
  useQuery({
    queryKey: contractKeys.copy(sourceId),
    queryFn: () => apiGet<ContractCopy>(`/contracts/${sourceId}/clone`),
    enabled: sourceId !== null,
    // A copy is proposed afresh each time Clone is pressed.
    gcTime: 0,
  });
