import type { findEntityHistory } from './audit.repository.js';

/**
 * The history as the caller may see it: a change made by someone outside the caller's subtree (the
 * operator, a parent partner) shows no actor, since those people do not exist for the caller.
 */
export function presentHistory(
  rows: Awaited<ReturnType<typeof findEntityHistory>>,
  viewer: { partnerId: number | null },
) {
  const actorVisible = (path: number[] | null) =>
    viewer.partnerId === null || (path !== null && path.includes(viewer.partnerId));
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.created_at.toISOString(),
      action: row.action,
      actor:
        row.actor_login === null || !actorVisible(row.actor_partner_path)
          ? null
          : { id: row.actor_user_id, login: row.actor_login },
      changes: row.changes.map((change) => ({
        field: change.field,
        oldValue: change.old,
        newValue: change.new,
      })),
    })),
  };
}
