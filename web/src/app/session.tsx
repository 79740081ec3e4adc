import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  ApiError,
  apiGet,
  apiRequest,
  setCsrfToken,
  setEnrolmentRequiredHandler,
  setUnauthorizedHandler,
} from './api-client';

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

/** Where the signed-in user stands with two-factor sign-in. */
export interface TwoFactorState {
  enabled: boolean;
  /** Its partner (or an ancestor) requires it: until enabled, the user may only enrol. */
  required: boolean;
}
/** An area's right: what the server checks on every route; a write implies the read. */
export type Right =
  `${'partners' | 'contracts' | 'objects' | 'users' | 'tariffs' | 'finance' | 'settings' | 'staff'}:${'read' | 'write'}`;

interface SessionState {
  user: SessionUser | null;
  twoFactor: TwoFactorState | null;
  loading: boolean;
  /** `otp`: the one-time code, when the server answered two_factor_required. */
  logIn: (login: string, password: string, otp?: string) => Promise<void>;
  logOut: () => Promise<void>;
  /** Reads the user and its two-factor state again (after turning two-factor sign-in on or off). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

interface SessionAnswer {
  user: SessionUser;
  twoFactor: TwoFactorState;
  csrfToken: string;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [twoFactor, setTwoFactor] = useState<TwoFactorState | null>(null);
  const [loading, setLoading] = useState(true);
  const queryClient = useQueryClient();

  const accept = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setTwoFactor(answer.twoFactor);
    setUser(answer.user);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser(null);
      setTwoFactor(null);
      // What this session fetched must not be shown to whoever signs in next.
      queryClient.clear();
    });
    // The partner began to require two-factor sign-in while this user was signed in: enrol first.
    setEnrolmentRequiredHandler(() => setTwoFactor({ enabled: false, required: true }));
    apiGet<SessionAnswer>('/auth/me')
      .then(accept)
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
  }, [queryClient, accept]);

  const logIn = useCallback(
    async (login: string, password: string, otp?: string) => {
      const answer = await apiRequest<SessionAnswer>('POST', '/auth/login', {
        login,
        password,
        ...(otp === undefined ? {} : { otp }),
      });
      // Nothing cached for a previous user (or before a 401) may show to this one.
      queryClient.clear();
      accept(answer);
    },
    [queryClient, accept],
  );

  const refresh = useCallback(async () => {
    accept(await apiGet<SessionAnswer>('/auth/me'));
  }, [accept]);

  const logOut = useCallback(async () => {
    await apiRequest('POST', '/auth/logout').catch((error: unknown) => {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    });
    setCsrfToken(null);
    setUser(null);
    setTwoFactor(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(
    () => ({ user, twoFactor, loading, logIn, logOut, refresh }),
    [user, twoFactor, loading, logIn, logOut, refresh],
  );
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
