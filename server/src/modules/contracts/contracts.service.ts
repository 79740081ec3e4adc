import type { Db } from '../../db/connect.js';
import { conflict, invalid, notFound, staleVersion } from '../../lib/errors.js';
import type { Locale } from '../../lib/messages.js';
import { definedEntries } from '../../lib/defined-entries.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { findPartnerInScope, PLATFORM_SCOPE } from '../scope/scope.public.js';
import {
  changedFields,
  createdFields,
  entityHistory,
  changeArchived,
  recordAuditEvent,
} from '../audit/audit.public.js';
import {
  applyDebtBlocking,
  holdsMoney,
  prepareOwnerSave,
  recordDepositChange,
} from '../ledger/ledger.public.js';
import { normaliseContractDraft, type ContractDraft } from './contract-draft.js';
import { columnsOf, draftOf, presentContract, type ContractResponse } from './contracts.presenter.js';
import {
  findContract,
  hasObjectsPricedOffPath,
  insertContract,
  moveContractChildren,
  setContractArchived,
  updateContractRow,
} from './contracts.repository.js';
import type { ContractCreate, ContractUpdate } from './contracts.schemas.js';
import { inTransaction } from '../../db/transactions.js';

const debtActor = (actor: Actor, requestId: string) => ({
  userId: actor.userId,
  login: actor.login,
  requestId,
});

interface Call {
  db: Db;
  actor: Actor;
  requestId: string;
}

async function loadContract(db: Db, actor: Actor, id: number): Promise<ContractResponse> {
  const row = await findContract(db, id, scopeOf(actor));
  if (!row) throw notFound();
  return presentContract(row);
}

export function getContract(options: { db: Db; actor: Actor; id: number }) {
  return loadContract(options.db, options.actor, options.id);
}

/**
 * The partner a contract will belong to: in the caller's subtree and live. A partner outside the
 * subtree reads exactly like a missing one, so its existence never leaks.
 */
async function resolvePartner(db: Db, actor: Actor, partnerId: number) {
  const partner = await findPartnerInScope(db, partnerId, scopeOf(actor));
  if (!partner) throw invalid([{ field: 'partnerId', code: 'parent_not_found' }]);
  if (partner.archived_at !== null) throw conflict('partner_archived', 'partnerId');
  return partner;
}

/** The history's view of a contract: its card's fields. */
const auditSnapshot = (contract: ContractResponse) => ({ ...draftOf(contract) });

async function insertAudited(
  options: Call & { draft: ContractDraft; action: 'created' | 'cloned'; from?: number },
) {
  const { db, actor, draft } = options;
  // The unique indexes (1C code, one warehouse) refuse a duplicate; the error handler names the field.
  return inTransaction(db, async (trx) => {
    const id = await insertContract(trx, columnsOf(draft));
    // The Deposit is an advance payment: it lands in the ledger with the contract, or neither does.
    await recordDepositChange(trx, {
      owner: { type: 'contract', id, partnerId: draft.partnerId, currency: draft.currency },
      before: '0',
      after: draft.deposit ?? '0',
      actor,
    });
    const created = presentContract((await findContract(trx, id, PLATFORM_SCOPE))!);
    const changes = createdFields(auditSnapshot(created));
    if (options.from !== undefined) changes.unshift({ field: 'clonedFrom', old: null, new: options.from });
    await recordAuditEvent(trx, {
      entityType: 'contract',
      entityId: id,
      action: options.action,
      changes,
      actor,
      requestId: options.requestId,
    });
    await applyDebtBlocking(trx, [id], debtActor(actor, options.requestId));
    return id;
  });
}

export async function createContract(options: Call & { input: ContractCreate }) {
  const { db, actor, input } = options;
  const partner = await resolvePartner(db, actor, input.partnerId);
  // A copy names its source, which the caller must see like any other contract.
  const from = input.clonedFrom ?? undefined;
  if (from !== undefined) await loadContract(db, actor, from);
  const draft = await normaliseContractDraft(
    db,
    {
      partnerId: input.partnerId,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      deposit: input.deposit ?? null,
      iin: input.iin ?? null,
      kpp: input.kpp ?? null,
      currency: input.currency,
      tariffId: input.tariffId ?? null,
      organizationType: input.organizationType ?? null,
      accountType: input.accountType,
      blockingLimit: input.blockingLimit ?? null,
      code1c: input.code1c ?? null,
      active: input.active ?? true,
      isWarehouse: input.isWarehouse ?? false,
      blocked: input.blocked ?? false,
      userPasswordPolicy: input.userPasswordPolicy ?? 'inherit',
      comment: input.comment ?? null,
    },
    partner,
  );
  const id = await insertAudited({
    ...options,
    draft,
    action: from === undefined ? 'created' : 'cloned',
    from,
  });
  return loadContract(db, actor, id);
}

