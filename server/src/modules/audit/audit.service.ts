import type { Db } from '../../db/connect.js';
import type { AuditEntityType } from './audit-event.js';
import { findEntityHistory, recordArchiveEvent } from './audit.repository.js';
import { presentHistory } from './audit.presenter.js';
import { inTransaction } from '../../db/transactions.js';

/** The History answer of a record the caller has already found in its scope. */
export async function entityHistory(
  db: Db,
  entityType: AuditEntityType,
  entityId: number,
  viewer: { partnerId: number | null },
) {
  return presentHistory(await findEntityHistory(db, entityType, entityId), viewer);
}

/**
 * Archives or restores a record: `apply` writes the change (and what goes with it) and the history
 * line is written after it, in one transaction the caller hands nothing to — both land, or neither.
 */
export async function changeArchived(
  db: Db,
  event: Parameters<typeof recordArchiveEvent>[1],
  apply: (trx: Db) => Promise<void>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await apply(trx);
    await recordArchiveEvent(trx, event);
  });
}
