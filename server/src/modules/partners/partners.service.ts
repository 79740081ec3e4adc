import type { Db } from '../../db/connect.js';
import type { NewPartnerRow } from '../../db/schema.js';
import {
  AppError,
  conflict,
  forbidden,
  invalid,
  notFound,
  staleVersion,
  type FieldError,
} from '../../lib/errors.js';
import { hashPassword, verifyPassword } from '../../lib/password-hash.js';
import { checkPassword } from '../../lib/password-policy.js';
import { definedEntries } from '../../lib/defined-entries.js';
import {
  actsForPlatform,
  allRights,
  checkRight,
  deletePartnerAdminSessions,
  deleteSessionsOfSubtree,
  findAdminPasswordHash,
  insertAdminUser,
  isOwnPartnerAdmin,
  scopeOf,
  type Actor,
} from '../auth/auth.public.js';
import { findPartnerInScope, PLATFORM_SCOPE } from '../scope/scope.public.js';
import {
  changedFields,
  createdFields,
  entityHistory,
  changeArchived,
  recordAuditEvent,
} from '../audit/audit.public.js';
import { prepareOwnerSave, recordDepositChange } from '../ledger/ledger.public.js';
import { countBlockImpact } from './block-impact.repository.js';
import { normalisePartnerDraft, PARTNER_ADMIN_PASSWORD_POLICY, type PartnerDraft } from './partner-draft.js';
import { draftOf, presentPartner } from './partners.presenter.js';
import {
  findPartner,
  hasLiveContracts,
  hasLiveSubpartners,
  insertPartner,
  movePartnerSubtree,
  nextPartnerId,
  setPartnerArchived,
  subtreeHasUnusableTariffs,
  updatePartnerAdmin,
  updatePartnerRow,
} from './partners.repository.js';
import type { PartnerCreate, PartnerUpdate } from './partners.schemas.js';
import { inTransaction } from '../../db/transactions.js';

interface Call {
  db: Db;
  actor: Actor;
  requestId: string;
}

/**
 * Fields a partner administrator may not change on its own partner: only its parent decides them. The
 * Deposit is money paid into its balance with its parent, which is its parent's business too.
 */
const parentOnlyFields = ['blocked', 'usersBlocked', 'parentId', 'partnerPriceTariffId', 'deposit'] as const;

async function loadPartner(db: Db, actor: Actor, id: number) {
  const row = await findPartner(db, id, scopeOf(actor));
  if (!row) throw notFound();
  return presentPartner(row);
}

/**
 * What the actor is shown of a partner: a partner administrator's own partner hangs under a parent
 * outside its subtree, which does not exist for it, so the parent is not named.
 */
function visibleTo(actor: Actor, partner: ReturnType<typeof presentPartner>) {
  return actor.partnerId === partner.id ? { ...partner, parentId: null, parent: null } : partner;
}

async function showPartner(db: Db, actor: Actor, id: number) {
  return visibleTo(actor, await loadPartner(db, actor, id));
}

export function getPartner(options: { db: Db; actor: Actor; id: number }) {
  return showPartner(options.db, options.actor, options.id);
}

/** The path of the parent a partner will have; [] for a top-level partner (super administrators only). */
async function resolveParentPath(db: Db, actor: Actor, parentId: number | null): Promise<number[]> {
  if (parentId === null) {
    if (!actsForPlatform(actor)) throw invalid([{ field: 'parentId', code: 'parent_not_found' }]);
    return [];
  }
  const parent = await findPartnerInScope(db, parentId, scopeOf(actor));
  if (!parent) throw invalid([{ field: 'parentId', code: 'parent_not_found' }]);
  if (parent.archived_at !== null) throw conflict('parent_archived', 'parentId');
  return parent.path;
}

function checkAdminPassword(password: string, draft: PartnerDraft) {
  if (password === '') throw invalid([{ field: 'password', code: 'required' }]);
  const problem = checkPassword({
    password,
    policy: PARTNER_ADMIN_PASSWORD_POLICY,
    login: draft.login,
    name: draft.name,
  });
  if (problem) throw invalid([{ field: 'password', code: problem.code, params: problem.params }]);
}

