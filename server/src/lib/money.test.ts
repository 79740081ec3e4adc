import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMOUNT_SCALE, checkAmount, decimal, formatAmount, roundAmount } from './money.js';

/*
 * The reference for the properties below is BigInt arithmetic on the digits of the text, so no
 * expectation is ever computed with a binary float.
 */

/** Digit strings of a given length range, leading zeros allowed. */
const digits = (minLength: number, maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength, maxLength }).map((list) => list.join(''));

/** A decimal string: optional minus, 1..16 integer digits, 0..maxFraction fraction digits. */
const decimalText = (maxFraction: number, minFraction = 0) =>
  fc
    .record({
      negative: fc.boolean(),
      integer: digits(1, 16),
      fraction: digits(minFraction, maxFraction),
    })
    .map(({ negative, integer, fraction }) => ({
      negative,
      integer,
      fraction,
      text: `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`,
    }));

/** Formats a count of minor units (kopecks) the way formatAmount must: 2 decimals, no '-0.00'. */
function centsText(cents: bigint): string {
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const whole = absolute / 100n;
  const fraction = (absolute % 100n).toString().padStart(2, '0');
  return `${negative && absolute !== 0n ? '-' : ''}${whole}.${fraction}`;
}

/** Half-up (away from zero) rounding to kopecks, done on the digits with BigInt. */
function referenceRound(parts: { negative: boolean; integer: string; fraction: string }): string {
  const padded = parts.fraction.padEnd(2, '0');
  let cents = BigInt(parts.integer) * 100n + BigInt(padded.slice(0, 2));
  const rest = padded.slice(2);
  if (rest !== '' && rest[0]! >= '5') cents += 1n;
  return centsText(parts.negative ? -cents : cents);
}

describe('checkAmount', () => {
  it('accepts plain decimals with up to 2 places, trimmed', () => {
    for (const text of ['0', '300', '300.5', '300.50', '0.01', '007.10', ' 12.30 ', '-0', '-0.00']) {
      expect(checkAmount(text), text).toBeNull();
    }
  });

  it('names what is wrong with a text that is not an amount', () => {
    const invalid = [
      '',
      ' ',
      'abc',
      '1,50',
      '.5',
      '5.',
      '+5',
      '1e3',
      '1 000',
      '--1',
      '0x10',
      'NaN',
      'Infinity',
    ];
    for (const text of invalid) expect(checkAmount(text), text).toBe('amount_invalid');
    // Only ASCII digits: full-width and Arabic-Indic digits are not amounts.
    expect(checkAmount('１２')).toBe('amount_invalid');
    expect(checkAmount('٣')).toBe('amount_invalid');
    expect(checkAmount('1.234')).toBe('amount_scale');
    expect(checkAmount('0.001')).toBe('amount_scale');
    expect(checkAmount('-1')).toBe('amount_negative');
    expect(checkAmount('-0.01')).toBe('amount_negative');
    expect(checkAmount('-1.234')).toBe('amount_scale');
  });

  it('allows negatives on request, and other scales', () => {
    expect(checkAmount('-1', { allowNegative: true })).toBeNull();
    expect(checkAmount('-1.5', { allowNegative: true })).toBeNull();
    expect(checkAmount('1.2345', { scale: 4 })).toBeNull();
    expect(checkAmount('1.23456', { scale: 4 })).toBe('amount_scale');
    expect(checkAmount('1', { scale: 0 })).toBeNull();
    expect(checkAmount('1.0', { scale: 0 })).toBe('amount_scale');
  });

  it('takes 16 integer digits (numeric(18,2)) and refuses 17, ignoring leading zeros', () => {
    expect(checkAmount('9999999999999999.99')).toBeNull();
    expect(checkAmount('1234567890123456')).toBeNull();
    expect(checkAmount('00001234567890123456.00')).toBeNull();
    expect(checkAmount('-9999999999999999.99', { allowNegative: true })).toBeNull();
    expect(checkAmount('10000000000000000')).toBe('amount_too_large');
    expect(checkAmount('12345678901234567.5')).toBe('amount_too_large');
    expect(checkAmount('-10000000000000000', { allowNegative: true })).toBe('amount_too_large');
    expect(checkAmount('100', { maxIntegerDigits: 3 })).toBeNull();
    expect(checkAmount('1000', { maxIntegerDigits: 3 })).toBe('amount_too_large');
  });

  it('accepts every well-formed amount of up to 16 digits and 2 places (property)', () => {
    fc.assert(
      fc.property(decimalText(2), ({ text, negative, integer, fraction }) => {
        const isZero = /^0+$/.test(integer) && /^0*$/.test(fraction);
        expect(checkAmount(text)).toBe(negative && !isZero ? 'amount_negative' : null);
        expect(checkAmount(text, { allowNegative: true })).toBeNull();
      }),
    );
  });

  it('refuses every amount with more than 2 places (property)', () => {
    fc.assert(
      fc.property(decimalText(8, 3), ({ text }) => {
        expect(checkAmount(text, { allowNegative: true })).toBe('amount_scale');
      }),
    );
  });
});

