import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest, queryString } from '../../app/api-client';
import type { HistoryEntry, Page } from '../objects/object-types';
import type { LoginAttempt, PasswordPolicyInForce, PortalUser, UserFormValues } from './user-types';

export interface UserListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  search?: string;
  showDeleted?: boolean;
  partnerId?: number;
  contractId?: number;
}

export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () =>
      apiGet<Page<PortalUser>>(
        `/users${queryString({ ...query, showDeleted: query.showDeleted || undefined })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number | null) {
  return useQuery({
    queryKey: ['users', 'one', id],
    queryFn: () => apiGet<PortalUser>(`/users/${id}`),
    enabled: id !== null,
  });
}

export function useUserHistory(id: number) {
  return useQuery({
    queryKey: ['users', 'history', id],
    queryFn: () => apiGet<{ items: HistoryEntry[] }>(`/users/${id}/history`),
  });
}

export function useLoginHistory(id: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['users', 'login-history', id, page, pageSize],
    queryFn: () => apiGet<Page<LoginAttempt>>(`/users/${id}/login-history${queryString({ page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

/** The password policy in force for a contract's users (the contract's own, else its partner's). */
export function usePasswordPolicy(contractId: number | null | undefined) {
  return useQuery({
    queryKey: ['users', 'password-policy', contractId],
    queryFn: () => apiGet<PasswordPolicyInForce>(`/users/password-policy${queryString({ contractId })}`),
    enabled: typeof contractId === 'number',
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['contracts'] }),
    ]);
}

export function useSaveUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, values, version }: { id: number | null; values: UserFormValues; version?: number }) =>
      id === null
        ? apiRequest<PortalUser>('POST', '/users', values)
        : apiRequest<PortalUser>('PATCH', `/users/${id}`, { ...values, version }),
    onSuccess: invalidate,
  });
}

/** Block, unblock, delete (archive) or restore: one call each, answered with the user. */
export function useUserAction() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'block' | 'unblock' | 'archive' | 'restore' }) =>
      action === 'archive'
        ? apiRequest<PortalUser>('DELETE', `/users/${id}`)
        : apiRequest<PortalUser>('POST', `/users/${id}/${action}`),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) =>
      apiRequest<{ password: string | null }>('POST', `/users/${id}/reset-password`),
    onSuccess: invalidate,
  });
}
