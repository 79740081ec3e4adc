import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { TaxIdErrorCode, TaxIdInput, TaxIdProblem } from './tax-ids.js';
import {
  TAX_ID_ERROR_CODES,
  isValidKazakhstanIin,
  isValidRussianInn,
  isValidRussianKpp,
  kazakhstanIinCheckDigit,
  russianInnCheckDigits,
  validateTaxIds,
} from './tax-ids.js';

// An independent, deliberately plain restatement of the official algorithms, so the properties compare
// the module against arithmetic rather than against itself.
const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11TH = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12TH = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const IIN_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const IIN_SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function mod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] ?? 0) * (digits[i] ?? 0);
  return sum % 11;
}

const toDigits = (value: string): number[] => [...value].map(Number);
const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

// Replaces the digit at `index` with a different one: `shift` in 1..9 guarantees it really changes.
function mutate(value: string, index: number, shift: number): string {
  const changed = (Number(value[index]) + shift) % 10;
  return value.slice(0, index) + String(changed) + value.slice(index + 1);
}

const mutation = (length: number) =>
  fc.record({ index: fc.integer({ min: 0, max: length - 1 }), shift: fc.integer({ min: 1, max: 9 }) });

const validInn10 = digitString(9).map((body) => body + russianInnCheckDigits(body));
const validInn12 = digitString(10).map((body) => body + russianInnCheckDigits(body));
const validIin = digitString(11)
  .filter((body) => kazakhstanIinCheckDigit(body) !== null)
  .map((body) => body + String(kazakhstanIinCheckDigit(body)));

const ru = (iin?: string | null, kpp?: string | null): TaxIdInput => ({ country: 'RU', iin, kpp });
const kz = (iin?: string | null, kpp?: string | null): TaxIdInput => ({ country: 'KZ', iin, kpp });
const iinProblem = (code: TaxIdErrorCode): TaxIdProblem => ({ field: 'iin', code });
const kppProblem = (code: TaxIdErrorCode): TaxIdProblem => ({ field: 'kpp', code });