describe('roundAmount and formatAmount: half-up to kopecks', () => {
  it('rounds the classic cases exactly', () => {
    const cases: [string, string][] = [
      ['0.005', '0.01'],
      ['-0.005', '-0.01'],
      ['0.004', '0.00'],
      ['-0.004', '0.00'],
      ['2.675', '2.68'], // 2.67499999... as a binary float
      ['1.005', '1.01'], // 1.00499999... as a binary float
      ['1.0049999', '1.00'],
      ['1.0050000', '1.01'],
      ['0.125', '0.13'], // half-even would give 0.12
      ['0.135', '0.14'],
      ['-2.675', '-2.68'],
      ['9999999999999999.994', '9999999999999999.99'],
      ['9999999999999999.995', '10000000000000000.00'],
      ['300', '300.00'],
      ['300.5', '300.50'],
      ['007.10', '7.10'],
      ['0', '0.00'],
      ['-0', '0.00'],
      ['-0.00', '0.00'],
      [' 12.345 ', '12.35'],
      ['0.00500000000000000000000000000000000000000000001', '0.01'],
    ];
    for (const [input, expected] of cases) expect(formatAmount(input), input).toBe(expected);
  });

  it('returns a Decimal rounded half-up', () => {
    const rounded = roundAmount('2.675');
    expect(rounded).toBeInstanceOf(Decimal);
    expect(rounded.toFixed()).toBe('2.68');
    expect(roundAmount('-0.005').toFixed()).toBe('-0.01');
    expect(roundAmount('1.23456', 4).toFixed()).toBe('1.2346');
    expect(roundAmount('2.5', 0).toFixed()).toBe('3');
    expect(roundAmount('-2.5', 0).toFixed()).toBe('-3');
  });

  it('formats at other scales', () => {
    expect(formatAmount('1.23456', 4)).toBe('1.2346');
    expect(formatAmount('2.5', 0)).toBe('3');
    expect(formatAmount('-0.4', 0)).toBe('0');
    expect(formatAmount('-0.00004', 4)).toBe('0.0000');
    expect(AMOUNT_SCALE).toBe(2);
  });

  it('accepts a Decimal and never uses exponent notation', () => {
    expect(formatAmount(new Decimal('1e-7'))).toBe('0.00');
    expect(formatAmount(new Decimal('1e15'))).toBe('1000000000000000.00');
    expect(formatAmount(decimal('0.1').plus('0.2'))).toBe('0.30');
  });

  it('throws on a text that is not a number', () => {
    expect(() => formatAmount('abc')).toThrow();
    expect(() => formatAmount('')).toThrow();
  });

  it('never gives -0.00 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), digits(0, 6), (third, tail) => {
        // -0.00d... with the third place below 5 rounds to zero.
        expect(formatAmount(`-0.00${third}${tail}`)).toBe('0.00');
        expect(roundAmount(`-0.00${third}${tail}`).isZero()).toBe(true);
      }),
    );
    fc.assert(
      fc.property(decimalText(6), ({ text }) => {
        expect(formatAmount(text)).not.toBe('-0.00');
        expect(formatAmount(text).startsWith('-0.00')).toBe(false);
      }),
    );
  });

  it('keeps the value of amounts with up to 2 places and pads them (round trip, property)', () => {
    fc.assert(
      fc.property(decimalText(2), (parts) => {
        const formatted = formatAmount(parts.text);
        expect(formatted).toBe(referenceRound(parts));
        expect(formatted).toMatch(/^-?\d+\.\d{2}$/);
        expect(decimal(formatted).equals(decimal(parts.text))).toBe(true);
        expect(formatAmount(formatted)).toBe(formatted);
        expect(checkAmount(formatted, { allowNegative: true })).toBeNull();
      }),
    );
  });

  it('rounds any longer amount half-up like the BigInt reference (property)', () => {
    fc.assert(
      fc.property(decimalText(12, 3), (parts) => {
        expect(formatAmount(parts.text)).toBe(referenceRound(parts));
      }),
    );
  });

  it('is symmetric: rounding a negative is the negative of rounding its absolute value (property)', () => {
    fc.assert(
      fc.property(decimalText(8), ({ integer, fraction }) => {
        const positive = `${integer}${fraction ? `.${fraction}` : ''}`;
        const expected = formatAmount(positive);
        expect(formatAmount(`-${positive}`)).toBe(expected === '0.00' ? '0.00' : `-${expected}`);
      }),
    );
  });

  it('adds kopeck amounts exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { minLength: 1, maxLength: 50 }),
        (list) => {
          const total = list.reduce((sum, cents) => sum.plus(decimal(centsText(cents))), decimal(0));
          expect(formatAmount(total)).toBe(centsText(list.reduce((sum, cents) => sum + cents, 0n)));
        },
      ),
    );
    const tenDimes = Array.from({ length: 10 }, () => '0.10').reduce((sum, x) => sum.plus(x), decimal(0));
    expect(formatAmount(tenDimes)).toBe('1.00');
  });
});

