import type { AuditChange } from '../../db/schema.js';

export type AuditEntityType =
  'partner' | 'tariff' | 'admin_user' | 'contract' | 'object' | 'portal_user' | 'exchange_rate';

/** Who acted: a person signed in to the admin panel, or (null) the system itself, e.g. the billing run. */
export interface AuditActor {
  userId: number | null;
  login: string | null;
}

/** The action and changes of an archive (soft delete) or a restore, with what else the change moved. */
export function archiveEventOf(archived: boolean, alsoChanged: AuditChange[] = []) {
  return {
    action: archived ? 'archived' : 'restored',
    changes: [{ field: 'archived', old: !archived, new: archived }, ...alsoChanged],
  };
}

export interface AuditEventInput {
  entityType: AuditEntityType;
  entityId: number;
  action: string;
  changes: AuditChange[];
  actor: AuditActor | null;
  requestId?: string | null;
}
