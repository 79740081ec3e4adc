import type { Db } from '../../db/connect.js';
import type { AuditEntityType } from './audit-event.js';
import { findEntityHistory } from './audit.repository.js';
import { presentHistory } from './audit.presenter.js';

/** The History answer of a record the caller has already found in its scope. */
export async function entityHistory(
  db: Db,
  entityType: AuditEntityType,
  entityId: number,
  viewer: { partnerId: number | null },
) {
  return presentHistory(await findEntityHistory(db, entityType, entityId), viewer);
}
