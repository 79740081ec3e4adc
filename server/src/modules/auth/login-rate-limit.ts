import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { LoginLimits } from './auth.service.js';

/** What a login rate limit counts in the window: a login's failures and an address's attempts. */
interface AttemptCounts {
  loginFailures: number;
  oldestLoginFailure: Date | null;
  ipAttempts: number;
  oldestIpAttempt: Date | null;
}

/**
 * Where the attempts of one login form are kept: the table, its indexed login expression (the value
 * compared is already lower-case), and how it says "this attempt failed".
 */
export interface AttemptSource {
  table: 'login_attempts' | 'portal_login_attempts';
  login: RawBuilder<string>;
  failed: RawBuilder<boolean>;
}

/** One pass over the window's attempts of the login or the address (both columns are indexed). */
async function countRecentAttempts(
  db: Db,
  source: AttemptSource,
  options: { login: string; ip: string; since: Date },
): Promise<AttemptCounts> {
  const ofLogin = sql<boolean>`${source.login} = ${options.login}`;
  const { rows } = await sql<{
    login_failures: number | string;
    oldest_login_failure: Date | null;
    ip_attempts: number | string;
    oldest_ip_attempt: Date | null;
  }>`
    select count(*) filter (where ${ofLogin} and ${source.failed}) as login_failures,
           min(attempted_at) filter (where ${ofLogin} and ${source.failed}) as oldest_login_failure,
           count(*) filter (where ip = ${options.ip}) as ip_attempts,
           min(attempted_at) filter (where ip = ${options.ip}) as oldest_ip_attempt
      from ${sql.table(source.table)}
     where attempted_at > ${options.since} and (${ofLogin} or ip = ${options.ip})`.execute(db);
  const row = rows[0]!;
  return {
    loginFailures: Number(row.login_failures),
    oldestLoginFailure: row.oldest_login_failure ? new Date(row.oldest_login_failure) : null,
    ipAttempts: Number(row.ip_attempts),
    oldestIpAttempt: row.oldest_ip_attempt ? new Date(row.oldest_ip_attempt) : null,
  };
}

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
