import { describe, expect, it } from 'vitest';
import { isCalendarDay } from '../../lib/clock.js';
import { luhnCheckDigit } from '../../lib/luhn.js';
import {
  activeDaysAfterUpdate,
  activeDaysOfNew,
  activeUntilOnArchive,
  yearsBefore,
  type ActiveDays,
} from './object-active-days.js';
import { normaliseObjectDraft, type ObjectDraft } from './object-draft.js';
import { resolveObjectTariff } from './object-tariff-rule.js';

const base: ObjectDraft = {
  name: 'Truck',
  deviceId: '490154203237518',
  deviceType: null,
  simPhone: null,
  sim2Phone: null,
  iccid: null,
  simProvider: null,
  plateNumber: null,
  active: true,
  activeFrom: '2025-06-15',
  activeUntil: null,
};
const TODAY = '2025-06-15';
const codes = (draft: Partial<ObjectDraft>, country: string | null = null, storedActiveFrom?: string) =>
  normaliseObjectDraft({ ...base, ...draft }, country, { today: TODAY, storedActiveFrom }).errors.map(
    (error) => `${error.field}:${error.code}`,
  );

describe('normaliseObjectDraft', () => {
  it('accepts a valid IMEI typed in groups and stores it without spaces', () => {
    const { draft, errors } = normaliseObjectDraft({ ...base, deviceId: ' 49 015420 323751 8 ' }, null);
    expect(errors).toEqual([]);
    expect(draft.deviceId).toBe('490154203237518');
  });

  it.each([
    ['490154203237517', ['deviceId:imei_checksum']],
    ['49015420323751', []], // 14 digits: not an IMEI, a free device ID
    ['4901542032375180', []],
    ['ABC-def_01:02/7#x', []],
    ['bad,comma', ['deviceId:device_id_format']],
    ['x'.repeat(65), ['deviceId:device_id_format']],
    ['   ', ['deviceId:required']],
  ])('device ID %j → %j', (deviceId, expected) => {
    expect(codes({ deviceId })).toEqual(expected);
  });

  it.each([
    [`897010100123456789${luhnCheckDigit('897010100123456789')}`, []],
    [`8970101001234567890${luhnCheckDigit('8970101001234567890')}`, []],
    [`897010100123456789${(luhnCheckDigit('897010100123456789') + 1) % 10}`, ['iccid:iccid_checksum']],
    ['897010100123456789', ['iccid:iccid_format']],
    ['897010100123456789012', ['iccid:iccid_format']],
    ['89701010012345678A', ['iccid:iccid_format']],
    ['', []],
  ])('ICCID %j → %j', (iccid, expected) => {
    expect(codes({ iccid })).toEqual(expected);
  });

  it("reads SIM phones in E.164, typed without + in the region's country", () => {
    const { draft, errors } = normaliseObjectDraft(
      { ...base, simPhone: '8 701 123 45 67', sim2Phone: '+7 (916) 123-45-67' },
      'KZ',
    );
    expect(errors).toEqual([]);
    expect([draft.simPhone, draft.sim2Phone]).toEqual(['+77011234567', '+79161234567']);
    expect(codes({ simPhone: '12345' })).toEqual(['simPhone:phone_invalid']);
  });

  it('trims, upper-cases the plate, turns empty texts into null, requires a name', () => {
    const { draft } = normaliseObjectDraft(
      { ...base, name: ' A ', plateNumber: ' a1 ', deviceType: ' ' },
      null,
    );
    expect(draft).toMatchObject({ name: 'A', plateNumber: 'A1', deviceType: null });
    expect(codes({ name: '  ' })).toEqual(['name:required']);
  });
});

