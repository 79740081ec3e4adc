import { isValidEmail, normalizePhone } from '@server-lib/contact';
import { validateTaxIds } from '@server-lib/tax-ids';
import type { FormInstance, FormRule } from 'antd';
import { amountPattern } from './decimal-text';

/** A rule's message: the server's rule code (errors.<code>) said of the field. */
export type RuleMessage = (code: string, field: string) => string;

/** A field that must hold more than blanks. */
export const requiredRule = (message: RuleMessage, field: string): FormRule => ({
  required: true,
  whitespace: true,
  message: message('required', field),
});

/** The tax ids a form holds, as the server reads them. */
const taxIdsOf = (form: FormInstance, country: string | null) => ({
  country,
  iin: (form.getFieldValue('iin') as string | undefined)?.trim().toUpperCase() || null,
  kpp: (form.getFieldValue('kpp') as string | undefined)?.trim().toUpperCase() || null,
});

/*
 * The requisites a partner and a contract share (email, phone, deposit, tax ids), checked with the
 * server's own rules (lib/contact, lib/tax-ids) and rule codes, so most mistakes show before Save. The
 * server stays the authority: its answer replaces these messages when they differ. Phones and tax ids
 * are read in the country `country()` gives when the check runs.
 */
export function requisiteRules(message: RuleMessage, form: FormInstance, country: () => string | null) {
  const taxIdRule =
    (field: 'iin' | 'kpp'): FormRule =>
    () => ({
      validator: async () => {
        const problem = validateTaxIds(taxIdsOf(form, country())).find((entry) => entry.field === field);
        if (problem) throw new Error(message(problem.code, field));
      },
    });
  return {
    email: [
      {
        validator: async (_rule, value: string | undefined) => {
          if (value?.trim() && !isValidEmail(value.trim()))
            throw new Error(message('email_invalid', 'email'));
        },
      },
    ] as FormRule[],
    phone: [
      {
        validator: async (_rule, value: string | undefined) => {
          if (value?.trim() && !normalizePhone(value.trim(), country())) {
            throw new Error(message('phone_invalid', 'phone'));
          }
        },
      },
    ] as FormRule[],
    deposit: [{ pattern: amountPattern, message: message('amount_invalid', 'deposit') }] as FormRule[],
    iin: [taxIdRule('iin')],
    kpp: [taxIdRule('kpp')],
  };
}
