import type { Contract } from '../../app/api-types';
import { decimalText } from '../../ui/decimal-text';
import type { ContractCopy, ContractFormValues } from './contract-types';

/** What an empty Add window starts with; the currency follows the partner once it is known. */
export function emptyContractValues(partnerId: number | null): Partial<ContractFormValues> {
  return {
    partnerId,
    accountType: 'prepayment',
    active: true,
    isWarehouse: false,
    blocked: false,
    userPasswordPolicy: 'inherit',
    tariffId: null,
  };
}

export function formValuesOf(contract: Contract): ContractFormValues {
  return {
    name: contract.name,
    email: contract.email,
    phone: contract.phone,
    deposit: contract.deposit,
    iin: contract.iin,
    kpp: contract.kpp,
    partnerId: contract.partnerId,
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

/** The copy Clone proposes, as the Add window's values; saving it sends `clonedFrom` as well. */
export function copyFormValuesOf(copy: ContractCopy): ContractFormValues {
  const values: ContractFormValues = {
    ...copy,
    active: copy.active ?? true,
    isWarehouse: false,
    blocked: copy.blocked ?? false,
    userPasswordPolicy: copy.userPasswordPolicy ?? 'inherit',
  };
  // The source is the window's to send, not a field of the form.
  delete values.clonedFrom;
  return values;
}

const optionalFields = [
  'email',
  'phone',
  'deposit',
  'iin',
  'kpp',
  'tariffId',
  'organizationType',
  'blockingLimit',
  'code1c',
  'comment',
] as const;

/**
 * The body to send: a cleared field is sent as null (an absent one would mean "unchanged" to PATCH),
 * a decimal comma becomes a point, and the Blocking limit goes only with Postpayment (light).
 */
export function requestBodyOf(values: ContractFormValues): ContractFormValues {
  const body: ContractFormValues = { ...values };
  for (const field of optionalFields) {
    const value = body[field];
    (body as unknown as Record<string, unknown>)[field] =
      value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;
  }
  for (const field of ['name', 'email', 'phone', 'iin', 'kpp', 'code1c'] as const) {
    const value = body[field];
    if (typeof value === 'string') (body as unknown as Record<string, unknown>)[field] = value.trim();
  }
  if (body.deposit) body.deposit = decimalText(body.deposit);
  if (body.accountType !== 'postpayment_light') body.blockingLimit = null;
  else if (body.blockingLimit) body.blockingLimit = decimalText(body.blockingLimit);
  return body;
}

/** The form field a server error belongs to: "tariffId.x" is shown on "tariffId". */
export function formFieldOf(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}