function columnsOf(draft: PartnerDraft): Omit<NewPartnerRow, 'path'> {
  return {
    name: draft.name,
    email: draft.email,
    phone: draft.phone,
    deposit: draft.deposit ?? '0.00',
    iin: draft.iin,
    kpp: draft.kpp,
    vat_percent: draft.vatPercent,
    code_1c: draft.code1c,
    region: draft.region,
    blocked: draft.blocked,
    users_blocked: draft.usersBlocked,
    parent_id: draft.parentId,
    currency: draft.currency,
    additional_currencies: draft.additionalCurrencies,
    price_tariff_id: draft.priceTariffId,
    partner_price_tariff_id: draft.partnerPriceTariffId,
    organization_type: draft.organizationType,
    account_type: draft.accountType,
    user_password_policy: draft.userPasswordPolicy,
    show_user_password: draft.showUserPassword,
    comment: draft.comment,
  };
}

/** The history's view of a partner: its form fields, never a password or hash. */
const auditSnapshot = (partner: ReturnType<typeof presentPartner>) => ({ ...draftOf(partner) });

/**
 * A partner's administrator holds every right in its subtree: making one (a new partner, or a new
 * password for one) is granting every right, which only someone who holds them all may do.
 */
function checkMayMakeAdministrator(actor: Actor) {
  for (const right of allRights) checkRight(actor, right);
}

export async function createPartner(options: Call & { input: PartnerCreate }) {
  const { db, actor, input } = options;
  checkMayMakeAdministrator(actor);
  const parentId = input.parentId === undefined ? actor.partnerId : input.parentId;
  const parentPath = await resolveParentPath(db, actor, parentId);
  const draft = await normalisePartnerDraft(
    db,
    {
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      deposit: input.deposit ?? null,
      iin: input.iin ?? null,
      kpp: input.kpp ?? null,
      vatPercent: input.vatPercent ?? null,
      code1c: input.code1c ?? null,
      region: input.region ?? null,
      blocked: input.blocked ?? false,
      usersBlocked: input.usersBlocked ?? false,
      parentId,
      currency: input.currency,
      additionalCurrencies: input.additionalCurrencies ?? [],
      priceTariffId: input.priceTariffId ?? null,
      partnerPriceTariffId: input.partnerPriceTariffId ?? null,
      organizationType: input.organizationType ?? null,
      accountType: input.accountType,
      userPasswordPolicy: input.userPasswordPolicy ?? 'simple',
      showUserPassword: input.showUserPassword ?? false,
      login: input.login,
      comment: input.comment ?? null,
    },
    { parentPath, partnerId: null },
  );
  checkAdminPassword(input.password, draft);
  const passwordHash = await hashPassword(input.password);

  const id = await inTransaction(db, async (trx) => {
    const partnerId = await nextPartnerId(trx);
    await insertPartner(trx, {
      id: partnerId,
      path: [...parentPath, partnerId],
      ...columnsOf(draft),
    });
    await insertAdminUser(trx, {
      partnerId,
      role: 'partner_admin',
      login: draft.login,
      name: draft.name,
      passwordHash,
    });
    // The Deposit is an advance payment: it lands in the ledger with the partner, or neither does.
    await recordDepositChange(trx, {
      owner: { type: 'partner', id: partnerId, parentId: draft.parentId, currency: draft.currency },
      before: '0',
      after: draft.deposit ?? '0',
      actor,
    });
    const created = await findPartner(trx, partnerId, PLATFORM_SCOPE);
    await recordAuditEvent(trx, {
      entityType: 'partner',
      entityId: partnerId,
      action: 'created',
      changes: createdFields(auditSnapshot(presentPartner(created!))),
      actor,
      requestId: options.requestId,
    });
    return partnerId;
  });
  return showPartner(db, actor, id);
}

