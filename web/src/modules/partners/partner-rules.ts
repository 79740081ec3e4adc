import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { requiredRule, requisiteRules } from '../../ui/requisite-rules';

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
  const required = (field: string) => requiredRule(message, field);
  // The region is read when a rule runs: changing it checks the tax ids and the phone again.
  const country = () => countryOf((form.getFieldValue('region') as string | null | undefined) ?? null);

  return {
    ...requisiteRules(message, form, country),
    name: [required('name')],
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
