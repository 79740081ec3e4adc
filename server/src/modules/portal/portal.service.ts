import type { Db } from '../../db/connect.js';
import { isIP } from 'node:net';
import { AppError, FieldErrors, forbidden, invalid, unauthorized } from '../../lib/errors.js';
import { verifyAgainstDummy, verifyPassword } from '../../lib/password-hash.js';
import {
  hashToken,
  portalLoginAttempts,
  retryAfterIfLimited,
  type LoginLimits,
} from '../auth/auth.public.js';
import {
  consumeMasterToken,
  findPortalUserForLogin,
  recordMasterLoginAttempt,
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

  const user = await findPortalUserForLogin(db, { login });
  const passwordMatches = user
    ? await verifyPassword(user.password_hash, options.password)
    : await verifyAgainstDummy(options.password);
  // The attempt stays recorded as invalid_credentials: it counts against the login's limit.
  if (!user || !passwordMatches) throw unauthorized('invalid_credentials');

  const refusal = refusalOf(user);
  await setPortalLoginResult(db, attemptId, refusal ?? 'success');
  if (refusal !== null) throw forbidden(refusal);
  return presentPortalLogin(user);
}

function presentPortalLogin(user: PortalLoginCandidate) {
  return {
    user: { id: user.id, login: user.login, name: user.name, type: user.type },
    contract: { id: user.contract_id, name: user.contract_name },
    partner: { id: user.partner_id, name: user.partner_name },
  };
}

/**
 * "Log in as": a token issued by POST /users/{id}/master-login lets the portal in as that user, once
 * and within its minute, naming the admin who entered. The user's blocks apply as to the user itself;
 * the entry is in its login history either way.
 */
export async function checkMasterLogin(db: Db, options: { masterToken: string; ip: string }) {
  if (!isIP(options.ip)) throw invalid([{ field: 'clientIp', code: 'ip_address' }]);
  const token = await consumeMasterToken(db, hashToken(options.masterToken));
  const user = token ? await findPortalUserForLogin(db, { id: token.portal_user_id }) : undefined;
  if (!token || !user) throw unauthorized('master_token_invalid');
  const refusal = refusalOf(user);
  await recordMasterLoginAttempt(db, {
    userId: user.id,
    login: user.login,
    ip: options.ip,
    result: refusal ?? 'success',
    masterLogin: token.admin_login,
  });
  if (refusal !== null) throw forbidden(refusal);
  return { ...presentPortalLogin(user), master: { login: token.admin_login } };
}

/** POST /portal/login: a login and password, or a "Log in as" token — one or the other. */
export async function portalLogin(
  db: Db,
  options: { login?: string; password?: string; masterToken?: string; ip: string; limits: LoginLimits },
) {
  const { login, password, masterToken } = options;
  if (masterToken !== undefined && login === undefined && password === undefined) {
    return checkMasterLogin(db, { masterToken, ip: options.ip });
  }
  const errors = new FieldErrors();
  if (login === undefined) errors.add('login', 'required');
  if (password === undefined) errors.add('password', 'required');
  if (masterToken !== undefined) errors.add('masterToken', 'master_token_with_password');
  errors.throwIfAny();
  return checkPortalLogin(db, { login: login!, password: password!, ip: options.ip, limits: options.limits });
}
