import { snapshotOf } from '../audit/audit.public.js';
import { objectAuditedFields, objectCreatedFields } from './object-audit.js';
import type { ObjectDraft } from './object-draft.js';
import type { ObjectDetails } from './objects.repository.js';

/** What leaves the server of an object: API names, ISO times, its partner, contract and tariff by name. */
export function presentObject(row: ObjectDetails) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partner: { id: row.partner_id, name: row.partner_name },
    contractId: row.contract_id,
    contract: { id: row.contract_id, name: row.contract_name },
    name: row.name,
    deviceId: row.device_id,
    deviceType: row.device_type,
    simPhone: row.sim_phone,
    sim2Phone: row.sim2_phone,
    iccid: row.iccid,
    simProvider: row.sim_provider,
    plateNumber: row.plate_number,
    active: row.active,
    activeFrom: row.active_from,
    activeUntil: row.active_until,
    tariffId: row.tariff_id,
    tariff: { id: row.tariff_id, name: row.tariff_name },
    tariffPinnedAt: row.tariff_pinned_at,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

export type ObjectResponse = ReturnType<typeof presentObject>;

/** The history's view of an object: its form fields and where it belongs. */
export const auditSnapshot = (object: ObjectResponse) => snapshotOf(objectAuditedFields, object);

/** The history's view of a new object: also its tariff and the day it was pinned. */
export const createdSnapshot = (object: ObjectResponse) => snapshotOf(objectCreatedFields, object);

/** The draft a stored object stands for: the starting point of an update. */
export function draftOf(object: ObjectResponse): ObjectDraft {
  return {
    name: object.name,
    deviceId: object.deviceId,
    deviceType: object.deviceType,
    simPhone: object.simPhone,
    sim2Phone: object.sim2Phone,
    iccid: object.iccid,
    simProvider: object.simProvider,
    plateNumber: object.plateNumber,
    active: object.active,
    activeFrom: object.activeFrom,
    activeUntil: object.activeUntil,
  };
}

/** The database columns of a draft. */
export function columnsOf(draft: ObjectDraft) {
  return {
    name: draft.name,
    device_id: draft.deviceId,
    device_type: draft.deviceType,
    sim_phone: draft.simPhone,
    sim2_phone: draft.sim2Phone,
    iccid: draft.iccid,
    sim_provider: draft.simProvider,
    plate_number: draft.plateNumber,
    active: draft.active,
    active_from: draft.activeFrom,
    active_until: draft.activeUntil,
  };
}
