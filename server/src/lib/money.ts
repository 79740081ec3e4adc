import { Decimal } from 'decimal.js';

/*
 * Money is decimal end to end: strings in JSON, numeric in SQL, Decimal in between; never a JS float.
 * The one rounding rule: half-up (away from zero on .5) to 2 decimal places, once per document line.
 */
const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const AMOUNT_SCALE = 2;
/** numeric(18,2): at most 16 digits before the point. */
const MAX_INTEGER_DIGITS = 16;
const amountPattern = /^-?\d+(\.\d+)?$/;

export type AmountProblem = 'amount_invalid' | 'amount_scale' | 'amount_too_large' | 'amount_negative';

/** Checks a decimal string as typed by a person; returns the problem or null. */
export function checkAmount(
  text: string,
  options: { allowNegative?: boolean; scale?: number; maxIntegerDigits?: number } = {},
): AmountProblem | null {
  const trimmed = text.trim();
  if (!amountPattern.test(trimmed)) return 'amount_invalid';
  const [integerPart = '', fractionPart = ''] = trimmed.replace('-', '').split('.');
  if (fractionPart.length > (options.scale ?? AMOUNT_SCALE)) return 'amount_scale';
  if (integerPart.replace(/^0+(?=\d)/, '').length > (options.maxIntegerDigits ?? MAX_INTEGER_DIGITS)) {
    return 'amount_too_large';
  }
  if (
    !options.allowNegative &&
    new MoneyDecimal(trimmed).isNegative() &&
    !new MoneyDecimal(trimmed).isZero()
  ) {
    return 'amount_negative';
  }
  return null;
}

/** The canonical text of an amount: fixed 2 decimals, '-0.00' never appears. */
export function formatAmount(value: string | Decimal, scale = AMOUNT_SCALE): string {
  const rounded = roundAmount(value, scale);
  return rounded.isZero() ? (0).toFixed(scale) : rounded.toFixed(scale);
}

/** Rounds half-up to `scale` places: the project's only rounding rule for money. */
export function roundAmount(value: string | Decimal, scale = AMOUNT_SCALE): Decimal {
  return decimal(value).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
}

/**
 * A Decimal of a decimal string (surrounding white space allowed, as checkAmount allows it), a safe
 * integer or a Decimal. A fractional JS number is refused (it is already a binary approximation), and
 * so is an integer beyond 2^53 - 1, which a JS number cannot hold exactly.
 */
export function decimal(value: string | number | Decimal): Decimal {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new TypeError('A binary float is not a valid amount; pass a decimal string');
  }
  return new MoneyDecimal(typeof value === 'string' ? value.trim() : value);
}
