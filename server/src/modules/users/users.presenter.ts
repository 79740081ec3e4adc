import type { PortalUserDetails } from './users.repository.js';

/** What leaves the server of a portal user: never its password hash. */
export function presentUser(row: PortalUserDetails) {
  return {
    id: row.id,
    contractId: row.contract_id,
    contract: { id: row.contract_id, name: row.contract_name },
    partnerId: row.partner_id,
    partner: { id: row.partner_id, name: row.partner_name },
    login: row.login,
    name: row.name,
    phone: row.phone,
    email: row.email,
    type: row.type,
    blocked: row.blocked,
    blockedBy: row.blocked_by ?? null,
    passwordPolicy: row.password_policy,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

export type UserResponse = ReturnType<typeof presentUser>;

/** The history's view of a user: its form fields, never a password or hash. */
export function auditSnapshot(user: UserResponse) {
  return {
    contractId: user.contractId,
    login: user.login,
    name: user.name,
    phone: user.phone,
    email: user.email,
    type: user.type,
    blocked: user.blocked,
  };
}
