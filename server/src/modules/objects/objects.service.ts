import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { conflict, FieldErrors, invalid, notFound, staleVersion, type FieldError } from '../../lib/errors.js';
import { definedEntries } from '../../lib/defined-entries.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { findChargedDays, tryHoldChargingRunsOff } from '../ledger/ledger.public.js';
import { PLATFORM_SCOPE } from '../scope/scope.public.js';
import {
  changedFields,
  createdFields,
  entityHistory,
  changeArchived,
  recordAuditEvent,
} from '../audit/audit.public.js';
import {
  contractProblem,
  deviceTaken,
  deviceTakenError,
  phoneCountryOf,
  pinnedTariffOf,
} from './object-checks.js';
import {
  activeDaysAfterUpdate,
  activeDaysOfNew,
  activeUntilOnArchive,
  checkChargedDays,
  daysTakenOut,
  type ActiveDays,
  type DaysTakenOut,
} from './object-active-days.js';
import { deviceKey, normaliseObjectDraft, type ObjectDraft } from './object-draft.js';
import {
  auditSnapshot,
  columnsOf,
  createdSnapshot,
  draftOf,
  presentObject,
  type ObjectResponse,
} from './objects.presenter.js';
import {
  findContractsForObjects,
  findLiveDeviceHolders,
  findObject,
  insertObjects,
  insertObjectTariffs,
  setObjectArchived,
  startFirstPinBy,
  updateObjectRow,
} from './objects.repository.js';
import type { ObjectCreate, ObjectUpdate } from './objects.schemas.js';
import { inTransaction } from '../../db/transactions.js';

export interface Call {
  db: Db;
  actor: Actor;
  requestId: string;
}

export async function loadObject(db: Db, actor: Actor, id: number): Promise<ObjectResponse> {
  const row = await findObject(db, id, scopeOf(actor));
  if (!row) throw notFound();
  return presentObject(row);
}

export function getObject(options: { db: Db; actor: Actor; id: number }) {
  return loadObject(options.db, options.actor, options.id);
}

/** Refuses a device ID that another live object holds, saying whose only inside the caller's subtree. */
async function checkDeviceFree(db: Db, actor: Actor, deviceId: string, exceptObjectId?: number) {
  const [holder] = await findLiveDeviceHolders(db, [deviceKey(deviceId)], exceptObjectId);
  if (holder) throw deviceTaken(deviceTakenError(holder, scopeOf(actor)));
}

export async function createObject(options: Call & { input: ObjectCreate }) {
  const { db, actor, input } = options;
  const [contract] = await findContractsForObjects(db, [input.contractId], scopeOf(actor));
  const day = today();
  const active = input.active ?? true;
  const { draft, errors } = normaliseObjectDraft(
    {
      name: input.name,
      deviceId: input.deviceId,
      deviceType: input.deviceType ?? null,
      simPhone: input.simPhone ?? null,
      sim2Phone: input.sim2Phone ?? null,
      iccid: input.iccid ?? null,
      simProvider: input.simProvider ?? null,
      plateNumber: input.plateNumber ?? null,
      ...activeDaysOfNew({ active, activeFrom: input.activeFrom, activeUntil: input.activeUntil }, day),
    },
    phoneCountryOf(contract),
    { today: day },
  );
  const problems: FieldError[] = [...errors];
  const contractError = contractProblem(contract);
  let tariffId: number | null = null;
  if (contractError) problems.push(contractError);
  else {
    const pinned = pinnedTariffOf(contract!);
    if ('tariffId' in pinned) tariffId = pinned.tariffId;
    else problems.push(pinned);
  }
  if (problems.length > 0) throw invalid(problems);
  await checkDeviceFree(db, actor, draft.deviceId);

  const pinnedAt = day;
  const id = await inTransaction(db, async (trx) => {
    const [created] = await insertObjects(trx, [
      {
        ...columnsOf(draft),
        partner_id: contract!.partner_id,
        contract_id: contract!.id,
        tariff_id: tariffId!,
        tariff_pinned_at: pinnedAt,
      },
    ]);
    // Set back to the day it was installed, the object has its tariff in force from then (the pin
    // itself, tariff_pinned_at, stays the day it was made).
    await insertObjectTariffs(trx, [
      {
        object_id: created!.id,
        tariff_id: tariffId!,
        effective_from: draft.activeFrom < pinnedAt ? draft.activeFrom : pinnedAt,
      },
    ]);
    const object = presentObject((await findObject(trx, created!.id, PLATFORM_SCOPE))!);
    await recordAuditEvent(trx, {
      entityType: 'object',
      entityId: object.id,
      action: 'created',
      changes: createdFields(createdSnapshot(object)),
      actor,
      requestId: options.requestId,
    });
    return object.id;
  });
  return loadObject(db, actor, id);
}

