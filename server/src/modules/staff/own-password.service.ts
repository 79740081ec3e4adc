import type { Db } from '../../db/connect.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { hashPassword, verifyPassword } from '../../lib/password-hash.js';
import { checkPassword, type PasswordPolicy } from '../../lib/password-policy.js';
import { recordAuditEvent } from '../audit/audit.public.js';
import { findAdminPasswordHash, scopeOf, type Actor } from '../auth/auth.public.js';
import { PARTNER_ADMIN_PASSWORD_POLICY } from '../partners/partners.public.js';
import { findPartnerInScope } from '../scope/scope.public.js';
import { endOtherSessions, setPasswordHash } from './staff.repository.js';
import { inTransaction } from '../../db/transactions.js';

export interface OwnPasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * The rule a user's own new password meets: a partner's administrator the one its partner's form sets,
 * staff their partner's user password policy, the platform's people the complex one.
 */
async function ownPolicy(db: Db, actor: Actor): Promise<PasswordPolicy> {
  if (actor.role === 'partner_admin') return PARTNER_ADMIN_PASSWORD_POLICY;
  if (actor.partnerId === null) return 'complex';
  const partner = await findPartnerInScope(db, actor.partnerId, scopeOf(actor));
  return partner?.user_password_policy ?? 'complex';
}

/**
 * A signed-in user changes its own password: the current one first (a session left open must not be
 * enough), the new one by its rule and not the same, then every other session of the user ends. An
 * administrator's change shows in its partner's History, anyone else's in its own.
 */
export async function changeOwnPassword(options: {
  db: Db;
  actor: Actor;
  requestId: string;
  input: OwnPasswordChange;
}) {
  const { db, actor, input } = options;
  const sessionId = actor.sessionId;
  if (sessionId === null) throw forbidden('session_required');
  const hash = await findAdminPasswordHash(db, actor.userId);
  if (input.currentPassword === '') throw invalid([{ field: 'currentPassword', code: 'required' }]);
  if (hash === undefined || !(await verifyPassword(hash, input.currentPassword))) {
    throw invalid([{ field: 'currentPassword', code: 'current_password_wrong' }]);
  }
  if (input.newPassword === '') throw invalid([{ field: 'newPassword', code: 'required' }]);
  if (input.newPassword === input.currentPassword) {
    throw invalid([{ field: 'newPassword', code: 'password_unchanged' }]);
  }
  const problem = checkPassword({
    password: input.newPassword,
    policy: await ownPolicy(db, actor),
    login: actor.login,
  });
  if (problem) throw invalid([{ field: 'newPassword', code: problem.code, params: problem.params }]);

  const newHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await setPasswordHash(trx, actor.userId, newHash);
    await endOtherSessions(trx, actor.userId, sessionId);
    const entity =
      actor.role === 'partner_admin' && actor.partnerId !== null
        ? { entityType: 'partner' as const, entityId: actor.partnerId }
        : { entityType: 'admin_user' as const, entityId: actor.userId };
    await recordAuditEvent(trx, {
      ...entity,
      action: 'updated',
      changes: [{ field: 'password', old: null, new: null }],
      actor,
      requestId: options.requestId,
    });
  });
}
