import type { Db } from '../../db/connect.js';
import type { AccountType, ContractPasswordPolicy } from '../../db/schema.js';
import { FieldErrors } from '../../lib/errors.js';
import { checkAmount, formatAmount } from '../../lib/money.js';
import { emptyToNull } from '../../lib/text.js';
import { countryOfRegion, isCurrencyCode } from '../reference/reference.public.js';
import { findTariffForUse, isTariffAvailable } from '../tariffs/tariffs.public.js';
import { normaliseRequisites } from '../partners/partners.public.js';
import type { PartnerInScope as ContractPartner } from '../scope/scope.public.js';

/** A contract's editable fields as the API names them: the state a create or an update wants to reach. */
export interface ContractDraft {
  partnerId: number;
  name: string;
  email: string | null;
  phone: string | null;
  deposit: string | null;
  iin: string | null;
  kpp: string | null;
  currency: string;
  tariffId: number | null;
  organizationType: string | null;
  accountType: AccountType;
  blockingLimit: string | null;
  code1c: string | null;
  active: boolean;
  isWarehouse: boolean;
  blocked: boolean;
  userPasswordPolicy: ContractPasswordPolicy;
  comment: string | null;
}

function checkCurrency(errors: FieldErrors, currency: string, partner: ContractPartner) {
  if (!currency) errors.add('currency', 'required');
  else if (!isCurrencyCode(currency)) errors.add('currency', 'currency_unknown');
  else if (currency !== partner.currency && !partner.additional_currencies.includes(currency)) {
    errors.add('currency', 'currency_not_of_partner');
  }
}

/**
 * The contract's Tariff is chosen as the partner's own Price is: a live tariff of the platform, of an
 * ancestor or of the partner itself (GET /tariffs/choices?purpose=price&partnerId= offers exactly these),
 * and it bills in the contract's currency.
 */
async function checkTariff(db: Db, errors: FieldErrors, draft: ContractDraft, partner: ContractPartner) {
  if (draft.tariffId === null) return;
  const tariff = await findTariffForUse(db, draft.tariffId);
  if (!tariff || !isTariffAvailable(tariff, partner.path)) errors.add('tariffId', 'tariff_not_available');
  else if (!errors.has('currency') && tariff.currency !== draft.currency) {
    errors.add('tariffId', 'tariff_contract_currency');
  }
}

function checkBlockingLimit(errors: FieldErrors, draft: ContractDraft, blockingLimit: string | null) {
  if (draft.accountType !== 'postpayment_light') {
    if (blockingLimit !== null) errors.add('blockingLimit', 'blocking_limit_not_allowed');
    return;
  }
  if (blockingLimit === null) errors.add('blockingLimit', 'required');
  else {
    const problem = checkAmount(blockingLimit);
    if (problem) errors.add('blockingLimit', problem);
  }
}

/**
 * Normalises a draft (trims, E.164 phone, canonical amounts, upper-case codes) and checks every rule
 * of the contract card against its partner, reporting all invalid fields at once. Tax ids, phone and
 * legal form follow the country of the partner's Region, as the partner's own do.
 */
export async function normaliseContractDraft(
  db: Db,
  draft: ContractDraft,
  partner: ContractPartner,
): Promise<ContractDraft> {
  const errors = new FieldErrors();
  const country = partner.region === null ? null : countryOfRegion(partner.region);

  const requisites = normaliseRequisites(errors, draft, country);

  const blockingLimit = emptyToNull(draft.blockingLimit);
  checkBlockingLimit(errors, draft, blockingLimit);

  const normalized: ContractDraft = {
    ...draft,
    partnerId: partner.id,
    ...requisites,
    currency: draft.currency.trim().toUpperCase(),
    blockingLimit:
      blockingLimit === null || errors.has('blockingLimit') ? blockingLimit : formatAmount(blockingLimit),
    code1c: emptyToNull(draft.code1c),
    comment: emptyToNull(draft.comment),
  };
  checkCurrency(errors, normalized.currency, partner);
  await checkTariff(db, errors, normalized, partner);

  errors.throwIfAny();
  return normalized;
}
