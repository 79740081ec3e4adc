import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiGet, apiRequest, setCsrfToken, setUnauthorizedHandler } from './api-client';

export interface SessionUser {
  id: number;
  login: string;
  name: string | null;
  role: 'super_admin' | 'partner_admin' | 'staff';
  partnerId: number | null;
  partnerName: string | null;
  /** "area:read" / "area:write" as the server lists them (a write with its read); administrators hold all. */
  rights: string[];
}

/** An area's right: what the server checks on every route; a write implies the read. */
export type Right =
  `${'partners' | 'contracts' | 'objects' | 'users' | 'tariffs' | 'finance' | 'settings' | 'staff'}:${'read' | 'write'}`;

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  logIn: (login: string, password: string) => Promise<void>;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const queryClient = useQueryClient();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser(null);
      // What this session fetched must not be shown to whoever signs in next.
      queryClient.clear();
    });
    apiGet<SessionAnswer>('/auth/me')
      .then((answer) => {
        setCsrfToken(answer.csrfToken);
        setUser(answer.user);
      })
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
  }, [queryClient]);

  const logIn = useCallback(
    async (login: string, password: string) => {
      const answer = await apiRequest<SessionAnswer>('POST', '/auth/login', { login, password });
      setCsrfToken(answer.csrfToken);
      // Nothing cached for a previous user (or before a 401) may show to this one.
      queryClient.clear();
      setUser(answer.user);
    },
    [queryClient],
  );

  const logOut = useCallback(async () => {
    await apiRequest('POST', '/auth/logout').catch((error: unknown) => {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    });
    setCsrfToken(null);
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(() => ({ user, loading, logIn, logOut }), [user, loading, logIn, logOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/**
 * Whether the signed-in user holds a right: what the browser shows follows it (the server checks it
 * anyway). `can('contracts:write')`; a write implies the read, as the server lists both.
 */
export function useCan(): (right: Right) => boolean {
  const { user } = useSession();
  return useMemo(() => {
    const held = new Set(user?.rights ?? []);
    return (right: Right) =>
      held.has(right) || (right.endsWith(':read') && held.has(right.replace(':read', ':write')));
  }, [user]);
}
