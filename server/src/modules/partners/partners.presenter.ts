import { formatAmount } from '../../lib/money.js';
import type { PartnerDraft } from './partner-draft.js';
import type { PartnerDetails, PartnerListRow } from './partners.repository.js';

const reference = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function presentPartner(row: PartnerDetails) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    deposit: row.deposit,
    iin: row.iin,
    kpp: row.kpp,
    vatPercent: row.vat_percent,
    code1c: row.code_1c,
    region: row.region,
    blocked: row.blocked,
    blockedBy: row.blocked_by ?? null,
    usersBlocked: row.users_blocked,
    blockedByAncestor: Boolean(row.blocked_by_ancestor),
    usersBlockedByAncestor: Boolean(row.users_blocked_by_ancestor),
    parentId: row.parent_id,
    parent: reference(row.parent_id, row.parent_name),
    currency: row.currency,
    additionalCurrencies: row.additional_currencies,
    priceTariffId: row.price_tariff_id,
    priceTariff: reference(row.price_tariff_id, row.price_tariff_name),
    partnerPriceTariffId: row.partner_price_tariff_id,
    partnerPriceTariff: reference(row.partner_price_tariff_id, row.partner_price_tariff_name),
    organizationType: row.organization_type,
    accountType: row.account_type,
    userPasswordPolicy: row.user_password_policy,
    showUserPassword: row.show_user_password,
    login: row.login,
    comment: row.comment,
    balance: formatAmount(row.balance),
    accountsCount: row.accounts_count,
    vehiclesCount: row.vehicles_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

export type PartnerResponse = ReturnType<typeof presentPartner>;

export function presentPartnerListItem(row: PartnerListRow) {
  return {
    id: row.id,
    name: row.name,
    tariff: reference(row.price_tariff_id, row.price_tariff_name),
    balance: formatAmount(row.balance),
    currency: row.currency,
    email: row.email,
    phone: row.phone,
    login: row.login,
    accountsCount: row.accounts_count,
    vehiclesCount: row.vehicles_count,
    parent: reference(row.parent_id, row.parent_name),
    comment: row.comment,
    blocked: row.blocked,
    blockedBy: row.blocked_by ?? null,
    usersBlocked: row.users_blocked,
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

/** The draft a stored partner stands for: the starting point of an update. */
export function draftOf(partner: PartnerResponse): PartnerDraft {
  return {
    name: partner.name,
    email: partner.email,
    phone: partner.phone,
    deposit: partner.deposit,
    iin: partner.iin,
    kpp: partner.kpp,
    vatPercent: partner.vatPercent,
    code1c: partner.code1c,
    region: partner.region,
    blocked: partner.blocked,
    usersBlocked: partner.usersBlocked,
    parentId: partner.parentId,
    currency: partner.currency,
    additionalCurrencies: partner.additionalCurrencies,
    priceTariffId: partner.priceTariffId,
    partnerPriceTariffId: partner.partnerPriceTariffId,
    organizationType: partner.organizationType,
    accountType: partner.accountType,
    userPasswordPolicy: partner.userPasswordPolicy,
    showUserPassword: partner.showUserPassword,
    login: partner.login ?? '',
    comment: partner.comment,
  };
}
