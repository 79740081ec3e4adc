import type { Db } from '../../db/connect.js';
import type { AccountType, PasswordPolicy } from '../../db/schema.js';
import { FieldErrors } from '../../lib/errors.js';
import { checkAmount, formatAmount } from '../../lib/money.js';
import { emptyToNull } from '../../lib/text.js';
import { countryOfRegion, findRegion, isCurrencyCode } from '../reference/reference.public.js';
import { findTariffForUse, isTariffAvailable } from '../tariffs/tariffs.public.js';
import { normaliseRequisites } from './requisites-draft.js';

/** The password rule of a partner's administrator (its login on the partner's form, or its own change). */
export const PARTNER_ADMIN_PASSWORD_POLICY: PasswordPolicy = 'simple';

/** A partner's editable fields as the API names them: the state a create or an update wants to reach. */
export interface PartnerDraft {
  name: string;
  email: string | null;
  phone: string | null;
  deposit: string | null;
  iin: string | null;
  kpp: string | null;
  vatPercent: string | null;
  code1c: string | null;
  region: string | null;
  blocked: boolean;
  usersBlocked: boolean;
  parentId: number | null;
  currency: string;
  additionalCurrencies: string[];
  priceTariffId: number | null;
  partnerPriceTariffId: number | null;
  organizationType: string | null;
  accountType: AccountType;
  userPasswordPolicy: PasswordPolicy;
  showUserPassword: boolean;
  login: string;
  comment: string | null;
}

export const loginPattern = /^[\p{L}\p{N}._@-]{3,64}$/u;

function checkVat(errors: FieldErrors, vatPercent: string | null) {
  if (vatPercent === null) return;
  const problem = checkAmount(vatPercent, { maxIntegerDigits: 3 });
  if (problem || Number(vatPercent) > 100) errors.add('vatPercent', 'vat_range');
}

function checkCurrencies(errors: FieldErrors, draft: PartnerDraft) {
  if (!draft.currency) errors.add('currency', 'required');
  else if (!isCurrencyCode(draft.currency)) errors.add('currency', 'currency_unknown');
  const seen = new Set([draft.currency]);
  draft.additionalCurrencies.forEach((code, index) => {
    const field = `additionalCurrencies[${index}]`;
    if (!isCurrencyCode(code)) errors.add(field, 'currency_unknown');
    else if (seen.has(code)) errors.add(field, 'currency_duplicate');
    seen.add(code);
  });
}

/**
 * Checks that a tariff may be this partner's: not archived, owned by the platform or by one of
 * `owners` (ancestors, and the partner itself for its own Price), in one of the partner's currencies.
 */
async function checkTariff(
  db: Db,
  errors: FieldErrors,
  field: 'priceTariffId' | 'partnerPriceTariffId',
  options: { tariffId: number | null; owners: number[]; currencies: string[] },
) {
  if (options.tariffId === null) return;
  const tariff = await findTariffForUse(db, options.tariffId);
  if (!tariff || !isTariffAvailable(tariff, options.owners)) errors.add(field, 'tariff_not_available');
  else if (!options.currencies.includes(tariff.currency)) errors.add(field, 'tariff_currency');
}

/**
 * Normalises a draft (trims, E.164 phone, canonical amounts, upper-case codes) and checks every rule
 * of the partner form, reporting all invalid fields at once. `parentPath` is the path of the parent
 * the partner will have; `partnerId` is absent for a new partner.
 */
export async function normalisePartnerDraft(
  db: Db,
  draft: PartnerDraft,
  context: { parentPath: number[]; partnerId: number | null },
): Promise<PartnerDraft> {
  const errors = new FieldErrors();
  const region = emptyToNull(draft.region);
  if (region !== null && !findRegion(region)) errors.add('region', 'region_unknown');
  const country = region === null ? null : countryOfRegion(region);

  const requisites = normaliseRequisites(errors, draft, country);

  const vatPercent = emptyToNull(draft.vatPercent);
  checkVat(errors, vatPercent);

  const login = draft.login.trim();
  if (!login) errors.add('login', 'required');
  else if (!loginPattern.test(login)) errors.add('login', 'login_format');

  const normalized: PartnerDraft = {
    ...draft,
    ...requisites,
    vatPercent: vatPercent === null || errors.has('vatPercent') ? vatPercent : formatAmount(vatPercent),
    code1c: emptyToNull(draft.code1c),
    region,
    currency: draft.currency.trim().toUpperCase(),
    additionalCurrencies: draft.additionalCurrencies.map((code) => code.trim().toUpperCase()),
    login,
    comment: emptyToNull(draft.comment),
  };
  checkCurrencies(errors, normalized);

  const currencies = [normalized.currency, ...normalized.additionalCurrencies];
  const ownPath =
    context.partnerId === null ? context.parentPath : [...context.parentPath, context.partnerId];
  await checkTariff(db, errors, 'priceTariffId', {
    tariffId: draft.priceTariffId,
    owners: ownPath,
    currencies,
  });
  await checkTariff(db, errors, 'partnerPriceTariffId', {
    tariffId: draft.partnerPriceTariffId,
    owners: context.parentPath,
    currencies,
  });

  errors.throwIfAny();
  return normalized;
}
