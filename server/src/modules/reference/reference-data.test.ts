import { describe, expect, it } from 'vitest';

import {
  accountTypeNames,
  accountTypes,
  countryOfRegion,
  findCountry,
  findCurrency,
  findOrganizationType,
  findRegion,
  isAccountType,
  isCurrencyCode,
  listCountries,
  listCurrencies,
  listOrganizationTypes,
  listRegions,
} from './reference-data.js';

const CIS = ['RU', 'KZ', 'AM', 'AZ', 'BY', 'KG', 'MD', 'TJ', 'UZ', 'TM'];

// Counts pinned to the generated data: a change here means the sources or the generator changed, and the
// diff of the JSON deserves a review.
describe('regions', () => {
  it('has the generated totals, sorted and unique', () => {
    const regions = listRegions();
    expect(regions).toHaveLength(3739);
    const codes = regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('uses well-formed ISO 3166-2 codes whose prefix is the country', () => {
    for (const region of listRegions()) {
      expect(region.code).toMatch(/^[A-Z]{2}-[A-Z0-9]{1,3}$/);
      expect(region.code.slice(0, 2)).toBe(region.country);
      expect(region.nameEn).not.toBe('');
      expect(region.nameRu).not.toBe('');
    }
  });

  it('counts the regions of every CIS country exactly', () => {
    const counts = Object.fromEntries(CIS.map((c) => [c, listRegions(c).length]));
    expect(counts).toEqual({ RU: 83, KZ: 20, AM: 11, AZ: 71, BY: 7, KG: 9, MD: 37, TJ: 5, UZ: 14, TM: 6 });
  });

  it('has a Russian name for every CIS region', () => {
    for (const country of CIS) {
      for (const region of listRegions(country)) expect(region.nameRu).toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('falls back to English for exactly the regions the source has no Russian name for', () => {
    const fallbacks = listRegions().filter((r) => !/[А-Яа-яЁё]/.test(r.nameRu));
    expect(fallbacks).toHaveLength(397);
    for (const region of fallbacks) expect(region.nameRu).toBe(region.nameEn);
  });

  it('finds Moscow', () => {
    expect(findRegion('RU-MOW')).toEqual({
      code: 'RU-MOW',
      country: 'RU',
      nameEn: 'Moscow',
      nameRu: 'Москва',
    });
    expect(findRegion('RU-SPE')).toEqual({
      code: 'RU-SPE',
      country: 'RU',
      nameEn: 'Saint Petersburg',
      nameRu: 'Санкт-Петербург',
    });
  });

  it('has the current ISO 3166-2:KZ list, not the pre-2020 letter codes', () => {
    expect(listRegions('KZ').map((r) => r.code)).toEqual([
      'KZ-10', 'KZ-11', 'KZ-15', 'KZ-19', 'KZ-23', 'KZ-27', 'KZ-31', 'KZ-33', 'KZ-35', 'KZ-39',
      'KZ-43', 'KZ-47', 'KZ-55', 'KZ-59', 'KZ-61', 'KZ-62', 'KZ-63', 'KZ-71', 'KZ-75', 'KZ-79',
    ]); // prettier-ignore
    expect(findRegion('KZ-75')).toEqual({ code: 'KZ-75', country: 'KZ', nameEn: 'Almaty', nameRu: 'Алматы' });
    expect(findRegion('KZ-10')).toEqual({
      code: 'KZ-10',
      country: 'KZ',
      nameEn: 'Abai Region',
      nameRu: 'Абайская область',
    });
    expect(findRegion('KZ-19')?.nameRu).toBe('Алматинская область');
    for (const old of ['KZ-ALA', 'KZ-ALM', 'KZ-AST', 'KZ-YUZ', 'KZ-BAY'])
      expect(findRegion(old)).toBeUndefined();
  });

  it('carries the hand corrections of the source', () => {
    expect(findRegion('AZ-BEY')?.nameRu).toBe('Бейлаганский район');
    expect(findRegion('AZ-BAL')?.nameRu).toBe('Балакенский район');
    expect(findRegion('KG-GO')?.nameRu).toBe('Ош');
    expect(findRegion('TJ-DU')?.nameRu).toBe('Душанбе');
    expect(listRegions('AZ').filter((r) => r.code === 'AZ-SUS')).toHaveLength(1);
  });

  it('answers the country of a region, null when unknown', () => {
    expect(countryOfRegion('RU-MOW')).toBe('RU');
    expect(countryOfRegion('KZ-79')).toBe('KZ');
    expect(countryOfRegion('BY-HM')).toBe('BY');
    expect(countryOfRegion('RU-XXX')).toBeNull();
    expect(countryOfRegion('ru-mow')).toBeNull();
    expect(countryOfRegion('')).toBeNull();
  });

  it('returns an empty list for a country without regions', () => {
    expect(listRegions('ZZ')).toEqual([]);
  });

  it('cannot be mutated by a caller', () => {
    expect(() => (listRegions() as unknown as unknown[]).pop()).toThrow(TypeError);
    const moscow = findRegion('RU-MOW') as { nameEn: string };
    expect(() => {
      moscow.nameEn = 'x';
    }).toThrow(TypeError);
  });
});

describe('countries', () => {
  it('lists exactly the countries that have regions', () => {
    const countries = listCountries();
    expect(countries).toHaveLength(207);
    expect(countries.map((c) => c.code)).toEqual([...new Set(listRegions().map((r) => r.country))].sort());
  });

  it('includes every CIS country with short names', () => {
    for (const code of CIS) expect(findCountry(code)).toBeDefined();
    expect(findCountry('RU')).toEqual({ code: 'RU', nameEn: 'Russia', nameRu: 'Россия' });
    expect(findCountry('KZ')).toEqual({ code: 'KZ', nameEn: 'Kazakhstan', nameRu: 'Казахстан' });
    expect(findCountry('MD')).toEqual({ code: 'MD', nameEn: 'Moldova', nameRu: 'Молдавия' });
  });
});

describe('currencies', () => {
  it('has the generated total, sorted and unique', () => {
    const codes = listCurrencies().map((c) => c.code);
    expect(codes).toHaveLength(157);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const currency of listCurrencies()) {
      expect(currency.code).toMatch(/^[A-Z]{3}$/);
      expect(currency.numeric).toMatch(/^\d{3}$/);
      expect([0, 2, 3]).toContain(currency.minorUnits);
    }
  });

  it('describes the rouble, the tenge and the minor-unit outliers', () => {
    expect(findCurrency('RUB')).toEqual({
      code: 'RUB',
      numeric: '643',
      nameEn: 'Russian Ruble',
      nameRu: 'Российский рубль',
      minorUnits: 2,
    });
    expect(findCurrency('KZT')).toEqual({
      code: 'KZT',
      numeric: '398',
      nameEn: 'Tenge',
      nameRu: 'Тенге',
      minorUnits: 2,
    });
    expect(findCurrency('ALL')?.numeric).toBe('008');
    expect(findCurrency('JPY')?.minorUnits).toBe(0);
    expect(findCurrency('KWD')?.minorUnits).toBe(3);
  });

  it('has the required Russian names', () => {
    const expected = {
      RUB: 'Российский рубль',
      KZT: 'Тенге',
      USD: 'Доллар США',
      EUR: 'Евро',
      BYN: 'Белорусский рубль',
      UZS: 'Узбекский сум',
      KGS: 'Сом',
      TJS: 'Сомони',
      AMD: 'Армянский драм',
      AZN: 'Азербайджанский манат',
      MDL: 'Молдавский лей',
      TMT: 'Новый туркменский манат',
      GEL: 'Лари',
      CNY: 'Юань',
      TRY: 'Турецкая лира',
      GBP: 'Фунт стерлингов',
    };
    for (const [code, nameRu] of Object.entries(expected)) expect(findCurrency(code)?.nameRu).toBe(nameRu);
  });

  it('falls back to the English name where no Russian one is known', () => {
    const fallbacks = listCurrencies().filter((c) => !/[А-Яа-яЁё]/.test(c.nameRu));
    expect(fallbacks.map((c) => c.code)).toEqual(['VED', 'ZWG']);
    for (const currency of fallbacks) expect(currency.nameRu).toBe(currency.nameEn);
  });

  it('accepts billable ISO codes only, in upper case', () => {
    for (const code of ['RUB', 'KZT', 'USD', 'EUR', 'BYN', 'XOF']) expect(isCurrencyCode(code)).toBe(true);
    // Real ISO 4217 codes that are not money one invoices in.
    for (const code of ['XXX', 'XTS', 'XAU', 'XDR', 'USN', 'CLF']) expect(isCurrencyCode(code)).toBe(false);
    // Not ISO 4217 at all, withdrawn, or not canonical.
    for (const code of ['ABC', 'RUR', 'BYR', 'HRK', 'rub', 'RUB ', '', '643']) {
      expect(isCurrencyCode(code)).toBe(false);
    }
  });
});

describe('organization types', () => {
  it('has unique codes, a kind and both names', () => {
    const types = listOrganizationTypes();
    expect(types).toHaveLength(52);
    expect(new Set(types.map((t) => t.code)).size).toBe(types.length);
    for (const type of types) {
      expect(['legal', 'individual']).toContain(type.kind);
      expect(type.nameEn).not.toBe('');
      expect(type.nameRu).toMatch(/[А-Яа-яЁё]/);
      if (type.country !== null) {
        expect(type.code.startsWith(`${type.country}-`)).toBe(true);
        expect(findCountry(type.country)).toBeDefined();
      }
    }
  });

  it('has the forms the card needs, with the expected kinds', () => {
    const legal = ['RU-OOO', 'RU-AO', 'RU-PAO', 'RU-NKO', 'RU-GUP', 'RU-MUP', 'KZ-TOO', 'KZ-AO'];
    const moreLegal = ['BY-OOO', 'BY-ODO', 'BY-AO', 'BY-UP', 'UZ-MChJ', 'UZ-AJ', 'KG-OsOO', 'KG-AO'];
    const individual = ['RU-IP', 'RU-SELF', 'KZ-IP', 'BY-IP', 'UZ-YaTT', 'KG-IP', 'SOLE', 'INDIVIDUAL'];
    for (const code of [...legal, ...moreLegal, 'LLC', 'JSC', 'NONPROFIT', 'GOV']) {
      expect(findOrganizationType(code)?.kind).toBe('legal');
    }
    for (const code of individual) expect(findOrganizationType(code)?.kind).toBe('individual');
    expect(findOrganizationType('RU-OOO')).toEqual({
      code: 'RU-OOO',
      country: 'RU',
      kind: 'legal',
      generic: 'LLC',
      nameEn: 'Limited liability company (OOO)',
      nameRu: 'Общество с ограниченной ответственностью (ООО)',
    });
    expect(findOrganizationType('INDIVIDUAL')).toEqual({
      code: 'INDIVIDUAL',
      country: null,
      kind: 'individual',
      nameEn: 'Private individual',
      nameRu: 'Физическое лицо',
    });
    expect(findOrganizationType('ru-ooo')).toBeUndefined();
    expect(findOrganizationType('OOO')).toBeUndefined();
  });

  it('has own forms for every CIS country', () => {
    for (const country of CIS) {
      const own = listOrganizationTypes().filter((t) => t.country === country);
      expect(own.some((t) => t.kind === 'legal')).toBe(true);
      expect(own.some((t) => t.kind === 'individual')).toBe(true);
    }
  });

  it('offers a country its own forms, then the generic ones its own do not stand for', () => {
    const generic = ['LLC', 'JSC', 'SOLE', 'INDIVIDUAL', 'NONPROFIT', 'GOV'];
    expect(listOrganizationTypes('KZ').map((t) => t.code)).toEqual([
      'KZ-TOO',
      'KZ-AO',
      'KZ-IP',
      'KZ-GP',
      'KZ-GU',
      'INDIVIDUAL',
      'NONPROFIT',
    ]);
    expect(listOrganizationTypes('DE').map((t) => t.code)).toEqual(generic);
    expect(listOrganizationTypes(null).map((t) => t.code)).toEqual(generic);
  });

  // Issue 15, item 13: "Limited liability company" was offered twice, the country's own and the generic.
  it("offers each legal form once in a country's list, under a name of its own in both languages", () => {
    expect(listOrganizationTypes('RU').map((t) => t.nameEn)).not.toContain('Limited liability company');
    for (const country of [...CIS, 'DE', null]) {
      const types = listOrganizationTypes(country);
      const standFor = new Set(types.map((t) => t.generic));
      expect(types.filter((t) => standFor.has(t.code))).toEqual([]);
      expect(new Set(types.map((t) => t.nameEn)).size).toBe(types.length);
      expect(new Set(types.map((t) => t.nameRu)).size).toBe(types.length);
    }
    // A country's form stands for a generic form of the same kind.
    for (const type of listOrganizationTypes()) {
      if (type.generic === undefined) continue;
      expect(type.country).not.toBeNull();
      expect(findOrganizationType(type.generic)).toMatchObject({ country: null, kind: type.kind });
    }
  });
});

describe('account types', () => {
  it('lists the three types with their names', () => {
    expect(accountTypes).toEqual(['prepayment', 'postpayment', 'postpayment_light']);
    expect(accountTypeNames).toEqual({
      prepayment: { en: 'Prepayment', ru: 'Предоплата' },
      postpayment: { en: 'Postpayment', ru: 'Постоплата' },
      postpayment_light: { en: 'Postpayment (light)', ru: 'Постоплата (облегчённая)' },
    });
    expect(isAccountType('postpayment_light')).toBe(true);
    expect(isAccountType('Prepayment')).toBe(false);
    expect(isAccountType('credit')).toBe(false);
  });
});
