import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './clock.js';
import { earliestPriceStart, priceStartProblem } from './price-start.js';

const today = '2026-12-07';

describe("a new price's first day", () => {
  it.each<[string, string | null, string | null]>([
    ['never billed: any day', null, null],
    ['billed up to a week ago: the day after', '2026-11-30', '2026-12-01'],
    ['billed up to yesterday: today', '2026-12-06', '2026-12-07'],
    ['billed today already: today all the same', '2026-12-07', '2026-12-07'],
  ])('%s', (_, billedThrough, earliest) => {
    expect(earliestPriceStart(today, billedThrough)).toBe(earliest);
  });

  it('refuses a day already billed before today, naming the earliest day and the last one billed', () => {
    expect(priceStartProblem('2026-11-30', { today, billedThrough: '2026-11-30' })).toEqual({
      code: 'effective_from_billed',
      params: { earliest: '2026-12-01', billedThrough: '2026-11-30' },
    });
    expect(priceStartProblem('2026-12-01', { today, billedThrough: '2026-11-30' })).toBeNull();
    expect(priceStartProblem('2026-12-06', { today, billedThrough: '2026-12-07' })).toEqual({
      code: 'effective_from_billed',
      params: { earliest: '2026-12-07', billedThrough: '2026-12-07' },
    });
    expect(priceStartProblem('2026-12-07', { today, billedThrough: '2026-12-07' })).toBeNull();
    expect(priceStartProblem('2020-01-01', { today, billedThrough: null })).toBeNull();
  });

  it('allows a day before today exactly when nothing was charged on or after it; today and later always', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.option(fc.integer({ min: -400, max: 0 }), { nil: null }),
        (offset, billedOffset) => {
          const day = addDays(today, offset);
          const billedThrough = billedOffset === null ? null : addDays(today, billedOffset);
          const allowed = day >= today || billedThrough === null || billedThrough < day;
          expect(priceStartProblem(day, { today, billedThrough }) === null).toBe(allowed);
        },
      ),
    );
  });
});