describe('decimal', () => {
  it('refuses a binary float', () => {
    expect(() => decimal(0.1)).toThrow(TypeError);
    expect(() => decimal(0.1)).toThrow('A binary float is not a valid amount; pass a decimal string');
    expect(() => decimal(-2.5)).toThrow(TypeError);
    expect(() => decimal(Number.NaN)).toThrow(TypeError);
    expect(() => decimal(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });

  it('refuses an integer a JS number cannot hold exactly', () => {
    expect(() => decimal(2 ** 53)).toThrow(TypeError);
    expect(() => decimal(1e21)).toThrow(TypeError);
    expect(decimal(Number.MAX_SAFE_INTEGER).toFixed()).toBe('9007199254740991');
  });

  it('takes safe integers, decimal strings and Decimals exactly', () => {
    expect(decimal(5).toFixed()).toBe('5');
    expect(decimal(-7).toFixed()).toBe('-7');
    expect(decimal('0.1').plus(decimal('0.2')).toFixed()).toBe('0.3');
    expect(decimal(' 1.50 ').toFixed(2)).toBe('1.50');
    expect(decimal(new Decimal('12.345')).toFixed()).toBe('12.345');
    expect(decimal('12345678901234567890.123456789').toFixed()).toBe('12345678901234567890.123456789');
  });

  it('holds big amounts without loss', () => {
    expect(formatAmount('9999999999999999.99')).toBe('9999999999999999.99');
    expect(decimal('9999999999999999.99').plus('0.01').toFixed(2)).toBe('10000000000000000.00');
    expect(decimal('9999999999999999.99').times(100).toFixed()).toBe('999999999999999999');
  });
});
