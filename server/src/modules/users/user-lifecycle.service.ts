import type { AuditChange } from '../../db/schema.js';
import { conflict, notFound, staleVersion } from '../../lib/errors.js';
import { hashPassword } from '../../lib/password-hash.js';
import { generatePassword } from '../../lib/password-policy.js';
import { findContractInScope } from '../scope/scope.public.js';
import { scopeOf } from '../auth/auth.public.js';
import { archiveEventOf, entityHistory, recordAuditEvent } from '../audit/audit.public.js';
import { loadUser, type Call } from './users.service.js';
import { updatePortalUserRow } from './users.repository.js';
import { inTransaction } from '../../db/transactions.js';

/** Writes one change of a user with its history line, at the version just read. */
async function applyChange(
  options: Call & { id: number; version: number },
  change: { action: string; changes: AuditChange[]; columns: Parameters<typeof updatePortalUserRow>[3] },
) {
  await inTransaction(options.db, async (trx) => {
    if (!(await updatePortalUserRow(trx, options.id, options.version, change.columns))) throw staleVersion();
    await recordAuditEvent(trx, {
      entityType: 'portal_user',
      entityId: options.id,
      action: change.action,
      changes: change.changes,
      actor: options.actor,
      requestId: options.requestId,
    });
  });
}

/** Blocks or unblocks a user; doing it twice changes nothing the second time. */
export async function setUserBlocked(options: Call & { id: number; blocked: boolean }) {
  const { db, actor, id, blocked } = options;
  const current = await loadUser(db, actor, id);
  if (current.archivedAt !== null) throw conflict('archived');
  if (current.blocked === blocked) return current;
  await applyChange(
    { ...options, version: current.version },
    {
      action: blocked ? 'blocked' : 'unblocked',
      changes: [{ field: 'blocked', old: !blocked, new: blocked }],
      columns: { blocked },
    },
  );
  return loadUser(db, actor, id);
}

/** Archives (soft-deletes) a user: it can no longer log in; its login stays taken. */
export async function archiveUser(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadUser(db, actor, id);
  if (current.archivedAt !== null) return current;
  await applyChange(
    { ...options, version: current.version },
    { ...archiveEventOf(true), columns: { archived_at: new Date() } },
  );
  return loadUser(db, actor, id);
}

export async function restoreUser(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadUser(db, actor, id);
  if (current.archivedAt === null) throw conflict('not_archived');
  await applyChange(
    { ...options, version: current.version },
    { ...archiveEventOf(false), columns: { archived_at: null } },
  );
  return loadUser(db, actor, id);
}

/**
 * Sets a generated password that satisfies the policy in force. It is returned only when the
 * partner's Show user password is on; either way only its hash is kept, so it is never shown again.
 */
export async function resetUserPassword(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadUser(db, actor, id);
  if (current.archivedAt !== null) throw conflict('archived');
  const contract = await findContractInScope(db, current.contractId, scopeOf(actor));
  if (!contract) throw notFound();
  const password = generatePassword(contract.password_policy, { login: current.login, name: current.name });
  await applyChange(
    { ...options, version: current.version },
    {
      action: 'password_reset',
      changes: [{ field: 'password', old: null, new: null }],
      columns: { password_hash: await hashPassword(password) },
    },
  );
  return { password: contract.show_user_password ? password : null };
}

export async function userHistory(options: Omit<Call, 'requestId'> & { id: number }) {
  await loadUser(options.db, options.actor, options.id);
  return entityHistory(options.db, 'portal_user', options.id, options.actor);
}
