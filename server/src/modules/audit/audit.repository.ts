import type { Db } from '../../db/connect.js';
import type { AuditChange } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';

export type AuditEntityType =
  'partner' | 'tariff' | 'admin_user' | 'contract' | 'object' | 'portal_user' | 'exchange_rate';

export interface AuditEventInput {
  entityType: AuditEntityType;
  entityId: number;
  action: string;
  changes: AuditChange[];
  actor: Actor | null;
  requestId?: string | null;
}

/** Writes one event of the audit trail, in the caller's transaction so it lands with the change. */
export async function recordAuditEvent(db: Db, event: AuditEventInput) {
  await db
    .insertInto('audit_events')
    .values({
      entity_type: event.entityType,
      entity_id: event.entityId,
      action: event.action,
      changes: JSON.stringify(event.changes),
      actor_user_id: event.actor?.userId ?? null,
      actor_login: event.actor?.login ?? null,
      request_id: event.requestId ?? null,
    })
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
