import type { Db } from '../../db/connect.js';
import type { AuditChange } from '../../db/schema.js';
import { conflict, FieldErrors, invalid, notFound, staleVersion } from '../../lib/errors.js';
import { isValidEmail } from '../../lib/contact.js';
import { hashPassword } from '../../lib/password-hash.js';
import { checkPassword, type PasswordPolicy } from '../../lib/password-policy.js';
import { emptyToNull } from '../../lib/text.js';
import { actsForPlatform, insertAdminUser, scopeOf, type Actor } from '../auth/auth.public.js';
import { changedFields, createdFields, entityHistory, recordAuditEvent } from '../audit/audit.public.js';
import { loginPattern } from '../partners/partners.public.js';
import { findPartnerInScope } from '../scope/scope.public.js';
import { checkGrantable, checkManageable } from './staff-rights.js';
import { auditSnapshot, presentStaff, type StaffResponse } from './staff.presenter.js';
import {
  endUserSessions,
  findStaffUser,
  revokeUserTokens,
  updateStaffRow,
  type StaffColumns,
} from './staff.repository.js';
import type { StaffCreate, StaffUpdate } from './staff.schemas.js';
import { inTransaction } from '../../db/transactions.js';

export interface Call {
  db: Db;
  actor: Actor;
  requestId: string;
}

/** A user of the caller's scope (administrators included), or 404 exactly as for a missing one. */
export async function loadStaff(db: Db, actor: Actor, id: number): Promise<StaffResponse> {
  const row = await findStaffUser(db, id, scopeOf(actor));
  if (!row) throw notFound();
  return presentStaff(row);
}

/** Staff endpoints change staff users; administrators are changed on their partner's form. */
function checkIsStaff(user: StaffResponse) {
  if (user.role !== 'staff') throw conflict('administrator_not_staff');
}

/**
 * The policy a staff user's password must satisfy: its partner's (the one its portal users have too);
 * the platform's own staff the complex one.
 */
async function policyOf(db: Db, actor: Actor, partnerId: number | null): Promise<PasswordPolicy> {
  if (partnerId === null) return 'complex';
  const partner = await findPartnerInScope(db, partnerId, scopeOf(actor));
  return partner?.user_password_policy ?? 'complex';
}

interface Draft {
  login: string;
  name: string | null;
  email: string | null;
}

function normalise(draft: Draft, errors: FieldErrors): Draft {
  const login = draft.login.trim();
  if (!login) errors.add('login', 'required');
  else if (!loginPattern.test(login)) errors.add('login', 'login_format');
  const email = emptyToNull(draft.email);
  if (email !== null && !isValidEmail(email)) errors.add('email', 'email_invalid');
  return { login, name: emptyToNull(draft.name), email };
}

function checkStaffPassword(errors: FieldErrors, password: string, policy: PasswordPolicy, owner: Draft) {
  if (password === '') return errors.add('password', 'required');
  const problem = checkPassword({ password, policy, login: owner.login, name: owner.name });
  if (problem) errors.add('password', problem.code, problem.params);
}

export async function createStaff(options: Call & { input: StaffCreate }) {
  const { db, actor, input } = options;
  const errors = new FieldErrors();
  if (input.partnerId === null) {
    // The platform's own staff: only the platform's people may add them.
    if (!actsForPlatform(actor)) throw invalid([{ field: 'partnerId', code: 'required' }]);
  } else {
    const partner = await findPartnerInScope(db, input.partnerId, scopeOf(actor));
    if (!partner) throw invalid([{ field: 'partnerId', code: 'partner_unknown' }]);
    if (partner.archived_at !== null) throw conflict('archived', 'partnerId');
  }
  const rights = checkGrantable(actor, input.rights);
  const draft = normalise(
    { login: input.login, name: input.name ?? null, email: input.email ?? null },
    errors,
  );
  checkStaffPassword(errors, input.password, await policyOf(db, actor, input.partnerId), draft);
  errors.throwIfAny();
  const passwordHash = await hashPassword(input.password);
  const id = await inTransaction(db, async (trx) => {
    const created = await insertAdminUser(trx, {
      partnerId: input.partnerId,
      role: 'staff',
      login: draft.login,
      name: draft.name,
      email: draft.email,
      rights,
      blocked: input.blocked ?? false,
      passwordHash,
    });
    const shown = presentStaff((await findStaffUser(trx, created, scopeOf(actor)))!);
    await recordAuditEvent(trx, {
      entityType: 'admin_user',
      entityId: created,
      action: 'created',
      changes: createdFields(auditSnapshot(shown)),
      actor,
      requestId: options.requestId,
    });
    return created;
  });
  return loadStaff(db, actor, id);
}

