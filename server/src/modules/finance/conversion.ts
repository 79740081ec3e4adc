import { decimal, formatAmount } from '../../lib/money.js';

/**
 * An amount in another currency at the rates of the day: 1 base = rate quote. The direct pair's
 * rate multiplies; without one, the reverse pair's rate divides. Rounded half-up to kopecks, as the
 * billing run rounds each converted charge. null when neither pair has a rate.
 */
export function convertAmount(
  amount: string,
  rates: { direct: string | null; reverse: string | null },
): string | null {
  if (rates.direct !== null) return formatAmount(decimal(amount).times(decimal(rates.direct)));
  if (rates.reverse !== null) return formatAmount(decimal(amount).dividedBy(decimal(rates.reverse)));
  return null;
}