describe('isValidRussianInn', () => {
  it.each([
    ['7707083893', 'Sberbank'],
    ['7736207543', 'Yandex'],
    ['7728168971', 'Alfa-Bank'],
    ['7702070139', 'VTB Bank'],
    ['7710140679', 'Tinkoff Bank'],
    ['500100732259', 'an individual (the textbook example)'],
  ])('accepts %s (%s)', (inn) => {
    expect(isValidRussianInn(inn)).toBe(true);
  });

  it.each([
    ['7707083890', 'wrong 10th digit'],
    ['7707083894', 'wrong 10th digit'],
    ['500100732250', 'wrong 12th digit'],
    ['500100732269', 'wrong 11th digit'],
    ['770708389', 'too short'],
    ['77070838931', '11 digits'],
    ['7707083893 ', 'trailing space (the caller trims, we do not)'],
    ['77O7083893', 'letter O instead of zero'],
    ['７７０７０８３８９３', 'full-width digits'],
    ['', 'empty'],
  ])('rejects %s (%s)', (inn) => {
    expect(isValidRussianInn(inn)).toBe(false);
  });

  it('accepts every 9-digit body completed with its computed check digit', () => {
    fc.assert(fc.property(validInn10, (inn) => isValidRussianInn(inn)));
  });

  it('accepts every 10-digit body completed with its two computed check digits', () => {
    fc.assert(fc.property(validInn12, (inn) => isValidRussianInn(inn)));
  });

  it('computes the check digits exactly as the official weights say', () => {
    fc.assert(
      fc.property(digitString(9), digitString(10), (body9, body10) => {
        const d10 = mod11(toDigits(body9), INN10_WEIGHTS) % 10;
        const d11 = mod11(toDigits(body10), INN12_WEIGHTS_11TH) % 10;
        const d12 = mod11([...toDigits(body10), d11], INN12_WEIGHTS_12TH) % 10;
        expect(russianInnCheckDigits(body9)).toBe(String(d10));
        expect(russianInnCheckDigits(body10)).toBe(`${d11}${d12}`);
      }),
    );
  });

  it('always detects a changed check digit (the 10th of 10; the 11th or 12th of 12)', () => {
    fc.assert(
      fc.property(validInn10, fc.integer({ min: 1, max: 9 }), (inn, shift) => {
        expect(isValidRussianInn(mutate(inn, 9, shift))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        validInn12,
        fc.integer({ min: 10, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (inn, i, shift) => {
          expect(isValidRussianInn(mutate(inn, i, shift))).toBe(false);
        },
      ),
    );
  });

  // Changing body digit i by delta changes the sum by w_i*delta, never 0 mod 11 (11 is prime, w_i and delta
  // are 1..10), so the residue always changes; the only blind spot is the residue moving between 0 and 10,
  // which both give check digit 0. We assert exactly that, not a stronger claim that is false.
  it('detects a changed body digit of a 10-digit INN unless the residue only moves between 0 and 10', () => {
    fc.assert(
      fc.property(validInn10, mutation(9), (inn, { index, shift }) => {
        const mutated = mutate(inn, index, shift);
        const before = mod11(toDigits(inn), INN10_WEIGHTS);
        const after = mod11(toDigits(mutated), INN10_WEIGHTS);
        expect(after).not.toBe(before);
        const blindSpot = (before === 0 && after === 10) || (before === 10 && after === 0);
        expect(isValidRussianInn(mutated)).toBe(blindSpot);
      }),
    );
  });

  it('has that blind spot for real: a body-digit change can keep a 10-digit INN valid', () => {
    // 000000000 has residue 0; the first digit weighs 2, and 2*5 = 10, so 500000000 has residue 10.
    expect(isValidRussianInn('0000000000')).toBe(true);
    expect(isValidRussianInn('5000000000')).toBe(true);
  });

  it('rejects a changed body digit of a 12-digit INN whenever the 11th check digit changes', () => {
    fc.assert(
      fc.property(validInn12, mutation(10), (inn, { index, shift }) => {
        const mutated = mutate(inn, index, shift);
        const d11Before = mod11(toDigits(inn), INN12_WEIGHTS_11TH) % 10;
        const d11After = mod11(toDigits(mutated), INN12_WEIGHTS_11TH) % 10;
        fc.pre(d11Before !== d11After);
        expect(isValidRussianInn(mutated)).toBe(false);
      }),
    );
  });
});

describe('isValidRussianKpp', () => {
  it.each(['773601001', '770701001', '7736AB001', '77360Z001', '0000AA000'])('accepts %s', (kpp) => {
    expect(isValidRussianKpp(kpp)).toBe(true);
  });

  it.each([
    ['77360100', '8 characters'],
    ['7736010011', '10 characters'],
    ['7736ab001', 'lower-case letters'],
    ['7736АВ001', 'Cyrillic А and В that look Latin'],
    ['A73601001', 'letter in the tax office part'],
    ['77360100Z', 'letter in the serial part'],
    ['7736 1001', 'space'],
    ['', 'empty'],
  ])('rejects %s (%s)', (kpp) => {
    expect(isValidRussianKpp(kpp)).toBe(false);
  });

  it('accepts exactly 4 digits, 2 of [0-9A-Z], 3 digits', () => {
    const reasonChar = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    fc.assert(
      fc.property(digitString(4), reasonChar, reasonChar, digitString(3), (office, a, b, serial) =>
        isValidRussianKpp(`${office}${a}${b}${serial}`),
      ),
    );
  });
});

describe('isValidKazakhstanIin', () => {
  it.each([
    ['971240001315', 'Kaspi Bank BIN'],
    ['940140000385', 'Halyk Bank BIN'],
    ['981140001551', 'Kazakhtelecom BIN'],
    ['000740001307', 'a BIN from the brief'],
  ])('accepts %s (%s)', (iin) => {
    expect(isValidKazakhstanIin(iin)).toBe(true);
  });

  it.each([
    ['971240001316', 'wrong check digit'],
    ['97124000131', '11 digits'],
    ['9712400013150', '13 digits'],
    ['97124000131A', 'letter'],
    ['', 'empty'],
  ])('rejects %s (%s)', (iin) => {
    expect(isValidKazakhstanIin(iin)).toBe(false);
  });

  it('uses the second pass when the first gives 10', () => {
    // 00000000010: first pass 10*1 = 10 -> second pass 1*1 = 1.
    expect(kazakhstanIinCheckDigit('00000000010')).toBe('1');
    expect(isValidKazakhstanIin('000000000101')).toBe(true);
    expect(isValidKazakhstanIin('000000000100')).toBe(false);
  });

  it('accepts no 12th digit at all when both passes give 10', () => {
    // Such bodies exist (about 1 in 121); take the smallest rather than hard-coding one.
    const body = findBody(
      (b) => mod11(toDigits(b), IIN_FIRST) === 10 && mod11(toDigits(b), IIN_SECOND) === 10,
    );
    expect(kazakhstanIinCheckDigit(body)).toBeNull();
    for (let digit = 0; digit <= 9; digit++) {
      expect(isValidKazakhstanIin(body + String(digit))).toBe(false);
    }
  });

  it('computes the check digit exactly as the two-pass algorithm says', () => {
    fc.assert(
      fc.property(digitString(11), (body) => {
        const first = mod11(toDigits(body), IIN_FIRST);
        const second = mod11(toDigits(body), IIN_SECOND);
        const expected = first !== 10 ? String(first) : second !== 10 ? String(second) : null;
        expect(kazakhstanIinCheckDigit(body)).toBe(expected);
      }),
    );
  });

  it('accepts every body completed with its computed check digit', () => {
    fc.assert(fc.property(validIin, (iin) => isValidKazakhstanIin(iin)));
  });

  it('always detects a changed check digit', () => {
    fc.assert(
      fc.property(validIin, fc.integer({ min: 1, max: 9 }), (iin, shift) => {
        expect(isValidKazakhstanIin(mutate(iin, 11, shift))).toBe(false);
      }),
    );
  });

  // Digits 1-10 weigh 1..10 in the first pass, so changing one always changes its residue (as for the
  // INN); only when the old or new residue is 10 does the second pass decide, and there a collision is
  // possible, so those cases are excluded.
  it('detects a changed digit among the first 10 whenever neither first pass gives 10', () => {
    fc.assert(
      fc.property(validIin, mutation(10), (iin, { index, shift }) => {
        const mutated = mutate(iin, index, shift);
        const before = mod11(toDigits(iin), IIN_FIRST);
        const after = mod11(toDigits(mutated), IIN_FIRST);
        expect(after).not.toBe(before);
        fc.pre(before !== 10 && after !== 10);
        expect(isValidKazakhstanIin(mutated)).toBe(false);
      }),
    );
  });

  // The 11th digit weighs 11 = 0 (mod 11) in the first pass: the algorithm itself does not protect it
  // unless the second pass is used. We pin that down so nobody "fixes" the algorithm by accident.
  it('cannot detect a changed 11th digit when the first pass does not give 10', () => {
    fc.assert(
      fc.property(validIin, fc.integer({ min: 1, max: 9 }), (iin, shift) => {
        fc.pre(mod11(toDigits(iin), IIN_FIRST) !== 10);
        expect(isValidKazakhstanIin(mutate(iin, 10, shift))).toBe(true);
      }),
    );
    expect(isValidKazakhstanIin('971240001305')).toBe(true); // Kaspi Bank's BIN with 1 -> 0 in place 11
  });
});

function findBody(predicate: (body: string) => boolean): string {
  for (let n = 0; n < 10_000_000; n++) {
    const body = String(n).padStart(11, '0');
    if (predicate(body)) return body;
  }
  throw new Error('no body found');
}

describe('russianInnCheckDigits / kazakhstanIinCheckDigit arguments', () => {
  it.each(['', '12345678', '12345678901', '12345678a'])('refuses an INN body %j', (body) => {
    expect(() => russianInnCheckDigits(body)).toThrow(RangeError);
  });

  it.each(['', '1234567890', '123456789012', '1234567890a'])('refuses an IIN body %j', (body) => {
    expect(() => kazakhstanIinCheckDigit(body)).toThrow(RangeError);
  });
});

describe('validateTaxIds in Russia', () => {
  it('accepts a legal entity: 10-digit INN with a KPP', () => {
    expect(validateTaxIds(ru('7707083893', '773601001'))).toEqual([]);
  });

  it('accepts an individual: 12-digit INN without a KPP', () => {
    expect(validateTaxIds(ru('500100732259'))).toEqual([]);
    expect(validateTaxIds(ru('500100732259', ''))).toEqual([]);
    expect(validateTaxIds(ru('500100732259', null))).toEqual([]);
  });

  it('accepts nothing given', () => {
    expect(validateTaxIds(ru())).toEqual([]);
    expect(validateTaxIds(ru('', ''))).toEqual([]);
    expect(validateTaxIds(ru(null, null))).toEqual([]);
  });

  it('requires a KPP with a 10-digit INN', () => {
    expect(validateTaxIds(ru('7707083893'))).toEqual([kppProblem('kpp_required')]);
    expect(validateTaxIds(ru('7707083893', ''))).toEqual([kppProblem('kpp_required')]);
  });

  it('refuses a KPP with a 12-digit INN', () => {
    expect(validateTaxIds(ru('500100732259', '773601001'))).toEqual([kppProblem('kpp_not_allowed')]);
  });

  it('refuses a KPP without an INN', () => {
    expect(validateTaxIds(ru(undefined, '773601001'))).toEqual([kppProblem('kpp_without_inn')]);
    expect(validateTaxIds(ru('', '773601001'))).toEqual([kppProblem('kpp_without_inn')]);
  });

  it('reports a malformed KPP next to a 10-digit INN', () => {
    expect(validateTaxIds(ru('7707083893', '77360100'))).toEqual([kppProblem('kpp_format')]);
  });

  it.each(['770708389', '77070838931', '7707O83893', '7707 083893', ' 7707083893', '1234567890123'])(
    'reports inn_length for %j',
    (inn) => {
      expect(validateTaxIds(ru(inn))).toEqual([iinProblem('inn_length')]);
    },
  );

  it('reports inn_checksum and still knows the KPP rule from the length', () => {
    expect(validateTaxIds(ru('7707083894', '773601001'))).toEqual([iinProblem('inn_checksum')]);
    expect(validateTaxIds(ru('7707083894'))).toEqual([
      iinProblem('inn_checksum'),
      kppProblem('kpp_required'),
    ]);
    expect(validateTaxIds(ru('500100732250', '773601001'))).toEqual([
      iinProblem('inn_checksum'),
      kppProblem('kpp_not_allowed'),
    ]);
  });

  it('checks only the KPP format when the INN length is wrong', () => {
    expect(validateTaxIds(ru('123', '773601001'))).toEqual([iinProblem('inn_length')]);
    expect(validateTaxIds(ru('123', 'x'))).toEqual([iinProblem('inn_length'), kppProblem('kpp_format')]);
  });

  it('treats the country code case-insensitively', () => {
    expect(validateTaxIds({ country: 'ru', iin: '7707083893' })).toEqual([kppProblem('kpp_required')]);
  });

  it('accepts any generated legal entity with a generated KPP, and any generated individual', () => {
    const kpp = fc
      .tuple(digitString(4), fc.stringMatching(/^[0-9A-Z]{2}$/), digitString(3))
      .map((p) => p.join(''));
    fc.assert(fc.property(validInn10, kpp, (inn, k) => validateTaxIds(ru(inn, k)).length === 0));
    fc.assert(fc.property(validInn12, (inn) => validateTaxIds(ru(inn)).length === 0));
  });
});

describe('validateTaxIds in Kazakhstan', () => {
  it('accepts a BIN/IIN or nothing', () => {
    expect(validateTaxIds(kz('971240001315'))).toEqual([]);
    expect(validateTaxIds(kz())).toEqual([]);
    expect(validateTaxIds(kz('', ''))).toEqual([]);
  });

  it.each(['97124000131', '9712400013150', '97124000131O', '7707083893'])(
    'reports iin_length for %j',
    (iin) => {
      expect(validateTaxIds(kz(iin))).toEqual([iinProblem('iin_length')]);
    },
  );

  it('reports iin_checksum', () => {
    expect(validateTaxIds(kz('971240001316'))).toEqual([iinProblem('iin_checksum')]);
    // A valid Russian individual INN is not a valid Kazakh IIN.
    expect(validateTaxIds(kz('500100732259'))).toEqual([iinProblem('iin_checksum')]);
  });

  it('refuses any KPP, with or without an IIN', () => {
    expect(validateTaxIds(kz('971240001315', '773601001'))).toEqual([kppProblem('kpp_not_allowed')]);
    expect(validateTaxIds(kz(undefined, '773601001'))).toEqual([kppProblem('kpp_not_allowed')]);
    expect(validateTaxIds(kz('1', 'x'))).toEqual([iinProblem('iin_length'), kppProblem('kpp_not_allowed')]);
  });

  it('accepts any generated IIN', () => {
    fc.assert(fc.property(validIin, (iin) => validateTaxIds(kz(iin)).length === 0));
  });
});

describe('validateTaxIds elsewhere or without a region', () => {
  it.each([
    ['DE', 'DE123456789'],
    ['DE', '12/345/67890'],
    ['BR', '12.345.678/0001-95'],
    ['CH', 'CHE-123.456.789'],
    ['BE', 'BE 0123.456.789'],
    ['UA', 'ЄДРПОУ 12345678'],
    [null, '7'],
    [null, 'x'.repeat(32)],
  ])('accepts %s %j', (country, iin) => {
    expect(validateTaxIds({ country, iin })).toEqual([]);
  });

  it('does not apply Russian or Kazakh checksums', () => {
    expect(validateTaxIds({ country: 'DE', iin: '7707083894' })).toEqual([]);
    expect(validateTaxIds({ country: null, iin: '971240001316' })).toEqual([]);
  });

  it.each([
    ['x'.repeat(33), 'too long'],
    ['12_34', 'underscore'],
    ['12345#', 'hash'],
    ['12\n34', 'line break'],
    [' - / ', 'no letter or digit'],
    ['..', 'no letter or digit'],
  ])('reports tax_number_format for %j (%s)', (iin) => {
    expect(validateTaxIds({ country: 'DE', iin })).toEqual([iinProblem('tax_number_format')]);
  });

  it('counts length in code points, not UTF-16 units', () => {
    // Each of these Han characters outside the BMP is two UTF-16 units but one character.
    expect(validateTaxIds({ country: null, iin: '𠀀'.repeat(32) })).toEqual([]);
    expect(validateTaxIds({ country: null, iin: '𠀀'.repeat(33) })).toEqual([
      iinProblem('tax_number_format'),
    ]);
  });

  it('takes any KPP up to 32 characters, even without a tax number', () => {
    expect(validateTaxIds({ country: 'DE', kpp: 'anything: at all #1' })).toEqual([]);
    expect(validateTaxIds({ country: null, iin: 'X1', kpp: 'k'.repeat(32) })).toEqual([]);
    expect(validateTaxIds({ country: null, kpp: 'k'.repeat(33) })).toEqual([kppProblem('kpp_too_long')]);
  });

  it('reports both fields at once', () => {
    expect(validateTaxIds({ country: 'FR', iin: '#', kpp: 'k'.repeat(33) })).toEqual([
      iinProblem('tax_number_format'),
      kppProblem('kpp_too_long'),
    ]);
  });

  it('accepts any 1-32 characters of letters, digits, spaces, dots, hyphens and slashes with a letter or digit', () => {
    const char = fc.constantFrom(...'abcXYZ019 ./-жЖ');
    const taxNumber = fc
      .array(char, { minLength: 1, maxLength: 32 })
      .map((chars) => chars.join(''))
      .filter((s) => /[\p{L}\p{Nd}]/u.test(s));
    fc.assert(fc.property(taxNumber, (iin) => validateTaxIds({ country: 'US', iin }).length === 0));
  });
});

describe('error codes', () => {
  const reachedBy: Record<TaxIdErrorCode, TaxIdInput> = {
    inn_length: ru('123'),
    inn_checksum: ru('500100732250'),
    kpp_required: ru('7707083893'),
    kpp_not_allowed: kz(undefined, '773601001'),
    kpp_without_inn: ru(undefined, '773601001'),
    kpp_format: ru('7707083893', '7736-1001'),
    kpp_too_long: { country: null, kpp: 'k'.repeat(33) },
    iin_length: kz('123'),
    iin_checksum: kz('971240001316'),
    tax_number_format: { country: null, iin: '#' },
  };

  it.each(TAX_ID_ERROR_CODES.map((code) => [code]))('%s is reachable', (code) => {
    expect(validateTaxIds(reachedBy[code]).map((problem) => problem.code)).toEqual([code]);
  });

  it('lists every code once', () => {
    expect(new Set(TAX_ID_ERROR_CODES).size).toBe(TAX_ID_ERROR_CODES.length);
    expect(Object.keys(reachedBy).sort()).toEqual([...TAX_ID_ERROR_CODES].sort());
  });
});
