import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';

/**
 * Where the attempts of one login form are kept: the table, its indexed login expression (the value
 * compared is already lower-case), and how it says "this attempt failed".
 */
export interface AttemptSource {
  table: 'login_attempts' | 'portal_login_attempts';
  login: RawBuilder<string>;
  failed: RawBuilder<boolean>;
}

/** Admin-panel attempts: a failure is any attempt not marked succeeded. */
export const adminLoginAttempts: AttemptSource = {
  table: 'login_attempts',
  login: sql<string>`login`,
  failed: sql<boolean>`not succeeded`,
};

/** Portal attempts: wrong passwords and refused-for-rate attempts count against a login. */
export const portalLoginAttempts: AttemptSource = {
  table: 'portal_login_attempts',
  login: sql<string>`lower(login)`,
  failed: sql<boolean>`result in ('invalid_credentials', 'rate_limited')`,
};

/** What a login rate limit counts in the window: a login's failures from one address, and that address's attempts. */
export interface AttemptCounts {
  loginFailures: number;
  oldestLoginFailure: Date | null;
  ipAttempts: number;
  oldestIpAttempt: Date | null;
}

/**
 * One pass over the window's attempts from the address (its index). A login's failures are counted
 * from this address only: failures from elsewhere must never lock the login's owner out.
 */
export async function countRecentAttempts(
  db: Db,
  source: AttemptSource,
  options: { login: string; ip: string; since: Date },
): Promise<AttemptCounts> {
  const failedForLogin = sql<boolean>`${source.login} = ${options.login} and ${source.failed}`;
  const { rows } = await sql<{
    login_failures: number | string;
    oldest_login_failure: Date | null;
    ip_attempts: number | string;
    oldest_ip_attempt: Date | null;
  }>`
    select count(*) filter (where ${failedForLogin}) as login_failures,
           min(attempted_at) filter (where ${failedForLogin}) as oldest_login_failure,
           count(*) as ip_attempts,
           min(attempted_at) as oldest_ip_attempt
      from ${sql.table(source.table)}
     where ip = ${options.ip} and attempted_at > ${options.since}`.execute(db);
  const row = rows[0]!;
  return {
    loginFailures: Number(row.login_failures),
    oldestLoginFailure: row.oldest_login_failure ? new Date(row.oldest_login_failure) : null,
    ipAttempts: Number(row.ip_attempts),
    oldestIpAttempt: row.oldest_ip_attempt ? new Date(row.oldest_ip_attempt) : null,
  };
}

/**
 * Deletes a form's attempts made more than `keepSeconds` ago, one statement; returns how many. Nothing
 * reads them by time but the rate limits (their window) and the login histories.
 */
export async function deleteAttemptsOlderThan(
  db: Db,
  source: AttemptSource,
  keepSeconds: number,
): Promise<number> {
  const result = await sql`
    delete from ${sql.table(source.table)}
     where attempted_at < now() - make_interval(secs => ${keepSeconds}::int)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
