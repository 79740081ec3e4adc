import { Decimal } from 'decimal.js';
import type { TFunction } from 'i18next';
import type { RunTotal } from './billing-types';

/** A run's totals summed per currency over its levels, as "1500.00 RUB". */
export function totalsPerCurrency(totals: RunTotal[]): string[] {
  const sums = new Map<string, Decimal>();
  for (const total of totals) {
    sums.set(total.currency, (sums.get(total.currency) ?? new Decimal(0)).plus(total.amount));
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => `${sum.toFixed(2)} ${currency}`);
}

/** A duration as a person reads it: milliseconds below a second, else seconds. */
export function durationText(t: TFunction, ms: number | null) {
  if (ms === null) return '—';
  return ms < 1000
    ? t('billing.milliseconds', { value: ms })
    : t('billing.seconds', { value: (ms / 1000).toFixed(1) });
}

/** Who pays at a level: contracts their partner (0), else partners of that depth their parent. */
export function levelName(t: TFunction, level: number | null) {
  if (level === null) return '—';
  return level === 0 ? t('billing.levelContracts') : t('billing.levelPartners', { level });
}
