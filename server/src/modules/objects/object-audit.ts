import type { AuditedField } from '../audit/audit.public.js';

/*
 * An object's history fields, declared once: a single save snapshots the presented object with them
 * (objects.presenter.ts), and a bulk import writes the same "created" events in SQL from this list.
 */

/** The form's fields and where the object belongs: what an update's history compares. */
export const objectAuditedFields: readonly AuditedField[] = [
  { field: 'contractId', column: 'contract_id' },
  { field: 'name', column: 'name' },
  { field: 'deviceId', column: 'device_id' },
  { field: 'deviceType', column: 'device_type' },
  { field: 'simPhone', column: 'sim_phone' },
  { field: 'sim2Phone', column: 'sim2_phone' },
  { field: 'iccid', column: 'iccid' },
  { field: 'simProvider', column: 'sim_provider' },
  { field: 'plateNumber', column: 'plate_number' },
  { field: 'active', column: 'active' },
  { field: 'activeFrom', column: 'active_from', kind: 'date' },
  { field: 'activeUntil', column: 'active_until', kind: 'date' },
];

/** A new object's history also names the tariff it was pinned to and the day of the pin. */
export const objectCreatedFields: readonly AuditedField[] = [
  ...objectAuditedFields,
  { field: 'tariffId', column: 'tariff_id' },
  { field: 'tariffPinnedAt', column: 'tariff_pinned_at', kind: 'date' },
];
