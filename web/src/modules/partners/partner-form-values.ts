import type { Partner } from '../../app/api-types';
import { decimalText } from '../../ui/decimal-text';
import type { PartnerFormValues } from './partner-types';

/** What an empty Add window starts with. */
export function emptyPartnerValues(parentId: number | null): Partial<PartnerFormValues> {
  return {
    blocked: false,
    usersBlocked: false,
    parentId,
    additionalCurrencies: [],
    userPasswordPolicy: 'simple',
    showUserPassword: false,
    accountType: 'prepayment',
  };
}

export function formValuesOf(partner: Partner): PartnerFormValues {
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
    password: '',
    comment: partner.comment,
  };
}

const optionalFields = [
  'email',
  'phone',
  'deposit',
  'iin',
  'kpp',
  'vatPercent',
  'code1c',
  'region',
  'parentId',
  'priceTariffId',
  'partnerPriceTariffId',
  'organizationType',
  'comment',
] as const;

/**
 * The body to send: a cleared field is sent as null (an absent one would mean "unchanged" to PATCH),
 * a decimal comma becomes a point, and an empty password is left out (keep the current one).
 */
export function requestBodyOf(values: PartnerFormValues): PartnerFormValues {
  const body: PartnerFormValues = { ...values, additionalCurrencies: values.additionalCurrencies ?? [] };
  for (const field of optionalFields) {
    const value = body[field];
    (body as unknown as Record<string, unknown>)[field] = value === undefined || value === '' ? null : value;
  }
  if (body.deposit) body.deposit = decimalText(body.deposit);
  if (body.vatPercent) body.vatPercent = decimalText(body.vatPercent);
  if (!body.password) {
    delete body.password;
    delete body.currentPassword;
  }
  return body;
}

/** The form field a server error belongs to: "additionalCurrencies[1]" is shown on "additionalCurrencies". */
export function formFieldOf(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}
