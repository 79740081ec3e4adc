import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import {
  AppError,
  conflict,
  FieldErrors,
  forbidden,
  invalid,
  notFound,
  staleVersion,
} from '../../lib/errors.js';
import { checkAmount, formatAmount } from '../../lib/money.js';
import { pageOf } from '../../lib/paging.js';
import { priceStartProblem } from '../../lib/price-start.js';
import { emptyToNull } from '../../lib/text.js';
import { actsForPlatform, scopeOf, type Actor } from '../auth/auth.public.js';
import { findPartnerInScope, pathInScope, PLATFORM_SCOPE } from '../scope/scope.public.js';
import { changedFields, createdFields, recordAuditEvent } from '../audit/audit.public.js';
import { isCurrencyCode } from '../reference/reference.public.js';
import { lastChargeDayOfTariff, tryHoldChargingRunsOff } from '../ledger/ledger.public.js';
import { presentTariff, presentTariffFor } from './tariffs.presenter.js';
import {
  deleteTariffVersion,
  findTariff,
  insertTariff,
  insertTariffVersion,
  listTariffs,
  listUsableTariffs,
  touchTariff,
  type TariffRecord,
} from './tariffs.repository.js';
import type {
  TariffChoicesQuery,
  TariffCreate,
  TariffPriceParams,
  TariffQuery,
  TariffUpdate,
} from './tariffs.schemas.js';
import { inTransaction } from '../../db/transactions.js';

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

/** Whether the actor may change the tariff: the platform's operator any, a partner those owned in its subtree. */
function mayChange(actor: Actor, tariff: TariffRecord) {
  const scope = scopeOf(actor);
  return scope.kind === 'platform' || (tariff.owner_path !== null && pathInScope(scope, tariff.owner_path));
}

/**
 * One tariff with the last day charged at it, which a new price's first day depends on. Only to those
 * who may change it: a tariff they may only sell is charged outside their subtree too.
 */
export async function getTariff(options: { db: Db; actor: Actor; id: number }) {
  const { db, actor } = options;
  const row = await loadTariff(db, actor, options.id);
  const billedThrough = mayChange(actor, row) ? await lastChargeDayOfTariff(db, row.id) : null;
  return { ...presentTariffFor(actor)(row), billedThrough };
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

  const id = await inTransaction(db, async (trx) => {
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

/** What History records of a tariff: its prices by day, without their ids. */
function snapshot(tariff: ReturnType<typeof presentTariff>) {
  return {
    name: tariff.name,
    currency: tariff.currency,
    period: tariff.period,
    ownerPartnerId: tariff.ownerPartnerId,
    versions: tariff.versions.map(({ price, effectiveFrom }) => ({ price, effectiveFrom })),
  };
}

/**
 * A new price may start today or later, or on an earlier day when nothing was charged at the tariff
 * from that day on (lib/price-start.ts): days already billed keep the price they were billed at. Read
 * in the transaction that adds the price, holding off the billing runs (refused while one is charging),
 * so that no charge of that day lands between this check and the new price.
 */
async function checkPriceStart(trx: Db, tariffId: number, effectiveFrom: string) {
  const day = today();
  if (effectiveFrom >= day) return;
  if (!(await tryHoldChargingRunsOff(trx))) throw conflict('billing_run_in_progress');
  const problem = priceStartProblem(effectiveFrom, {
    today: day,
    billedThrough: await lastChargeDayOfTariff(trx, tariffId),
  });
  if (problem) throw invalid([{ field: 'effectiveFrom', ...problem }]);
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
  if (!mayChange(actor, before)) throw forbidden('tariff_owner_forbidden');

  const errors = new FieldErrors();
  const name = input.name?.trim();
  if (name === '') errors.add('name', 'required');
  checkPrice(errors, input.price);
  if (input.effectiveFrom !== undefined && input.price === undefined) errors.add('price', 'required');
  errors.throwIfAny();

  await inTransaction(db, async (trx) => {
    if (!(await touchTariff(trx, { id, version: input.version, name }))) throw staleVersion();
    if (input.price !== undefined) {
      const effectiveFrom = input.effectiveFrom ?? today();
      await checkPriceStart(trx, id, effectiveFrom);
      await insertTariffVersion(trx, { tariffId: id, price: formatAmount(input.price), effectiveFrom });
    }
    await recordTariffChange(trx, { actor, before, requestId: options.requestId });
  });
  return getTariff({ db, actor, id });
}

/** History's line of a change of a tariff: what it was before, what it is now (read in the transaction). */
async function recordTariffChange(
  trx: Db,
  change: { actor: Actor; before: TariffRecord; requestId: string },
) {
  const after = await findTariff(trx, change.before.id, PLATFORM_SCOPE, []);
  await recordAuditEvent(trx, {
    entityType: 'tariff',
    entityId: change.before.id,
    action: 'updated',
    changes: changedFields(snapshot(presentTariff(change.before)), snapshot(presentTariff(after!))),
    actor: change.actor,
    requestId: change.requestId,
  });
}

/**
 * Deletes a scheduled price: one that starts after today, so nothing was ever charged at it. A price
 * in force or past is never deleted (409 tariff_price_started), nor a tariff's only price (409
 * tariff_last_price). Checked again on the tariff's row locked, against a change made meanwhile.
 */
export async function deleteTariffPrice(options: {
  db: Db;
  actor: Actor;
  params: TariffPriceParams;
  requestId: string;
}) {
  const { db, actor, params } = options;
  const before = await loadTariff(db, actor, params.id);
  if (!before.versions?.some((price) => price.id === params.priceId)) throw notFound();
  if (!mayChange(actor, before)) throw forbidden('tariff_owner_forbidden');

  await inTransaction(db, async (trx) => {
    await touchTariff(trx, { id: before.id });
    const locked = (await findTariff(trx, before.id, PLATFORM_SCOPE, []))!;
    const price = locked.versions?.find((version) => version.id === params.priceId);
    if (!price) throw notFound();
    if (price.effectiveFrom <= today())
      throw new AppError('tariff_price_started', 409, [], { effectiveFrom: price.effectiveFrom });
    if ((locked.versions ?? []).length === 1) throw conflict('tariff_last_price');
    await deleteTariffVersion(trx, { tariffId: before.id, versionId: price.id });
    await recordTariffChange(trx, { actor, before: locked, requestId: options.requestId });
  });
  return getTariff({ db, actor, id: before.id });
}
