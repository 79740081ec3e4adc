import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../lib/luhn.js';
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
};
const codes = (draft: Partial<ObjectDraft>, country: string | null = null) =>
  normaliseObjectDraft({ ...base, ...draft }, country).errors.map((error) => `${error.field}:${error.code}`);

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
