import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidLuhnDigit, luhnCheckDigit } from './luhn.js';

describe('Luhn check digit', () => {
  it.each([
    ['490154203237518', true], // the IMEI example of 3GPP TS 23.003
    ['490154203237517', false],
    ['352099001761481', true],
    ['352099001761482', false],
    ['89701010012345678903', false],
    ['8970101001234567890', false],
    ['79927398713', true], // the classic example of the algorithm
    ['79927398710', false],
    ['0', false],
    ['', false],
    ['12a4', false],
  ])('%s → %s', (digits, valid) => {
    expect(hasValidLuhnDigit(digits)).toBe(valid);
  });

  it('computes the digit that completes a number', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(() => luhnCheckDigit('12x')).toThrow(RangeError);
  });

  it('accepts every number completed with its check digit, and no other last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,25}$/), fc.integer({ min: 1, max: 9 }), (body, shift) => {
        const digit = luhnCheckDigit(body);
        expect(hasValidLuhnDigit(`${body}${digit}`)).toBe(true);
        expect(hasValidLuhnDigit(`${body}${(digit + shift) % 10}`)).toBe(false);
      }),
    );
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{14}$/),
        fc.nat(14),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const imei = `${body}${luhnCheckDigit(body)}`;
          const typo = [...imei];
          typo[position] = String((Number(typo[position]) + shift) % 10);
          expect(hasValidLuhnDigit(typo.join(''))).toBe(false);
        },
      ),
    );
  });
});
