import { partnersApi } from '../../app/partner-lookups';
import { partnerKeys } from '../../app/query-keys';
import type { SaveRequest } from '../../app/record-api';
import { useRecordHistory, useRecordList } from '../../app/record-queries';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PagedQuery } from '../../ui/use-paged-list';
import type { PartnerFormValues } from './partner-types';

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
