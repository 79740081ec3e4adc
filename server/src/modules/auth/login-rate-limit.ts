import type { Db } from '../../db/connect.js';
import {
  adminLoginAttempts,
  countRecentAttempts,
  deleteAttemptsOlderThan,
  portalLoginAttempts,
  type AttemptSource,
} from './login-attempts.sql.js';

export interface LoginLimits {
  /**
   * Failed attempts allowed per login from one address within the window: a guesser locks itself out,
   * never the login's owner signing in from elsewhere.
   */
  failuresPerLogin: number;
  /** Attempts of any outcome allowed per client address within the window. */
  attemptsPerAddress: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = {
  failuresPerLogin: 10,
  attemptsPerAddress: 100,
  windowSeconds: 900,
};

function secondsUntilFree(oldest: Date | null, now: Date, windowSeconds: number): number {
  if (!oldest) return windowSeconds;
  return Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
}

/**
 * The seconds to wait when the login or the address has used up its attempts, else null. Callers
 * record the attempt (as a failure until proven otherwise) before asking, so parallel attempts cannot
 * all slip through between a count and an insert. Used by the admin and the portal logins alike.
 */
export async function retryAfterIfLimited(
  db: Db,
  source: AttemptSource,
  options: { login: string; ip: string; limits: LoginLimits },
): Promise<number | null> {
  const { limits } = options;
  const now = new Date();
  const since = new Date(now.getTime() - limits.windowSeconds * 1000);
  const counts = await countRecentAttempts(db, source, { login: options.login, ip: options.ip, since });
  if (counts.loginFailures > limits.failuresPerLogin) {
    return secondsUntilFree(counts.oldestLoginFailure, now, limits.windowSeconds);
  }
  if (counts.ipAttempts > limits.attemptsPerAddress) {
    return secondsUntilFree(counts.oldestIpAttempt, now, limits.windowSeconds);
  }
  return null;
}

/**
 * Deletes the admin-panel and portal login attempts older than `days` days (the housekeeping of the
 * schedule), and with them the login histories' older entries. An attempt still inside the rate limits'
 * window is kept whatever `days` is: the limits count it. Returns how many were deleted.
 */
export async function pruneLoginAttempts(db: Db, options: { olderThanDays: number }): Promise<number> {
  const keepSeconds = Math.max(options.olderThanDays * 24 * 60 * 60, defaultLoginLimits.windowSeconds);
  let deleted = 0;
  for (const source of [adminLoginAttempts, portalLoginAttempts]) {
    deleted += await deleteAttemptsOlderThan(db, source, keepSeconds);
  }
  return deleted;
}
