import type { Db } from '../../db/connect.js';
import { AppError } from '../../lib/errors.js';
import { attributeLoginAttempt, markLoginAttemptSucceeded, recordLoginAttempt } from './auth.repository.js';
import { adminLoginAttempts } from './login-attempts.sql.js';
import { retryAfterIfLimited, type LoginLimits } from './login-rate-limit.js';

/**
 * Records an attempt at a secret of a login (a password or a one-time code) as a failure and refuses
 * it (429) when the login or the address has used up its attempts; the caller marks it succeeded once
 * the secret proves right. Six-digit codes are guessed like passwords, so they share one budget.
 */
export async function startCountedAttempt(
  db: Db,
  options: { login: string; ip: string; limits: LoginLimits; userAgent?: string | null },
): Promise<{ succeeded: () => Promise<void>; concerns: (userId: number) => Promise<void> }> {
  const login = options.login.trim().toLowerCase();
  const attemptId = await recordLoginAttempt(db, {
    login,
    ip: options.ip,
    succeeded: false,
    user_agent: options.userAgent?.slice(0, 500) ?? null,
  });
  const retryAfter = await retryAfterIfLimited(db, adminLoginAttempts, {
    login,
    ip: options.ip,
    limits: options.limits,
  });
  if (retryAfter !== null) throw new AppError('rate_limited', 429, [], { retryAfter });
  return {
    succeeded: () => markLoginAttemptSucceeded(db, attemptId),
    // The user the login named: its login history (Staff) lists the attempt, refused ones included.
    concerns: (userId) => attributeLoginAttempt(db, attemptId, userId),
  };
}
