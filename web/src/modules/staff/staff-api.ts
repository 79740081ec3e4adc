import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from '../../app/api-client';
import type { Page } from '../../app/api-types';
import { staffKeys } from '../../app/query-keys';
import { recordApi, type SaveRequest } from '../../app/record-api';
import { useRecord, useRecordHistory, useRecordList } from '../../app/record-queries';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PagedQuery } from '../../ui/use-paged-list';
import type { RightsCatalogue, StaffFormValues, StaffLoginAttempt, StaffUser } from './staff-types';

export interface StaffListQuery extends PagedQuery {
  partnerId?: number;
}

const staffApi = recordApi<StaffUser>('/staff', staffKeys);

export const useStaffList = (query: StaffListQuery) => useRecordList(staffApi, query);

export const useStaffUser = (id: number | null) => useRecord(staffApi, id);

export const useStaffHistory = (id: number) => useRecordHistory(staffApi, id);

/** Every right and the presets: they change with a release, not while the page is open. */
export function useRightsCatalogue() {
  return useQuery({
    queryKey: staffKeys.rights,
    queryFn: () => apiGet<RightsCatalogue>('/staff/rights'),
    staleTime: Infinity,
  });
}

export function useStaffLoginHistory(id: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: staffKeys.loginHistory(id, page, pageSize),
    queryFn: () =>
      apiGet<Page<StaffLoginAttempt>>(`/staff/${id}/login-history${queryString({ page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export const useSaveStaff = () =>
  useInvalidatingMutation(
    (request: SaveRequest<Partial<StaffFormValues>>) => staffApi.save(request),
    [staffKeys.all],
  );

export const useArchiveStaff = () =>
  useInvalidatingMutation(
    (request: { id: number; restore: boolean }) => staffApi.archiveOrRestore(request),
    [staffKeys.all],
  );
