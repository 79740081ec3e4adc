/*
 * An entity's audited fields, declared once: the API field name its history shows, the column that
 * holds it and how its value reads. A service snapshots a presented record with snapshotOf(); the
 * set-based writer builds the same changes in SQL from the same list (audit.sql.ts).
 */

export interface AuditedField {
  /** The field as the API and the history name it. */
  field: string;
  /** Its column in the entity's table. */
  column: string;
  /** 'date' columns read as 'YYYY-MM-DD' text, as the API shows them. */
  kind?: 'date';
}

/** The audited fields' values of a presented record, in the declared order. */
export function snapshotOf(fields: readonly AuditedField[], record: object): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(fields.map(({ field }) => [field, values[field] ?? null]));
}
