import { isValidEmail, normalizePhone } from '../../lib/contact.js';
import type { FieldErrors } from '../../lib/errors.js';
import { checkAmount, formatAmount } from '../../lib/money.js';
import { validateTaxIds } from '../../lib/tax-ids.js';
import { emptyToNull } from '../../lib/text.js';
import { findOrganizationType } from '../reference/reference.public.js';

/** The requisites a partner and a contract share: who the client is and how to reach it. */
export interface Requisites {
  name: string;
  email: string | null;
  phone: string | null;
  deposit: string | null;
  iin: string | null;
  kpp: string | null;
  organizationType: string | null;
}

/**
 * Trims and checks the requisites by the country of the region (the partner's own, or a contract's
 * partner's): E.164 phone, email, a decimal deposit (0 when empty), INN/KPP or IIN/BIN check digits,
 * a legal form of that country. Problems go to `errors`; the normalised values are returned.
 */
export function normaliseRequisites(
  errors: FieldErrors,
  draft: Requisites,
  country: string | null,
): Requisites & { deposit: string } {
  const name = draft.name.trim();
  if (!name) errors.add('name', 'required');

  const email = emptyToNull(draft.email);
  if (email !== null && !isValidEmail(email)) errors.add('email', 'email_invalid');

  let phone = emptyToNull(draft.phone);
  if (phone !== null) {
    const normalized = normalizePhone(phone, country);
    if (normalized === null) errors.add('phone', 'phone_invalid');
    else phone = normalized;
  }

  const deposit = emptyToNull(draft.deposit) ?? '0';
  const depositProblem = checkAmount(deposit);
  if (depositProblem) errors.add('deposit', depositProblem);

  const iin = emptyToNull(draft.iin)?.toUpperCase() ?? null;
  const kpp = emptyToNull(draft.kpp)?.toUpperCase() ?? null;
  for (const problem of validateTaxIds({ country, iin, kpp })) errors.add(problem.field, problem.code);

  const organizationType = emptyToNull(draft.organizationType);
  if (organizationType !== null) {
    const legalForm = findOrganizationType(organizationType);
    if (!legalForm) errors.add('organizationType', 'organization_type_unknown');
    else if (legalForm.country !== null && country !== null && legalForm.country !== country) {
      errors.add('organizationType', 'organization_type_country');
    }
  }

  return {
    name,
    email,
    phone,
    deposit: depositProblem ? deposit : formatAmount(deposit),
    iin,
    kpp,
    organizationType,
  };
}
