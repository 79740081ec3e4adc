import { isValidEmail, normalizePhone } from '@server-lib/contact';
import { validateTaxIds } from '@server-lib/tax-ids';
import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';

/*
 * The form checks what the server checks, with the server's own rule code, so most mistakes show
 * before Save. The server stays the authority: its answer replaces these messages when they differ.
 */
export function partnerRules(
  t: TFunction,
  form: FormInstance,
  countryOf: (region: string | null) => string | null,
) {
  const message = (code: string, field: string, values: Record<string, number> = {}) =>
    t(`errors.${code}`, { field: t(`partner.fields.${field}`), ...values });
  const required = (field: string): FormRule => ({
    required: true,
    whitespace: true,
    message: message('required', field),
  });
  const taxIdRule =
    (field: 'iin' | 'kpp'): FormRule =>
    () => ({
      validator: async () => {
        const region = form.getFieldValue('region') as string | null | undefined;
        const problems = validateTaxIds({
          country: countryOf(region ?? null),
          iin: (form.getFieldValue('iin') as string | undefined)?.trim().toUpperCase() || null,
          kpp: (form.getFieldValue('kpp') as string | undefined)?.trim().toUpperCase() || null,
        });
        const problem = problems.find((entry) => entry.field === field);
        if (problem) throw new Error(message(problem.code, field));
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
          const region = form.getFieldValue('region') as string | null | undefined;
          if (value?.trim() && !normalizePhone(value.trim(), countryOf(region ?? null))) {
            throw new Error(message('phone_invalid', 'phone'));
          }
        },
      },
    ] as FormRule[],
    deposit: [
      { pattern: /^\s*\d{1,16}([.,]\d{1,2})?\s*$/, message: message('amount_invalid', 'deposit') },
    ] as FormRule[],
    iin: [taxIdRule('iin')],
    kpp: [taxIdRule('kpp')],
    vatPercent: [
      {
        validator: async (_rule, value: string | undefined) => {
          const text = value?.trim();
          if (!text) return;
          // A decimal comma is accepted, as the server accepts it.
          if (!/^\d{1,3}([.,]\d{1,2})?$/.test(text) || Number(text.replace(',', '.')) > 100) {
            throw new Error(message('vat_range', 'vatPercent'));
          }
        },
      },
    ] as FormRule[],
    currency: [{ required: true, message: message('required', 'currency') }] as FormRule[],
    accountType: [{ required: true, message: message('required', 'accountType') }] as FormRule[],
    login: [
      required('login'),
      { pattern: /^[\p{L}\p{N}._@-]{3,64}$/u, message: message('login_format', 'login') },
    ] as FormRule[],
    password: (isNew: boolean): FormRule[] => [
      ...(isNew ? [required('password')] : []),
      { min: 8, message: message('password_too_short', 'password', { min: 8 }) },
      { max: 128, message: message('password_too_long', 'password', { max: 128 }) },
    ],
  };
}
