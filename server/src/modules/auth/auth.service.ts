import { rightsOfUser } from './actor.js';
import type { Right } from './rights.js';
import type { Db } from '../../db/connect.js';
import { AppError, forbidden, unauthorized } from '../../lib/errors.js';
import { addressInNetworks, networksOf } from '../../lib/networks.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../lib/password-hash.js';
import {
  countAdminUsers,
  deleteExpiredSessions,
  deleteSession,
  findNetworkRestrictions,
  findUserForLogin,
  findUserProfile,
  insertAdminUser,
  insertSession,
  markLoginAttempt,
  recordLoginAttempt,
} from './auth.repository.js';
import { adminLoginAttempts } from './login-attempts.sql.js';
import { retryAfterIfLimited, type LoginLimits } from './login-rate-limit.js';
import { newToken, SESSION_LIFETIME_MS, sessionIdOf } from './session-token.js';

export async function presentUser(db: Db, userId: number, rights?: ReadonlySet<Right>) {
  const user = await findUserProfile(db, userId);
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    partnerId: user.partner_id,
    partnerName: user.partner_name,
    // What the browser shows and hides; a request with an API token holds the token's rights.
    rights: rights ? [...rights] : rightsOfUser(user.role, user.rights),
  };
}

/** Checks the credentials and opens a session; the same 401 for an unknown login and a wrong password. */
export async function logIn(
  db: Db,
  options: { login: string; password: string; ip: string; userAgent: string | null; limits: LoginLimits },
) {
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

  const user = await findUserForLogin(db, login);
  const passwordMatches =
    user && user.partner_archived_at === null
      ? await verifyPassword(user.password_hash, options.password)
      : await verifyAgainstDummy(options.password);
  // The user's login history (Staff) lists the attempts that named it, refused ones included.
  if (user) await markLoginAttempt(db, attemptId, { userId: user.id, succeeded: passwordMatches });
  if (!user || !passwordMatches) throw unauthorized('invalid_credentials');
  // Told only to whoever knows the password: a blocked account does not reveal itself otherwise.
  if (user.blocked || user.partner_chain_blocked) throw forbidden('blocked');
  // A partner may keep its subtree's people to its networks; told, too, only after the right password.
  if (user.partner_id !== null) {
    const restrictions = await findNetworkRestrictions(db, user.partner_id);
    if (restrictions.some((list) => !addressInNetworks(options.ip, networksOf(list)))) {
      throw forbidden('network_not_allowed');
    }
  }

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

/** Ends the session (signing out); the browser's cookie is cleared by the route. */
export async function logOut(db: Db, sessionId: string | null) {
  if (sessionId !== null) await deleteSession(db, sessionId);
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
