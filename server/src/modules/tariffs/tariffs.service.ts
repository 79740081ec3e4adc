import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { AppError, FieldErrors, forbidden, notFound, staleVersion } from '../../lib/errors.js';
import { checkAmount, formatAmount } from '../../lib/money.js';
import { pageOf } from '../../lib/paging.js';
import { emptyToNull } from '../../lib/text.js';
import { actsForPlatform, scopeOf, type Actor } from '../auth/auth.public.js';
import { findPartnerInScope, pathInScope, PLATFORM_SCOPE } from '../scope/scope.public.js';
import { changedFields, createdFields, recordAuditEvent } from '../audit/audit.public.js';
import { isCurrencyCode } from '../reference/reference.public.js';
import { presentTariff, presentTariffFor } from './tariffs.presenter.js';
import {
  findTariff,
  insertTariff,
  insertTariffVersion,
  listTariffs,
  listUsableTariffs,
  touchTariff,
} from './tariffs.repository.js';
import type { TariffChoicesQuery, TariffCreate, TariffQuery, TariffUpdate } from './tariffs.schemas.js';

function checkPrice(errors: FieldErrors, price: string | undefined) {
  if (price === undefined) return;
  const problem = checkAmount(price);
  if (problem) errors.add('price', problem);
}

async function loadTariff(db: Db, actor: Actor, id: number) {
  const row = await findTariff(db, id, scopeOf(actor), actor.partnerPath);
  if (!row) throw notFound();
  return row;
}

export async function getTariff(options: { db: Db; actor: Actor; id: number }) {
  return presentTariffFor(options.actor)(await loadTariff(options.db, options.actor, options.id));
}

export async function findTariffs(options: { db: Db; actor: Actor; query: TariffQuery }) {
  const { db, actor, query } = options;
  const page = pageOf(query);
  // An owner outside the caller's subtree (its hidden parent, say) owns nothing the caller can list by
  // it: filtering by such an id would confirm that the partner exists (security review, finding 4).
  if (
    query.ownerPartnerId !== undefined &&
    !(await findPartnerInScope(db, query.ownerPartnerId, scopeOf(actor)))
  ) {
    return { items: [], total: 0 };
  }
  const result = await listTariffs(db, {
    scope: scopeOf(actor),
    actorPath: actor.partnerPath,
    search: emptyToNull(query.search) ?? undefined,
    currency: query.currency,
    ownerPartnerId: query.ownerPartnerId,
    ...page,
  });
  return { items: result.items.map(presentTariffFor(actor)), total: result.total };
}

/** The partner-or-parent path that a tariff choice is made for, checked against the actor's scope. */
async function pathForChoice(db: Db, actor: Actor, partnerId: number | undefined): Promise<number[]> {
  if (partnerId === undefined) return [];
  const partner = await findPartnerInScope(db, partnerId, scopeOf(actor));
  if (!partner) throw notFound();
  return partner.path;
}

/**
 * Tariffs offered in the Price and Partner price lists of a partner (partnerId) or of a new partner
 * under a parent (parentId; by default the actor's own partner, as POST /partners does): the
 * platform's and the ancestors' tariffs, plus the partner's own for its Price, in the given currencies.
 */
export async function findTariffChoices(options: { db: Db; actor: Actor; query: TariffChoicesQuery }) {
  const { db, actor, query } = options;
  const partnerPath = await pathForChoice(db, actor, query.partnerId);
  const parentPath =
    query.partnerId === undefined
      ? await pathForChoice(db, actor, query.parentId ?? actor.partnerId ?? undefined)
      : partnerPath.slice(0, -1);
  const ownerCandidates =
    query.purpose === 'price' && query.partnerId !== undefined ? partnerPath : parentPath;
  const currencies = (query.currencies ?? '')
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  const rows = await listUsableTariffs(db, { ownerCandidates, currencies });
  return { items: rows.map(presentTariffFor(actor)), total: rows.length };
}