/**
 * Refuses new active days that leave charged days out (checkChargedDays), in the transaction that
 * saves them. When the days taken out reach today or earlier, a billing run could be charging one of
 * them right now from the days it read before this save: the runs' lock is held first (refused while
 * a run is charging, rather than waiting for it), so no charge lands after the check.
 */
async function keepChargedDays(trx: Db, objectId: number, taken: DaysTakenOut, next: ActiveDays) {
  if (taken.reachesBilledDays && !(await tryHoldChargingRunsOff(trx)))
    throw conflict('billing_run_in_progress');
  const errors = new FieldErrors();
  checkChargedDays(errors, next, await findChargedDays(trx, objectId, taken));
  errors.throwIfAny();
}

export async function updateObject(options: Call & { id: number; input: ObjectUpdate }) {
  const { db, actor, id, input } = options;
  const current = await loadObject(db, actor, id);
  if (current.archivedAt !== null) throw conflict('archived');
  const { version, ...fields } = input;
  const stored = draftOf(current);
  const day = today();
  const wanted: ObjectDraft = { ...stored, ...definedEntries(fields) };
  const merged: ObjectDraft = { ...wanted, ...activeDaysAfterUpdate(stored, wanted, day) };
  const [contract] = await findContractsForObjects(db, [current.contractId], PLATFORM_SCOPE);
  const { draft, errors } = normaliseObjectDraft(merged, phoneCountryOf(contract), {
    today: day,
    storedActiveFrom: current.activeFrom,
  });
  if (errors.length > 0) throw invalid(errors);
  // Saving the form unchanged changes nothing: no new version for others to collide with, no history line.
  if (changedFields({ ...draftOf(current) }, { ...draft }).length === 0) {
    if (version !== current.version) throw staleVersion();
    return current;
  }
  if (deviceKey(draft.deviceId) !== deviceKey(current.deviceId)) {
    await checkDeviceFree(db, actor, draft.deviceId, id);
  }
  const taken = daysTakenOut(stored, draft, day);
  await inTransaction(db, async (trx) => {
    if (!(await updateObjectRow(trx, id, version, columnsOf(draft)))) throw staleVersion();
    if (taken) await keepChargedDays(trx, id, taken, draft);
    // Billed from an earlier day now: the first tariff is in force from that day too.
    if (draft.activeFrom < current.activeFrom) await startFirstPinBy(trx, id, draft.activeFrom);
    const after = presentObject((await findObject(trx, id, PLATFORM_SCOPE))!);
    await recordAuditEvent(trx, {
      entityType: 'object',
      entityId: id,
      action: 'updated',
      changes: changedFields(auditSnapshot(current), auditSnapshot(after)),
      actor,
      requestId: options.requestId,
    });
  });
  return loadObject(db, actor, id);
}

/**
 * Archives (soft-deletes) an object: it stops counting, frees its device ID and is billed no later
 * than today (Active until, see activeUntilOnArchive). That last day leaves no charged day out: runs
 * charge no day after today, nor after the Active until it keeps.
 */
export async function archiveObject(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadObject(db, actor, id);
  if (current.archivedAt !== null) return current;
  const activeUntil = activeUntilOnArchive(current, today());
  const alsoChanged =
    activeUntil === current.activeUntil
      ? []
      : [{ field: 'activeUntil', old: current.activeUntil, new: activeUntil }];
  const event = {
    entityType: 'object',
    entityId: id,
    archived: true,
    alsoChanged,
    actor,
    requestId: options.requestId,
  } as const;
  await changeArchived(db, event, (trx) => setObjectArchived(trx, id, new Date(), activeUntil));
  return loadObject(db, actor, id);
}

/**
 * Restores an archived object, if its device ID is still free and its contract is live. Its Active
 * until stays (the day it was archived, or the one it had): it is billed again only when a person
 * clears or moves that day, so a restore never bills the days it spent in the archive by itself.
 */
export async function restoreObject(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const current = await loadObject(db, actor, id);
  if (current.archivedAt === null) throw conflict('not_archived');
  const [contract] = await findContractsForObjects(db, [current.contractId], PLATFORM_SCOPE);
  if (contract?.archived_at) throw conflict('contract_archived', 'contractId');
  await checkDeviceFree(db, actor, current.deviceId, id);
  const event = {
    entityType: 'object',
    entityId: id,
    archived: false,
    actor,
    requestId: options.requestId,
  } as const;
  await changeArchived(db, event, (trx) => setObjectArchived(trx, id, null));
  return loadObject(db, actor, id);
}

export async function objectHistory(options: { db: Db; actor: Actor; id: number }) {
  await loadObject(options.db, options.actor, options.id);
  return entityHistory(options.db, 'object', options.id, options.actor);
}
