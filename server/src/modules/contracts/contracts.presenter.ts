import type { NewContractRow } from './contracts.repository.js';
import { formatAmount } from '../../lib/money.js';
import type { ContractDraft } from './contract-draft.js';
import type { ContractDetails } from './contracts.repository.js';
import type { ContractListRow } from './contracts-list.repository.js';

const reference = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function presentContract(row: ContractDetails) {
  return {
    id: row.id,
    partnerId: row.partner_id,
    partner: { id: row.partner_id, name: row.partner_name },
    name: row.name,
    email: row.email,
    phone: row.phone,
    balance: formatAmount(row.balance),
    deposit: row.deposit,
    iin: row.iin,
    kpp: row.kpp,
    currency: row.currency,
    tariffId: row.tariff_id,
    tariff: reference(row.tariff_id, row.tariff_name),
    inheritedTariff: row.inherited_tariff ?? null,
    organizationType: row.organization_type,
    accountType: row.account_type,
    blockingLimit: row.blocking_limit,
    code1c: row.code_1c,
    active: row.active,
    isWarehouse: row.is_warehouse,
    blocked: row.blocked,
    blockedBy: row.blocked_by ?? null,
    debtBlocked: row.debt_blocked,
    userPasswordPolicy: row.user_password_policy,
    comment: row.comment,
    objectsCount: Number(row.objects_count ?? 0),
    usersCount: Number(row.users_count ?? 0),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

export type ContractResponse = ReturnType<typeof presentContract>;

export function presentContractListItem(row: ContractListRow, counts?: { objects: number; users: number }) {
  return {
    id: row.id,
    name: row.name,
    partner: { id: row.partner_id, name: row.partner_name },
    tariff: reference(row.tariff_id, row.tariff_name),
    balance: formatAmount(row.balance),
    currency: row.currency,
    email: row.email,
    phone: row.phone,
    iin: row.iin,
    accountType: row.account_type,
    blockingLimit: row.blocking_limit,
    code1c: row.code_1c,
    active: row.active,
    isWarehouse: row.is_warehouse,
    blocked: row.blocked,
    blockedBy: row.blocked_by ?? null,
    debtBlocked: row.debt_blocked,
    comment: row.comment,
    objectsCount: counts?.objects ?? 0,
    usersCount: counts?.users ?? 0,
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

/** The draft a stored contract stands for: the starting point of an update or a clone. */
export function draftOf(contract: ContractResponse): ContractDraft {
  return {
    partnerId: contract.partnerId,
    name: contract.name,
    email: contract.email,
    phone: contract.phone,
    deposit: contract.deposit,
    iin: contract.iin,
    kpp: contract.kpp,
    currency: contract.currency,
    tariffId: contract.tariffId,
    organizationType: contract.organizationType,
    accountType: contract.accountType,
    blockingLimit: contract.blockingLimit,
    code1c: contract.code1c,
    active: contract.active,
    isWarehouse: contract.isWarehouse,
    blocked: contract.blocked,
    userPasswordPolicy: contract.userPasswordPolicy,
    comment: contract.comment,
  };
}

/** The row columns of a checked draft. */
export function columnsOf(draft: ContractDraft): NewContractRow {
  return {
    partner_id: draft.partnerId,
    name: draft.name,
    email: draft.email,
    phone: draft.phone,
    deposit: draft.deposit ?? '0.00',
    iin: draft.iin,
    kpp: draft.kpp,
    currency: draft.currency,
    tariff_id: draft.tariffId,
    organization_type: draft.organizationType,
    account_type: draft.accountType,
    blocking_limit: draft.blockingLimit,
    code_1c: draft.code1c,
    active: draft.active,
    is_warehouse: draft.isWarehouse,
    blocked: draft.blocked,
    user_password_policy: draft.userPasswordPolicy,
    comment: draft.comment,
  };
}