/**
 * On its own partner an administrator may send the parent-only fields only as it was shown them
 * (unchanged); they are then dropped from the input, so the hidden parent is never overwritten.
 */
function withoutParentOnlyFields(
  actor: Actor,
  current: ReturnType<typeof presentPartner>,
  input: PartnerUpdate,
) {
  if (actor.partnerId !== current.id) return input;
  const shown = visibleTo(actor, current);
  const refused: FieldError[] = parentOnlyFields
    .filter((field) => input[field] !== undefined && input[field] !== shown[field])
    .map((field) => ({ field, code: 'field_forbidden' }));
  // The administrator's own sign-in is its own: a staff user of the partner cannot take it over.
  if (actor.role === 'staff') {
    if (input.password !== undefined) refused.push({ field: 'password', code: 'field_forbidden' });
    if (input.login !== undefined && input.login !== current.login) {
      refused.push({ field: 'login', code: 'field_forbidden' });
    }
  }
  if (refused.length > 0) throw forbidden('field_forbidden', refused);
  const kept = { ...input };
  for (const field of parentOnlyFields) delete kept[field];
  return kept;
}

/** Changing one's own password needs the current one: a session left open must not be enough. */
async function checkCurrentPassword(
  db: Db,
  actor: Actor,
  partnerId: number,
  currentPassword: string | undefined,
) {
  if (!isOwnPartnerAdmin(actor, partnerId)) return;
  const hash = await findAdminPasswordHash(db, actor.userId);
  const matches =
    currentPassword !== undefined && hash !== undefined && (await verifyPassword(hash, currentPassword));
  if (!matches) {
    throw invalid([
      { field: 'currentPassword', code: currentPassword ? 'current_password_wrong' : 'required' },
    ]);
  }
}

export async function updatePartner(options: Call & { id: number; input: PartnerUpdate }) {
  const { db, actor, id, input } = options;
  const current = await loadPartner(db, actor, id);
  if (current.archivedAt !== null) throw conflict('archived');
  const { version, password, currentPassword, ...fields } = withoutParentOnlyFields(actor, current, input);
  const merged: PartnerDraft = { ...draftOf(current), ...definedEntries(fields) };
  const parentChanged = merged.parentId !== current.parentId;
  let parentPath = (await findPartner(db, id, PLATFORM_SCOPE))!.path.slice(0, -1);
  if (parentChanged) {
    parentPath = await resolveParentPath(db, actor, merged.parentId);
    if (parentPath.includes(id)) throw invalid([{ field: 'parentId', code: 'parent_cycle' }]);
  }
  const draft = await normalisePartnerDraft(db, merged, { parentPath, partnerId: id });
  if (password !== undefined) {
    checkMayMakeAdministrator(actor);
    checkAdminPassword(password, draft);
    await checkCurrentPassword(db, actor, id, currentPassword);
  }
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  // Saving the form unchanged changes nothing: no new version for others to collide with, no history line.
  const unchanged = changedFields(auditSnapshot(current), { ...draft }).length === 0;
  if (unchanged && passwordHash === undefined) {
    if (version !== current.version) throw staleVersion();
    return showPartner(db, actor, id);
  }

  const owner = { type: 'partner', id, parentId: draft.parentId, currency: draft.currency } as const;
  await inTransaction(db, async (trx) => {
    // Its ledger accounts first, its row after (the order of payments and the billing run); a change
    // of currency or parent is refused while money is owed in the old one (nothing changes then).
    await prepareOwnerSave(trx, {
      before: { type: 'partner', id, parentId: current.parentId, currency: current.currency },
      after: owner,
      depositBefore: current.deposit,
      depositAfter: draft.deposit ?? '0',
    });
    if (!(await updatePartnerRow(trx, id, version, columnsOf(draft)))) throw staleVersion();
    if (parentChanged) {
      await movePartnerSubtree(trx, id, parentPath);
      // A sub-partner's tariff of the old tree would follow it into a tree that may not use (or see) it.
      if (await subtreeHasUnusableTariffs(trx, id)) throw conflict('subtree_tariffs_unavailable', 'parentId');
    }
    // A changed Deposit records the difference (a decrease goes back the opposite way).
    await recordDepositChange(trx, { owner, before: current.deposit, after: draft.deposit ?? '0', actor });
    if (draft.login !== current.login || passwordHash !== undefined) {
      await updatePartnerAdmin(trx, id, {
        login: draft.login,
        ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
      });
    }
    // Blocked means logged out everywhere at once, not at the sessions' expiry.
    if (draft.blocked && !current.blocked) await deleteSessionsOfSubtree(trx, id);
    // A new password ends the administrator's other sessions; the one that changed it stays.
    if (passwordHash !== undefined) await deletePartnerAdminSessions(trx, id, actor.sessionId);
    const after = presentPartner((await findPartner(trx, id, PLATFORM_SCOPE))!);
    const changes = changedFields(auditSnapshot(current), auditSnapshot(after));
    if (passwordHash !== undefined) changes.push({ field: 'password', old: null, new: null });
    await recordAuditEvent(trx, {
      entityType: 'partner',
      entityId: id,
      action: 'updated',
      changes,
      actor,
      requestId: options.requestId,
    });
  });
  return showPartner(db, actor, id);
}

