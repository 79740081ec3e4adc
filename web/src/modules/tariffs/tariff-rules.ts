import { today } from '@server-lib/clock';
import { priceStartProblem } from '@server-lib/price-start';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { amountPattern } from '../../ui/decimal-text';
import { formatDay } from '../../ui/format-day';

/** What the server checks of a tariff, with its own rule codes, so most mistakes show before Save. */
export function tariffRules(t: TFunction, language: string) {
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
      { pattern: amountPattern, message: t('errors.amount_invalid', { field: field('price') }) },
    ] as FormRule[],
    effectiveFrom: [
      { required: true, message: t('errors.required', { field: field('effectiveFrom') }) },
    ] as FormRule[],
    /**
     * A new price's first day, by the server's own rule (lib/price-start.ts) and in its words: today
     * or later, or an earlier day after the last day billed at the tariff (`billedThrough`).
     */
    priceStart: (billedThrough: string | null): FormRule => ({
      validator: (_rule, value: string | null | undefined) => {
        const problem = value ? priceStartProblem(value, { today: today(), billedThrough }) : null;
        if (!problem) return Promise.resolve();
        return Promise.reject(
          new Error(
            t('tariff.errors.effectiveFromBilled', {
              field: field('effectiveFrom'),
              earliest: formatDay(problem.params.earliest, language),
              billedThrough: formatDay(problem.params.billedThrough, language),
            }),
          ),
        );
      },
    }),
  };
}
