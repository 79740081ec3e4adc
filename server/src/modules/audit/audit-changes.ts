import type { AuditChange } from '../../db/schema.js';

type Snapshot = Record<string, unknown>;

function comparable(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value ?? null);
}

/**
 * The fields whose values differ between two snapshots of a record, in the snapshot's field order.
 * Snapshots hold API field names and presented values, so the history reads like the form.
 */
export function changedFields(before: Snapshot, after: Snapshot): AuditChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (comparable(before[field]) !== comparable(after[field])) {
      changes.push({ field, old: before[field] ?? null, new: after[field] ?? null });
    }
  }
  return changes;
}

/** Every field of a new record as a change from nothing. */
export function createdFields(after: Snapshot): AuditChange[] {
  return Object.entries(after)
    .filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    )
    .map(([field, value]) => ({ field, old: null, new: value }));
}