/** Archives (soft-deletes) a partner; refused while it has live sub-partners or live contracts. */
export async function archivePartner(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadPartner(db, actor, id);
  if (actor.partnerId === id) throw forbidden('self_archive');
  if (current.archivedAt !== null) return visibleTo(actor, current);
  const event = {
    entityType: 'partner',
    entityId: id,
    archived: true,
    actor,
    requestId: options.requestId,
  } as const;
  await changeArchived(db, event, async (trx) => {
    if (await hasLiveSubpartners(trx, id)) throw new AppError('has_live_subpartners', 409);
    // An archived partner's contracts would bill and log in under a partner that no longer exists.
    if (await hasLiveContracts(trx, id)) throw new AppError('has_live_contracts', 409);
    await setPartnerArchived(trx, id, new Date());
    await deleteSessionsOfSubtree(trx, id);
  });
  return showPartner(db, actor, id);
}

export async function restorePartner(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadPartner(db, actor, id);
  if (current.archivedAt === null) throw conflict('not_archived');
  if (current.parentId !== null) {
    const parent = await findPartnerInScope(db, current.parentId, PLATFORM_SCOPE);
    if (parent?.archived_at) throw conflict('parent_archived', 'parentId');
  }
  const event = {
    entityType: 'partner',
    entityId: id,
    archived: false,
    actor,
    requestId: options.requestId,
  } as const;
  await changeArchived(db, event, (trx) => setPartnerArchived(trx, id, null));
  return showPartner(db, actor, id);
}

export async function partnerHistory(options: { db: Db; actor: Actor; id: number }) {
  const { db, actor, id } = options;
  await loadPartner(db, actor, id);
  const history = await entityHistory(db, 'partner', id, actor);
  if (actor.partnerId !== id) return history;
  // Its own partner's parent lies outside the administrator's subtree: its id is not shown, not even
  // as a change of the past (security review, finding 4).
  const items = history.items
    .map((item) => ({ ...item, changes: item.changes.filter((change) => change.field !== 'parentId') }))
    .filter((item) => item.changes.length > 0 || item.action !== 'updated');
  return { items };
}

/** What blocking the partner reaches, for the confirmation that names it before Block Partner is saved. */
export async function partnerBlockImpact(options: { db: Db; actor: Actor; id: number }) {
  await loadPartner(options.db, options.actor, options.id);
  const counts = await countBlockImpact(options.db, options.id);
  return {
    subPartners: counts.sub_partners,
    contracts: counts.contracts,
    portalUsers: counts.portal_users,
    panelUsers: counts.panel_users,
    sessions: counts.sessions,
  };
}
