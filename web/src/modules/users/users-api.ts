import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from '../../app/api-client';
import type { Page } from '../../app/api-types';
import { contractKeys, userKeys } from '../../app/query-keys';
import { recordApi, type SaveRequest } from '../../app/record-api';
import { useRecord, useRecordHistory, useRecordList } from '../../app/record-queries';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PagedQuery } from '../../ui/use-paged-list';
import type {
  LoginAttempt,
  MasterLoginAnswer,
  PasswordPolicyInForce,
  PortalUser,
  ResetPasswordAnswer,
  UserFormValues,
} from './user-types';

export interface UserListQuery extends PagedQuery {
  partnerId?: number;
  contractId?: number;
}

const usersApi = recordApi<PortalUser>('/users', userKeys);

/** A contract's list shows how many users it has. */
const changedByUsers = [userKeys.all, contractKeys.all];

export const useUserList = (query: UserListQuery) => useRecordList(usersApi, query);

export const useUser = (id: number | null) => useRecord(usersApi, id);

export const useUserHistory = (id: number) => useRecordHistory(usersApi, id);

export function useLoginHistory(id: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: userKeys.loginHistory(id, page, pageSize),
    queryFn: () => apiGet<Page<LoginAttempt>>(`/users/${id}/login-history${queryString({ page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

/** The password policy in force for a contract's users (the contract's own, else its partner's). */
export function usePasswordPolicy(contractId: number | null | undefined) {
  return useQuery({
    queryKey: userKeys.passwordPolicy(contractId),
    queryFn: () => apiGet<PasswordPolicyInForce>(`/users/password-policy${queryString({ contractId })}`),
    enabled: typeof contractId === 'number',
  });
}

export const useSaveUser = () =>
  useInvalidatingMutation((request: SaveRequest<UserFormValues>) => usersApi.save(request), changedByUsers);

/** Block, unblock, delete (archive) or restore: one call each, answered with the user. */
export const useUserAction = () =>
  useInvalidatingMutation(
    ({ id, action }: { id: number; action: 'block' | 'unblock' | 'archive' | 'restore' }) =>
      action === 'archive' || action === 'restore'
        ? usersApi.archiveOrRestore({ id, restore: action === 'restore' })
        : usersApi.act(id, action),
    changedByUsers,
  );

export const useResetPassword = () =>
  useInvalidatingMutation(
    (id: number) => usersApi.act<ResetPasswordAnswer>(id, 'reset-password'),
    changedByUsers,
  );

/**
 * "Log in as": a single-use token for the monitoring portal, valid for a minute. The user's History
 * records who asked for it; nothing else of the user changes, so the open form is left alone.
 */
export const useMasterLogin = (id: number | null) =>
  useInvalidatingMutation(
    (userId: number) => usersApi.act<MasterLoginAnswer>(userId, 'master-login'),
    id === null ? [] : [userKeys.history(id)],
  );
