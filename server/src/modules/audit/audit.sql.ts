import { sql, type RawBuilder } from 'kysely';
import type { AuditActor, AuditEntityType } from './audit-event.js';
import type { AuditedField } from './audited-fields.js';

/*
 * The set-based form of the one audit writer: an INSERT … SELECT of one event per row of a relation,
 * usable as a statement of its own or as a data-modifying CTE of the statement that makes the change,
 * so a change of a thousand rows writes its thousand events in the same statement.
 */

/** One change of a history event, as the jsonb the audit trail stores: {field, old, new}. */
export function changeJson(field: string, old: RawBuilder<unknown>, next: RawBuilder<unknown>) {
  return sql`jsonb_build_object('field', ${sql.lit(field)}::text, 'old', ${old}, 'new', ${next})`;
}

/** The value of an audited field of row `alias` as the API shows it (days as 'YYYY-MM-DD'). */
function fieldValue(alias: string, field: AuditedField) {
  const column = sql.ref(`${alias}.${field.column}`);
  return field.kind === 'date' ? sql`to_jsonb(${column}::text)` : sql`to_jsonb(${column})`;
}

/**
 * The changes of a "created" event of row `alias`: each audited field as a change from nothing, in the
 * declared order, leaving out the empty ones — what createdFields() writes for one record.
 */
export function createdChangesJson(alias: string, fields: readonly AuditedField[]) {
  const values = fields.map(
    (field, index) => sql`(${sql.lit(index + 1)}, ${sql.lit(field.field)}, ${fieldValue(alias, field)})`,
  );
  return sql`(select jsonb_agg(jsonb_build_object('field', f.field, 'old', null, 'new', f.value) order by f.n)
    from (values ${sql.join(values)}) as f(n, field, value)
   where f.value is not null)`;
}

/**
 * `insert into audit_events … select … from <from>`: one event per row of `from` (a relation and its
 * conditions), its entity id, action and changes read from that row.
 */
export function insertAuditEventsFrom(events: {
  entityType: AuditEntityType;
  entityId: RawBuilder<unknown>;
  action: string | RawBuilder<unknown>;
  changes: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
  actor: AuditActor | null;
  requestId?: string | null;
}): RawBuilder<unknown> {
  const action = typeof events.action === 'string' ? sql.lit(events.action) : events.action;
  return sql`
    insert into audit_events (entity_type, entity_id, action, changes, actor_user_id, actor_login, request_id)
    select ${sql.lit(events.entityType)}, ${events.entityId}, ${action}, ${events.changes},
           ${events.actor?.userId ?? null}::bigint, ${events.actor?.login ?? null}::text,
           ${events.requestId ?? null}::text
      from ${events.from}`;
}
