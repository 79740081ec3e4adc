import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

const pricePattern = /^\s*\d{1,16}([.,]\d{1,2})?\s*$/;

/** What the server checks of a tariff, with its own rule codes, so most mistakes show before Save. */
export function tariffRules(t: TFunction) {
  const field = (name: string) => t(`tariff.fields.${name}`);
  const required = (name: string): FormRule => ({
    required: true,
    whitespace: true,
    message: t('errors.required', { field: field(name) }),
  });
  return {
    name: [required('name')],
    currency: [required('currency')],
    period: [required('period')],
    price: [
      required('price'),
      { pattern: pricePattern, message: t('errors.amount_invalid', { field: field('price') }) },
    ] as FormRule[],
    effectiveFrom: [
      { required: true, message: t('errors.required', { field: field('effectiveFrom') }) },
    ] as FormRule[],
  };
}

/** A decimal comma read as a point, spaces dropped. */
export const decimalText = (text: string) => text.trim().replace(/\s/g, '').replace(',', '.');
