import type { Db } from '../../db/connect.js';
import { isIP } from 'node:net';
import { AppError, forbidden, invalid, unauthorized } from '../../lib/errors.js';
import { verifyAgainstDummy, verifyPassword } from '../../lib/password-hash.js';
import { portalLoginAttempts, retryAfterIfLimited, type LoginLimits } from '../auth/auth.public.js';
import {
  findPortalUserForLogin,
  recordPortalLoginAttempt,
  setPortalLoginResult,
  type PortalLoginCandidate,
  type PortalLoginResult,
} from './portal.repository.js';

/** Why a user who knows its password is refused, in the order they are checked; null lets it in. */
function refusalOf(user: PortalLoginCandidate): Exclude<PortalLoginResult, 'success'> | null {
  if (user.blocked) return 'user_blocked';
  if (!user.contract_active || user.contract_archived_at !== null) return 'contract_inactive';
  // Locked by an administrator, or blocked for debt by its account type: the same answer to the user.
  if (user.contract_blocked || user.contract_debt_blocked) return 'contract_blocked';
  if (user.partner_chain_refuses) return 'partner_users_blocked';
  return null;
}

/**
 * The monitoring portal's login check: who the user is, or why not. The same 401 for an unknown
 * login, an archived user and a wrong password, after the same hashing work; the reasons of a 403
 * are told only to whoever knows the password. Every attempt lands in portal_login_attempts.
 */
export async function checkPortalLogin(
  db: Db,
  options: { login: string; password: string; ip: string; limits: LoginLimits },
) {
  // The address is stored in the login history and counted by the limit: a real one, or nothing.
  if (!isIP(options.ip)) throw invalid([{ field: 'clientIp', code: 'ip_address' }]);
  const login = options.login.trim().toLowerCase();
  const attemptId = await recordPortalLoginAttempt(db, { login, ip: options.ip });
  const retryAfter = await retryAfterIfLimited(db, portalLoginAttempts, {
    login,
    ip: options.ip,
    limits: options.limits,
  });
  if (retryAfter !== null) {
    await setPortalLoginResult(db, attemptId, 'rate_limited');
    throw new AppError('rate_limited', 429, [], { retryAfter });
  }

  const user = await findPortalUserForLogin(db, login);
  const passwordMatches = user
    ? await verifyPassword(user.password_hash, options.password)
    : await verifyAgainstDummy(options.password);
  // The attempt stays recorded as invalid_credentials: it counts against the login's limit.
  if (!user || !passwordMatches) throw unauthorized('invalid_credentials');

  const refusal = refusalOf(user);
  await setPortalLoginResult(db, attemptId, refusal ?? 'success');
  if (refusal !== null) throw forbidden(refusal);
  return {
    user: { id: user.id, login: user.login, name: user.name, type: user.type },
    contract: { id: user.contract_id, name: user.contract_name },
    partner: { id: user.partner_id, name: user.partner_name },
  };
}