describe('the billed days (Active from, Active until)', () => {
  it.each([
    ['2025-06-15', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['0999-01-01', false],
    ['15.06.2025', false],
    ['2025-6-1', false],
  ])('%j is a calendar day: %j', (text, expected) => {
    expect(isCalendarDay(text)).toBe(expected);
  });

  it('goes back 10 years to the same day, 29 February to the 28th', () => {
    expect(yearsBefore('2025-06-15', 10)).toBe('2015-06-15');
    expect(yearsBefore('2024-02-29', 10)).toBe('2014-02-28');
    expect(yearsBefore('2024-02-29', 4)).toBe('2020-02-29');
  });

  it.each<[Partial<ObjectDraft>, string[]]>([
    [{}, []],
    [{ activeFrom: '2015-06-15' }, []],
    [{ activeFrom: '2015-06-14' }, ['activeFrom:active_from_too_early']],
    [{ activeFrom: '2025-06-16' }, ['activeFrom:active_from_future']],
    [{ activeFrom: '2025-02-30' }, ['activeFrom:format']],
    [{ activeFrom: '2025-06-01', activeUntil: '2025-06-01' }, []],
    [{ activeFrom: '2025-06-01', activeUntil: '2030-01-01' }, []],
    [{ activeFrom: '2025-06-01', activeUntil: '2025-05-31' }, ['activeUntil:active_until_before_from']],
    [{ activeUntil: '2025-02-30' }, ['activeUntil:format']],
    [{ active: false }, ['activeUntil:active_until_required']],
    [{ active: false, activeUntil: '2025-06-15' }, []],
  ])('a new object with %j → %j', (days, expected) => {
    expect(codes(days)).toEqual(expected);
  });

  it('does not judge again an Active from that is not changed', () => {
    expect(codes({ activeFrom: '2001-01-01' }, null, '2001-01-01')).toEqual([]);
    expect(codes({ activeFrom: '2001-01-02' }, null, '2001-01-01')).toEqual([
      'activeFrom:active_from_too_early',
    ]);
  });

  it('names the field and Active from in the message', () => {
    const { errors } = normaliseObjectDraft(
      { ...base, activeFrom: '2025-06-10', activeUntil: '2025-06-01' },
      null,
      { today: TODAY },
    );
    expect(errors).toEqual([
      { field: 'activeUntil', code: 'active_until_before_from', params: { activeFrom: '2025-06-10' } },
    ]);
  });

  it('a new object is billed from today unless set; created inactive, until today', () => {
    expect(activeDaysOfNew({ active: true }, TODAY)).toEqual({
      active: true,
      activeFrom: TODAY,
      activeUntil: null,
    });
    expect(activeDaysOfNew({ active: false, activeFrom: '2025-01-01' }, TODAY)).toEqual({
      active: false,
      activeFrom: '2025-01-01',
      activeUntil: TODAY,
    });
    expect(activeDaysOfNew({ active: true, activeUntil: '2025-12-31' }, TODAY).activeUntil).toBe(
      '2025-12-31',
    );
  });

  const stored: ActiveDays = { active: true, activeFrom: '2025-01-01', activeUntil: null };
  it.each<[string, ActiveDays, ActiveDays, ActiveDays]>([
    [
      'deactivating ends today',
      stored,
      { ...stored, active: false },
      { active: false, activeFrom: '2025-01-01', activeUntil: TODAY },
    ],
    [
      'deactivating with a day given keeps it',
      stored,
      { ...stored, active: false, activeUntil: '2025-06-01' },
      { active: false, activeFrom: '2025-01-01', activeUntil: '2025-06-01' },
    ],
    [
      'deactivating keeps an earlier last day already set',
      { ...stored, activeUntil: '2025-06-01' },
      { ...stored, activeUntil: '2025-06-01', active: false },
      { active: false, activeFrom: '2025-01-01', activeUntil: '2025-06-01' },
    ],
    [
      'deactivating ends a later last day today',
      { ...stored, activeUntil: '2025-12-31' },
      { ...stored, activeUntil: '2025-12-31', active: false },
      { active: false, activeFrom: '2025-01-01', activeUntil: TODAY },
    ],
    [
      'activating the day it was deactivated clears the last day',
      { active: false, activeFrom: '2025-01-01', activeUntil: TODAY },
      { active: true, activeFrom: '2025-01-01', activeUntil: TODAY },
      { active: true, activeFrom: '2025-01-01', activeUntil: null },
    ],
    [
      'activating after a gap bills from today',
      { active: false, activeFrom: '2025-01-01', activeUntil: '2025-03-01' },
      { active: true, activeFrom: '2025-01-01', activeUntil: '2025-03-01' },
      { active: true, activeFrom: TODAY, activeUntil: null },
    ],
    [
      'activating with the days given keeps them',
      { active: false, activeFrom: '2025-01-01', activeUntil: '2025-03-01' },
      { active: true, activeFrom: '2025-02-01', activeUntil: '2025-12-31' },
      { active: true, activeFrom: '2025-02-01', activeUntil: '2025-12-31' },
    ],
    [
      'no change of Active: the days as given',
      stored,
      { ...stored, activeFrom: '2024-12-01', activeUntil: '2025-09-30' },
      { active: true, activeFrom: '2024-12-01', activeUntil: '2025-09-30' },
    ],
  ])('%s', (_name, before, wanted, expected) => {
    expect(activeDaysAfterUpdate(before, wanted, TODAY)).toEqual(expected);
  });

  it('archiving ends the billed days today, or keeps an earlier last day', () => {
    expect(activeUntilOnArchive(stored, TODAY)).toBe(TODAY);
    expect(activeUntilOnArchive({ ...stored, activeUntil: '2030-01-01' }, TODAY)).toBe(TODAY);
    expect(activeUntilOnArchive({ ...stored, activeUntil: '2025-02-01' }, TODAY)).toBe('2025-02-01');
  });
});

describe('resolveObjectTariff', () => {
  it("takes the contract's tariff first", () => {
    expect(resolveObjectTariff({ contractTariffId: 7, priceTariffIdsNearestFirst: [1, 2, 3] })).toBe(7);
  });
  it("else the partner's Price, else the nearest ancestor's", () => {
    expect(resolveObjectTariff({ contractTariffId: null, priceTariffIdsNearestFirst: [1, 2, 3] })).toBe(1);
    expect(resolveObjectTariff({ contractTariffId: null, priceTariffIdsNearestFirst: [null, 2, 3] })).toBe(2);
    expect(resolveObjectTariff({ contractTariffId: null, priceTariffIdsNearestFirst: [null, null, 3] })).toBe(
      3,
    );
  });
  it('none anywhere is null', () => {
    expect(
      resolveObjectTariff({ contractTariffId: null, priceTariffIdsNearestFirst: [null, null] }),
    ).toBeNull();
    expect(resolveObjectTariff({ contractTariffId: null, priceTariffIdsNearestFirst: [] })).toBeNull();
  });
});
