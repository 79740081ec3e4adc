import { rightsOfStaffRow } from './staff-row-rights.js';
import type { StaffRow } from './staff.repository.js';

/** What leaves the server of an admin-panel user: never its password hash. */
export function presentStaff(row: StaffRow) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partner: row.partner_id === null ? null : { id: row.partner_id, name: row.partner_name ?? '' },
    role: row.role,
    login: row.login,
    name: row.name,
    email: row.email,
    rights: rightsOfStaffRow(row),
    blocked: row.blocked,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

export type StaffResponse = ReturnType<typeof presentStaff>;

/** The history's view of a staff user: its form fields, never a password or hash. */
export function auditSnapshot(staff: StaffResponse) {
  return {
    login: staff.login,
    name: staff.name,
    email: staff.email,
    rights: staff.rights.join(', '),
    blocked: staff.blocked,
  };
}