export async function getStaff(options: Omit<Call, 'requestId'> & { id: number }) {
  return loadStaff(options.db, options.actor, options.id);
}

/** Writes one change with its history line at the version read; blocking ends the user's sessions. */
async function applyChange(
  options: Call & { id: number; version: number },
  change: { action: string; changes: AuditChange[]; columns: StaffColumns },
) {
  await inTransaction(options.db, async (trx) => {
    if (!(await updateStaffRow(trx, options.id, options.version, change.columns))) throw staleVersion();
    if (change.columns.blocked === true || change.columns.archived_at) await endUserSessions(trx, options.id);
    if (change.columns.archived_at) await revokeUserTokens(trx, options.id);
    await recordAuditEvent(trx, {
      entityType: 'admin_user',
      entityId: options.id,
      action: change.action,
      changes: change.changes,
      actor: options.actor,
      requestId: options.requestId,
    });
  });
}

export async function updateStaff(options: Call & { id: number; input: StaffUpdate }) {
  const { db, actor, id, input } = options;
  const current = await loadStaff(db, actor, id);
  checkIsStaff(current);
  checkManageable(actor, current);
  if (current.archivedAt !== null) throw conflict('archived');
  const errors = new FieldErrors();
  const draft = normalise(
    {
      login: input.login ?? current.login,
      name: input.name === undefined ? current.name : input.name,
      email: input.email === undefined ? current.email : input.email,
    },
    errors,
  );
  const rights = input.rights === undefined ? current.rights : checkGrantable(actor, input.rights);
  if (input.password !== undefined) {
    checkStaffPassword(errors, input.password, await policyOf(db, actor, current.partnerId), draft);
  }
  errors.throwIfAny();
  const next = { ...draft, rights, blocked: input.blocked ?? current.blocked };
  const changes = changedFields(auditSnapshot(current), auditSnapshot({ ...current, ...next }));
  if (input.password !== undefined) changes.push({ field: 'password', old: null, new: null });
  if (changes.length === 0) {
    if (input.version !== current.version) throw staleVersion();
    return current;
  }
  await applyChange(
    { ...options, version: input.version },
    {
      action: 'updated',
      changes,
      columns: {
        ...next,
        ...(input.password === undefined ? {} : { password_hash: await hashPassword(input.password) }),
      },
    },
  );
  return loadStaff(db, actor, id);
}

/** Archives (soft-deletes) or restores a staff user; archiving ends its sessions and revokes its tokens. */
export async function setStaffArchived(options: Call & { id: number; archived: boolean }) {
  const { db, actor, id, archived } = options;
  const current = await loadStaff(db, actor, id);
  checkIsStaff(current);
  checkManageable(actor, current);
  if ((current.archivedAt !== null) === archived) {
    if (archived) return current;
    throw conflict('not_archived');
  }
  await applyChange(
    { ...options, version: current.version },
    {
      action: archived ? 'archived' : 'restored',
      changes: [{ field: 'archived', old: !archived, new: archived }],
      columns: { archived_at: archived ? new Date() : null },
    },
  );
  return loadStaff(db, actor, id);
}

export async function staffHistory(options: Omit<Call, 'requestId'> & { id: number }) {
  await loadStaff(options.db, options.actor, options.id);
  return entityHistory(options.db, 'admin_user', options.id, options.actor);
}
