import { useQuery } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../app/api-client';
import { apiTokenKeys } from '../../app/query-keys';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { ApiToken, ApiTokenCreate, MadeApiToken } from './api-token-types';

export function useOwnApiTokens() {
  return useQuery({
    queryKey: apiTokenKeys.own,
    queryFn: () => apiGet<{ items: ApiToken[] }>('/api-tokens'),
  });
}

/**
 * The rights the signed-in user holds now (GET /auth/me): a token may be given these and no others.
 * Read afresh when the dialog opens, as an administrator may have changed them meanwhile.
 */
export function useOwnRights() {
  return useQuery({
    queryKey: apiTokenKeys.ownRights,
    queryFn: async () => (await apiGet<{ user: { rights: string[] } }>('/auth/me')).user.rights,
    staleTime: 0,
  });
}

export const useCreateApiToken = () =>
  useInvalidatingMutation(
    (body: ApiTokenCreate) => apiRequest<MadeApiToken>('POST', '/api-tokens', body),
    [apiTokenKeys.own],
  );

/** Revokes a token: programs that use it are refused at once. One revoked meanwhile (404) leaves the list stale too. */
export const useRevokeApiToken = () =>
  useInvalidatingMutation(
    (id: number) => apiRequest<void>('DELETE', `/api-tokens/${id}`),
    [apiTokenKeys.own],
    {
      evenOnError: true,
    },
  );
