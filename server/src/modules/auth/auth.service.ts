import type { Db } from '../../db/connect.js';
import { AppError, forbidden, unauthorized } from '../../lib/errors.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../lib/password-hash.js';
import {
  countAdminUsers,
  countRecentAttempts,
  deleteExpiredSessions,
  findUserForLogin,
  findUserProfile,
  insertAdminUser,
  insertSession,
  markLoginAttemptSucceeded,
  recordLoginAttempt,
} from './auth.repository.js';
import { newToken, SESSION_LIFETIME_MS, sessionIdOf } from './session-token.js';

export interface LoginLimits {
  /** Failed attempts allowed per login within the window. */
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

export async function presentUser(db: Db, userId: number) {
  const user = await findUserProfile(db, userId);
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    partnerId: user.partner_id,
    partnerName: user.partner_name,
  };
}

function secondsUntilFree(oldest: Date | null, now: Date, windowSeconds: number): number {
  if (!oldest) return windowSeconds;
  return Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
}

/**
 * Refuses the attempt before any hashing when the login or the address has used up its attempts.
 * The attempt is already recorded (as a failure until proven otherwise) and counted here, so parallel
 * attempts cannot all slip through between a count and an insert.
 */
async function enforceLoginLimits(db: Db, login: string, ip: string, limits: LoginLimits) {
  const now = new Date();
  const since = new Date(now.getTime() - limits.windowSeconds * 1000);
  const counts = await countRecentAttempts(db, { login, ip, since });
  if (counts.loginFailures > limits.failuresPerLogin) {
    const retryAfter = secondsUntilFree(counts.oldestLoginFailure, now, limits.windowSeconds);
    throw new AppError('rate_limited', 429, [], { retryAfter });
  }
  if (counts.ipAttempts > limits.attemptsPerAddress) {
    const retryAfter = secondsUntilFree(counts.oldestIpAttempt, now, limits.windowSeconds);
    throw new AppError('rate_limited', 429, [], { retryAfter });
  }
}

/** Checks the credentials and opens a session; the same 401 for an unknown login and a wrong password. */
export async function logIn(
  db: Db,
  options: { login: string; password: string; ip: string; userAgent: string | null; limits: LoginLimits },
) {
  const login = options.login.trim().toLowerCase();
  const attemptId = await recordLoginAttempt(db, { login, ip: options.ip, succeeded: false });
  await enforceLoginLimits(db, login, options.ip, options.limits);

  const user = await findUserForLogin(db, login);
  const passwordMatches =
    user && user.partner_archived_at === null
      ? await verifyPassword(user.password_hash, options.password)
      : await verifyAgainstDummy(options.password);
  if (passwordMatches) await markLoginAttemptSucceeded(db, attemptId);
  if (!user || !passwordMatches) throw unauthorized('invalid_credentials');
  // Told only to whoever knows the password: a blocked account does not reveal itself otherwise.
  if (user.blocked || user.partner_chain_blocked) throw forbidden('blocked');

  await deleteExpiredSessions(db);
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(db, {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken,
    ip: options.ip,
    userAgent: options.userAgent,
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
  });
  return { token, csrfToken, user: await presentUser(db, user.id) };
}

/**
 * Creates the first super administrator when the database has no admin-panel user yet. Returns the
 * generated password when none was configured, so that the caller prints it once.
 */
export async function ensureInitialAdmin(
  db: Db,
  options: { login: string; password: string | null; generatePassword: () => string },
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if ((await countAdminUsers(db)) > 0) return { created: false, generatedPassword: null };
  const password = options.password ?? options.generatePassword();
  await insertAdminUser(db, {
    partnerId: null,
    role: 'super_admin',
    login: options.login,
    name: 'Super administrator',
    passwordHash: await hashPassword(password),
  });
  return { created: true, generatedPassword: options.password ? null : password };
}
