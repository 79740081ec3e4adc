import type { Db } from '../../db/connect.js';
import type { AuditChange } from '../../db/schema.js';
import { archiveEventOf, type AuditEntityType, type AuditEventInput } from './audit-event.js';

/** Writes one event of the audit trail, in the caller's transaction so it lands with the change. */
export async function recordAuditEvent(db: Db, event: AuditEventInput) {
  await recordAuditEvents(db, [event]);
}

/** Writes several events in one statement (see audit.sql.ts for events computed by SQL). */
export async function recordAuditEvents(db: Db, events: readonly AuditEventInput[]) {
  if (events.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      events.map((event) => ({
        entity_type: event.entityType,
        entity_id: event.entityId,
        action: event.action,
        changes: JSON.stringify(event.changes),
        actor_user_id: event.actor?.userId ?? null,
        actor_login: event.actor?.login ?? null,
        request_id: event.requestId ?? null,
      })),
    )
    .execute();
}

/** Events of one record, newest first. The caller has checked that the record is in scope. */
export async function findEntityHistory(db: Db, entityType: AuditEntityType, entityId: number) {
  return db
    .selectFrom('audit_events as e')
    .leftJoin('admin_users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('partners as p', 'p.id', 'u.partner_id')
    .where('e.entity_type', '=', entityType)
    .where('e.entity_id', '=', entityId)
    .orderBy('e.id', 'desc')
    .select([
      'e.id',
      'e.action',
      'e.changes',
      'e.actor_user_id',
      'e.actor_login',
      'e.created_at',
      'p.path as actor_partner_path',
    ])
    .limit(1000)
    .execute();
}

/**
 * The history line of an archive (soft delete) or a restore, with any other field the same change
 * moved (an object archived gets its last billed day).
 */
export async function recordArchiveEvent(
  db: Db,
  event: Omit<AuditEventInput, 'action' | 'changes'> & { archived: boolean; alsoChanged?: AuditChange[] },
) {
  const { archived, alsoChanged = [], ...rest } = event;
  await recordAuditEvent(db, { ...rest, ...archiveEventOf(archived, alsoChanged) });
}
