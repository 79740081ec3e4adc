import { rightsOfUser } from './actor.js';
import type { Right } from './rights.js';
import type { Db } from '../../db/connect.js';
import { forbidden, unauthorized } from '../../lib/errors.js';
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
} from './auth.repository.js';
import { startCountedAttempt } from './counted-attempt.js';
import type { LoginLimits } from './login-rate-limit.js';
import type { SecondFactorCheck } from './second-factor.js';
import { newToken, SESSION_LIFETIME_MS, sessionIdOf } from './session-token.js';

/**
 * The signed-in user as the panel shows it, and where it stands with two-factor sign-in: a user whose
 * partner requires it and who has not enrolled yet can do nothing else until it has.
 */
export async function presentSignedIn(db: Db, userId: number, rights?: ReadonlySet<Right>) {
  const user = await findUserProfile(db, userId);
  return {
    user: {
      id: user.id,
      login: user.login,
      name: user.name,
      role: user.role,
      partnerId: user.partner_id,
      partnerName: user.partner_name,
      // What the browser shows and hides; a request with an API token holds the token's rights.
      rights: rights ? [...rights] : rightsOfUser(user.role, user.rights),
    },
    twoFactor: { enabled: user.two_factor_enabled, required: user.two_factor_required },
  };
}

/**
 * Checks the credentials (and the second factor when the user has one) and opens a session; the same
 * 401 for an unknown login and a wrong password.
 */
export async function logIn(
  db: Db,
  options: {
    login: string;
    password: string;
    otp: string | undefined;
    ip: string;
    userAgent: string | null;
    limits: LoginLimits;
    secondFactor: SecondFactorCheck;
  },
) {
  const login = options.login.trim().toLowerCase();
  const attempt = await startCountedAttempt(db, {
    login,
    ip: options.ip,
    limits: options.limits,
    userAgent: options.userAgent,
  });

  const user = await findUserForLogin(db, login);
  const passwordMatches =
    user && user.partner_archived_at === null
      ? await verifyPassword(user.password_hash, options.password)
      : await verifyAgainstDummy(options.password);
  if (user) await attempt.concerns(user.id);
  if (!user || !passwordMatches) throw unauthorized('invalid_credentials');
  // Told only to whoever knows the password: a blocked account does not reveal itself otherwise.
  if (user.blocked || user.partner_chain_blocked) {
    await attempt.succeeded();
    throw forbidden('blocked');
  }
  // A partner may keep its subtree's people to its networks; told, too, only after the right password.
  if (user.partner_id !== null) {
    const restrictions = await findNetworkRestrictions(db, user.partner_id);
    if (restrictions.some((list) => !addressInNetworks(options.ip, networksOf(list)))) {
      await attempt.succeeded();
      throw forbidden('network_not_allowed');
    }
  }
  // Checked last, so a recovery code is not spent on a sign-in refused for another reason. A wrong
  // code leaves the attempt a failure (the rate limit counts it); asking for the code is no failure.
  const verdict = await options.secondFactor(db, { userId: user.id, otp: options.otp?.trim() || undefined });
  if (verdict === 'invalid') throw unauthorized('two_factor_invalid');
  await attempt.succeeded();
  if (verdict === 'missing') throw unauthorized('two_factor_required');

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
  return { token, csrfToken, ...(await presentSignedIn(db, user.id)) };
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
