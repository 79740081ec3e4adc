import { isValidEmail, normalizePhone } from '@server-lib/contact';
import { validateTaxIds } from '@server-lib/tax-ids';
import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';

const amountPattern = /^\s*\d{1,16}([.,]\d{1,2})?\s*$/;

/*
 * The form checks what the server checks, with the server's own rule code, so most mistakes show
 * before Save. The server stays the authority: its answer replaces these messages when they differ.
 * Tax ids and phones are read by the country of the contract's partner's region.
 */
export function contractRules(t: TFunction, form: FormInstance, country: string | null) {
  const field = (name: string) => t(`contract.fields.${name}`);
  const message = (code: string, name: string) => t(`errors.${code}`, { field: field(name) });
  const required = (name: string): FormRule => ({
    required: true,
    whitespace: true,
    message: message('required', name),
  });
  const taxIdRule =
    (name: 'iin' | 'kpp'): FormRule =>
    () => ({
      validator: async () => {
        const problems = validateTaxIds({
          country,
          iin: (form.getFieldValue('iin') as string | undefined)?.trim().toUpperCase() || null,
          kpp: (form.getFieldValue('kpp') as string | undefined)?.trim().toUpperCase() || null,
        });
        const problem = problems.find((entry) => entry.field === name);
        if (problem) throw new Error(message(problem.code, name));
      },
    });

  return {
    name: [required('name')],
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
          if (value?.trim() && !normalizePhone(value.trim(), country)) {
            throw new Error(message('phone_invalid', 'phone'));
          }
        },
      },
    ] as FormRule[],
    deposit: [{ pattern: amountPattern, message: message('amount_invalid', 'deposit') }] as FormRule[],
    iin: [taxIdRule('iin')],
    kpp: [taxIdRule('kpp')],
    partnerId: [{ required: true, message: message('required', 'partnerId') }] as FormRule[],
    currency: [{ required: true, message: message('required', 'currency') }] as FormRule[],
    accountType: [{ required: true, message: message('required', 'accountType') }] as FormRule[],
    blockingLimit: [
      required('blockingLimit'),
      { pattern: amountPattern, message: message('amount_invalid', 'blockingLimit') },
    ] as FormRule[],
  };
}
