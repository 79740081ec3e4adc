import type { Db } from '../../db/connect.js';
import { conflict, FieldErrors, notFound, staleVersion } from '../../lib/errors.js';
import { hashPassword } from '../../lib/password-hash.js';
import { definedEntries } from '../../lib/defined-entries.js';
import { countryOfRegion } from '../reference/reference.public.js';
import { findContractInScope, PLATFORM_SCOPE, type ContractInScope } from '../scope/scope.public.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { changedFields, createdFields, recordAuditEvent } from '../audit/audit.public.js';
import { checkUserPassword, normaliseUserDraft, type UserDraft } from './user-draft.js';
import { auditSnapshot, presentUser } from './users.presenter.js';
import { findPortalUser, insertPortalUser, isLoginTaken, updatePortalUserRow } from './users.repository.js';
import type { UserCreate, UserUpdate } from './users.schemas.js';
import { inTransaction } from '../../db/transactions.js';

export interface Call {
  db: Db;
  actor: Actor;
  requestId: string;
}

/** The user as the actor may see it; a user outside the actor's subtree does not exist for it. */
export async function loadUser(db: Db, actor: Actor, id: number) {
  const row = await findPortalUser(db, id, scopeOf(actor));
  if (!row) throw notFound();
  return presentUser(row);
}

export function getUser(options: { db: Db; actor: Actor; id: number }) {
  return loadUser(options.db, options.actor, options.id);
}

/** The contract a user will belong to, in the actor's subtree; a foreign one is "not found" on the field. */
async function resolveContract(db: Db, actor: Actor, contractId: number, errors: FieldErrors) {
  const contract = await findContractInScope(db, contractId, scopeOf(actor));
  if (!contract) errors.add('contractId', 'contract_not_found');
  return contract;
}

function countryOf(contract: ContractInScope | undefined) {
  return contract?.partner_region ? countryOfRegion(contract.partner_region) : null;
}

/**
 * Checks that run after the field rules: they need the database and answer 409. A user may stay in a
 * contract that was archived after it joined, but may not be put into an archived one.
 */
async function checkConflicts(
  db: Db,
  draft: UserDraft,
  contract: ContractInScope,
  current?: { id: number; contractId: number; login: string },
) {
  if (contract.archived_at !== null && draft.contractId !== current?.contractId) {
    throw conflict('contract_archived', 'contractId');
  }
  if (draft.login !== current?.login && (await isLoginTaken(db, draft.login, current?.id))) {
    throw conflict('login_taken', 'login');
  }
}

const columnsOf = (draft: UserDraft, contract: ContractInScope) => ({
  partner_id: contract.partner_id,
  contract_id: contract.id,
  login: draft.login,
  name: draft.name,
  phone: draft.phone,
  email: draft.email,
  type: draft.type,
  blocked: draft.blocked,
});

export async function createUser(options: Call & { input: UserCreate }) {
  const { db, actor, input } = options;
  const errors = new FieldErrors();
  const contract = await resolveContract(db, actor, input.contractId, errors);
  const draft = normaliseUserDraft(
    {
      contractId: input.contractId,
      login: input.login,
      name: input.name ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      type: input.type ?? 'user',
      blocked: input.blocked ?? false,
    },
    errors,
    countryOf(contract),
  );
  if (contract) checkUserPassword(errors, input.password, contract.password_policy, draft);
  errors.throwIfAny();
  await checkConflicts(db, draft, contract!);
  const passwordHash = await hashPassword(input.password);

  const id = await inTransaction(db, async (trx) => {
    const userId = await insertPortalUser(trx, {
      ...columnsOf(draft, contract!),
      password_hash: passwordHash,
    });
    const created = presentUser((await findPortalUser(trx, userId, PLATFORM_SCOPE))!);
    await recordAuditEvent(trx, {
      entityType: 'portal_user',
      entityId: userId,
      action: 'created',
      changes: createdFields(auditSnapshot(created)),
      actor,
      requestId: options.requestId,
    });
    return userId;
  });
  return loadUser(db, actor, id);
}

/**
 * Changes a user; `version` is the one read (a stale one gets 409). Moving to another contract of the
 * subtree is allowed and the user's partner follows the contract. The password is optional here.
 */
export async function updateUser(options: Call & { id: number; input: UserUpdate }) {
  const { db, actor, id, input } = options;
  const current = await loadUser(db, actor, id);
  if (current.archivedAt !== null) throw conflict('archived');
  const { version, password, ...fields } = input;
  const errors = new FieldErrors();
  const merged: UserDraft = { ...auditSnapshot(current), ...definedEntries(fields) };
  const contract = await resolveContract(db, actor, merged.contractId, errors);
  const draft = normaliseUserDraft(merged, errors, countryOf(contract));
  if (contract && password !== undefined) {
    checkUserPassword(errors, password, contract.password_policy, draft);
  }
  errors.throwIfAny();
  // Saving the form unchanged changes nothing: no new version for others to collide with, no history line.
  const changes = changedFields(auditSnapshot(current), { ...draft });
  if (changes.length === 0 && password === undefined) {
    if (version !== current.version) throw staleVersion();
    return current;
  }
  await checkConflicts(db, draft, contract!, current);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);

  await inTransaction(db, async (trx) => {
    const updated = await updatePortalUserRow(trx, id, version, {
      ...columnsOf(draft, contract!),
      ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
    });
    if (!updated) throw staleVersion();
    // A new password is recorded as changed, never with its value.
    if (passwordHash !== undefined) changes.push({ field: 'password', old: null, new: null });
    await recordAuditEvent(trx, {
      entityType: 'portal_user',
      entityId: id,
      action: 'updated',
      changes,
      actor,
      requestId: options.requestId,
    });
  });
  return loadUser(db, actor, id);
}
