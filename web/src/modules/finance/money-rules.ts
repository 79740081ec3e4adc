import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { amountPattern } from '../../ui/decimal-text';

/** An amount as the server takes it: above zero, at most 2 decimals (a decimal comma is read as a point). */
export function amountRules(t: TFunction): FormRule[] {
  const field = t('finance.fields.amount');
  return [
    { required: true, whitespace: true, message: t('errors.required', { field }) },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value?.trim()) return;
        if (!amountPattern.test(value)) throw new Error(t('errors.amount_invalid', { field }));
        if (/^[0.,\s]+$/.test(value)) throw new Error(t('finance.amountPositive', { field }));
      },
    },
  ];
}