export async function updateContract(options: Call & { id: number; input: ContractUpdate }) {
  const { db, actor, id, input } = options;
  const current = await loadContract(db, actor, id);
  if (current.archivedAt !== null) throw conflict('archived');
  const { version, ...fields } = input;
  const merged: ContractDraft = { ...draftOf(current), ...definedEntries(fields) };
  // Leaving Postpayment (light) drops its Blocking limit unless the request says otherwise.
  if (
    fields.accountType !== undefined &&
    fields.accountType !== 'postpayment_light' &&
    fields.blockingLimit === undefined
  ) {
    merged.blockingLimit = null;
  }
  const partnerChanged = merged.partnerId !== current.partnerId;
  const partner = partnerChanged
    ? await resolvePartner(db, actor, merged.partnerId)
    : (await findPartnerInScope(db, current.partnerId, PLATFORM_SCOPE))!;
  const draft = await normaliseContractDraft(db, merged, partner);
  // Its objects keep their tariffs: the new partner must sell them (apply a tariff it sells first).
  if (partnerChanged && (await hasObjectsPricedOffPath(db, id, partner.path))) {
    throw invalid([{ field: 'partnerId', code: 'contract_objects_tariff_unavailable' }]);
  }
  // Saving the card unchanged changes nothing: no new version for others to collide with, no history line.
  if (changedFields(auditSnapshot(current), { ...draft }).length === 0) {
    if (version !== current.version) throw staleVersion();
    return current;
  }

  const owner = { type: 'contract', id, partnerId: draft.partnerId, currency: draft.currency } as const;
  await inTransaction(db, async (trx) => {
    // Its ledger accounts first, its row after (the order of payments and the billing run); a change
    // of currency or partner is refused while money is owed in the old one (nothing changes then).
    await prepareOwnerSave(trx, {
      before: { type: 'contract', id, partnerId: current.partnerId, currency: current.currency },
      after: owner,
      depositBefore: current.deposit,
      depositAfter: draft.deposit ?? '0',
    });
    if (!(await updateContractRow(trx, id, version, columnsOf(draft)))) throw staleVersion();
    if (partnerChanged) await moveContractChildren(trx, id, draft.partnerId);
    // A changed Deposit records the difference; it, or a changed account type or limit, may block or unblock.
    await recordDepositChange(trx, { owner, before: current.deposit, after: draft.deposit ?? '0', actor });
    const after = presentContract((await findContract(trx, id, PLATFORM_SCOPE))!);
    await recordAuditEvent(trx, {
      entityType: 'contract',
      entityId: id,
      action: 'updated',
      changes: changedFields(auditSnapshot(current), auditSnapshot(after)),
      actor,
      requestId: options.requestId,
    });
    // After the row and the deposit: the rule reads the saved currency, type and limit and the moved balance.
    await applyDebtBlocking(trx, [id], debtActor(actor, options.requestId));
  });
  return loadContract(db, actor, id);
}

/**
 * Archives (soft-deletes) a contract; its objects and users stay, the partner's count drops. Refused
 * while money is on its balance (owed or paid in advance): an archived contract is never billed or
 * paid again, so the debt would be lost and an advance stranded.
 */
export async function archiveContract(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadContract(db, actor, id);
  if (current.archivedAt !== null) return current;
  const event = {
    entityType: 'contract',
    entityId: id,
    archived: true,
    actor,
    requestId: options.requestId,
  } as const;
  await changeArchived(db, event, async (trx) => {
    if (await holdsMoney(trx, { type: 'contract', id })) throw conflict('contract_has_balance');
    await setContractArchived(trx, id, new Date());
  });
  return loadContract(db, actor, id);
}

export async function restoreContract(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadContract(db, actor, id);
  if (current.archivedAt === null) throw conflict('not_archived');
  const partner = await findPartnerInScope(db, current.partnerId, PLATFORM_SCOPE);
  if (partner?.archived_at) throw conflict('partner_archived', 'partnerId');
  // A second warehouse may have been made meanwhile: the unique index refuses the restore then.
  const event = {
    entityType: 'contract',
    entityId: id,
    archived: false,
    actor,
    requestId: options.requestId,
  } as const;
  await changeArchived(db, event, async (trx) => {
    await setContractArchived(trx, id, null);
    // Blocking for debt is kept for live contracts only: a restored one gets its state back.
    await applyDebtBlocking(trx, [id], debtActor(actor, options.requestId));
  });
  return loadContract(db, actor, id);
}

const copySuffix: Record<Locale, string> = { en: ' (copy)', ru: ' (копия)' };
const NAME_MAX_LENGTH = 200;

/**
 * What Clone proposes, saved by nothing: the same settings, but never the objects or users, never the
 * warehouse role (one per partner), never the 1C code (unique), never the deposit (money); the name
 * says it is a copy. The Add window opens with it, and saving sends it to POST /contracts.
 */
export async function contractCopyDraft(options: {
  db: Db;
  actor: Actor;
  id: number;
  locale: Locale;
}): Promise<ContractCreate> {
  const source = await loadContract(options.db, options.actor, options.id);
  const suffix = copySuffix[options.locale];
  return {
    ...draftOf(source),
    name: source.name.slice(0, NAME_MAX_LENGTH - suffix.length) + suffix,
    isWarehouse: false,
    code1c: null,
    // Money is not a setting: the copy starts with no deposit (an advance payment is paid, not cloned).
    deposit: null,
    clonedFrom: source.id,
  };
}

/** The copy Clone proposes, saved at once (the API's one-step clone). */
export async function cloneContract(options: Call & { id: number; locale: Locale }) {
  return createContract({ ...options, input: await contractCopyDraft(options) });
}

export async function contractHistory(options: { db: Db; actor: Actor; id: number }) {
  await loadContract(options.db, options.actor, options.id);
  return entityHistory(options.db, 'contract', options.id, options.actor);
}
