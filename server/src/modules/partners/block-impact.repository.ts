import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { subtreePartnerIds } from '../scope/scope.public.js';

/**
 * What blocking a partner reaches, counted in one statement over its subtree (itself included): its
 * live sub-partners, contracts, portal users and admin-panel users (administrators and staff), and the
 * admin-panel sessions that Block Partner ends at once.
 */
export async function countBlockImpact(db: Db, partnerId: number) {
  const subtree = subtreePartnerIds(partnerId);
  const result = await sql<{
    sub_partners: number;
    contracts: number;
    portal_users: number;
    panel_users: number;
    sessions: number;
  }>`
    select
      (select count(*) from partners where id in (${subtree}) and id <> ${partnerId} and archived_at is null)::int as sub_partners,
      (select count(*) from contracts where partner_id in (${subtree}) and archived_at is null)::int as contracts,
      (select count(*) from portal_users where partner_id in (${subtree}) and archived_at is null)::int as portal_users,
      (select count(*) from admin_users where partner_id in (${subtree}) and archived_at is null)::int as panel_users,
      (select count(*) from sessions s join admin_users u on u.id = s.user_id
        where u.partner_id in (${subtree}) and s.expires_at > now())::int as sessions
  `.execute(db);
  return result.rows[0]!;
}
