import { useQuery } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../app/api-client';
import { sessionKeys } from '../../app/query-keys';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { OwnSession } from './session-types';

export function useOwnSessions() {
  return useQuery({
    queryKey: sessionKeys.own,
    queryFn: () => apiGet<{ items: OwnSession[] }>('/auth/sessions'),
  });
}

/**
 * Ends one session: the browser that holds it is signed out at once. A session that ended meanwhile
 * (404) leaves the list stale as well, so it is fetched again either way.
 */
export const useEndSession = () =>
  useInvalidatingMutation(
    (id: string) => apiRequest<void>('DELETE', `/auth/sessions/${encodeURIComponent(id)}`),
    [sessionKeys.own],
    { evenOnError: true },
  );