/** Who may own a new tariff: the actor's partner or one of its sub-partners; the platform for super admins. */
async function resolveOwner(db: Db, actor: Actor, ownerPartnerId: number | null | undefined) {
  if (ownerPartnerId === undefined) return actor.partnerId;
  if (ownerPartnerId === null) {
    if (!actsForPlatform(actor))
      throw forbidden('forbidden', [{ field: 'ownerPartnerId', code: 'platform_owner_forbidden' }]);
    return null;
  }
  if (!(await findPartnerInScope(db, ownerPartnerId, scopeOf(actor)))) {
    throw new AppError('validation_failed', 400, [{ field: 'ownerPartnerId', code: 'parent_not_found' }]);
  }
  return ownerPartnerId;
}

export async function createTariff(options: {
  db: Db;
  actor: Actor;
  input: TariffCreate;
  requestId: string;
}) {
  const { db, actor, input } = options;
  const errors = new FieldErrors();
  const name = input.name.trim();
  if (!name) errors.add('name', 'required');
  const currency = input.currency.trim().toUpperCase();
  if (!currency) errors.add('currency', 'required');
  else if (!isCurrencyCode(currency)) errors.add('currency', 'currency_unknown');
  checkPrice(errors, input.price);
  errors.throwIfAny();
  const ownerPartnerId = await resolveOwner(db, actor, input.ownerPartnerId);

  const id = await db.transaction().execute(async (trx) => {
    const tariffId = await insertTariff(trx, { name, currency, period: input.period, ownerPartnerId });
    await insertTariffVersion(trx, {
      tariffId,
      price: formatAmount(input.price),
      effectiveFrom: input.effectiveFrom ?? today(),
    });
    const created = await findTariff(trx, tariffId, PLATFORM_SCOPE, []);
    await recordAuditEvent(trx, {
      entityType: 'tariff',
      entityId: tariffId,
      action: 'created',
      changes: createdFields(snapshot(presentTariff(created!))),
      actor,
      requestId: options.requestId,
    });
    return tariffId;
  });
  return getTariff({ db, actor, id });
}

function snapshot(tariff: ReturnType<typeof presentTariff>) {
  return {
    name: tariff.name,
    currency: tariff.currency,
    period: tariff.period,
    ownerPartnerId: tariff.ownerPartnerId,
    versions: tariff.versions,
  };
}

/** Renames a tariff or adds a dated price version; existing versions are never changed. */
export async function updateTariff(options: {
  db: Db;
  actor: Actor;
  id: number;
  input: TariffUpdate;
  requestId: string;
}) {
  const { db, actor, id, input } = options;
  const before = await loadTariff(db, actor, id);
  const scope = scopeOf(actor);
  const ownedInScope =
    scope.kind === 'platform' || (before.owner_path !== null && pathInScope(scope, before.owner_path));
  if (!ownedInScope) throw forbidden('tariff_owner_forbidden');

  const errors = new FieldErrors();
  const name = input.name?.trim();
  if (name === '') errors.add('name', 'required');
  checkPrice(errors, input.price);
  if (input.effectiveFrom !== undefined && input.price === undefined) errors.add('price', 'required');
  // A new price may start today or later; days already charged keep the price they were charged at.
  if (input.effectiveFrom !== undefined && input.effectiveFrom < today())
    errors.add('effectiveFrom', 'effective_from_past');
  errors.throwIfAny();

  await db.transaction().execute(async (trx) => {
    if (!(await touchTariff(trx, { id, version: input.version, name }))) throw staleVersion();
    if (input.price !== undefined) {
      await insertTariffVersion(trx, {
        tariffId: id,
        price: formatAmount(input.price),
        effectiveFrom: input.effectiveFrom ?? today(),
      });
    }
    const after = await findTariff(trx, id, PLATFORM_SCOPE, []);
    await recordAuditEvent(trx, {
      entityType: 'tariff',
      entityId: id,
      action: 'updated',
      changes: changedFields(snapshot(presentTariff(before)), snapshot(presentTariff(after!))),
      actor,
      requestId: options.requestId,
    });
  });
  return getTariff({ db, actor, id });
}
