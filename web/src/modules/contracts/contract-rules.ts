import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { amountPattern } from '../../ui/decimal-text';
import { requiredRule, requisiteRules } from '../../ui/requisite-rules';

/*
 * The form checks what the server checks, with the server's own rule code, so most mistakes show
 * before Save. The server stays the authority: its answer replaces these messages when they differ.
 * Tax ids and phones are read by the country of the contract's partner's region.
 */
export function contractRules(t: TFunction, form: FormInstance, country: string | null) {
  const message = (code: string, name: string) =>
    t(`errors.${code}`, { field: t(`contract.fields.${name}`) });
  const required = (name: string) => requiredRule(message, name);

  return {
    ...requisiteRules(message, form, () => country),
    name: [required('name')],
    partnerId: [{ required: true, message: message('required', 'partnerId') }] as FormRule[],
    currency: [{ required: true, message: message('required', 'currency') }] as FormRule[],
    accountType: [{ required: true, message: message('required', 'accountType') }] as FormRule[],
    blockingLimit: [
      required('blockingLimit'),
      { pattern: amountPattern, message: message('amount_invalid', 'blockingLimit') },
    ] as FormRule[],
  };
}
