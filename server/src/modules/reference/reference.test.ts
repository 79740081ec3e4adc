import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { createPartner, signInAsPartner } from '../../../test/builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';

const { context, root } = useTestAppAsRoot();
let partner: TestClient;

beforeAll(async () => {
  partner = await signInAsPartner(context.app, await createPartner(root));
});

interface Region {
  code: string;
  country: string;
  nameEn: string;
  nameRu: string;
}

const endpoints = ['regions', 'currencies', 'organization-types', 'account-types', 'vat-rates'];

describe('every reference endpoint', () => {
  it.each(endpoints)('%s answers 401 problem+json without a session', async (name) => {
    const response = await anonymous(context.app).get(`/api/v1/reference/${name}`);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.headers['cache-control']).toBeUndefined();
    expect(response.json()).toEqual({
      type: '/problems/unauthorized',
      title: 'Sign in to continue',
      status: 401,
      code: 'unauthorized',
      errors: [],
      requestId: expect.any(String),
    });
  });

  it.each(endpoints)('%s answers a partner administrator, cacheable privately', async (name) => {
    const response = await partner.get(`/api/v1/reference/${name}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, max-age=3600');
  });

  it('refuses unknown query parameters', async () => {
    const response = await root.get('/api/v1/reference/regions?countri=RU');
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual(['countri:unknown_field']);
  });
});

describe('GET /reference/regions', () => {
  it('lists Russia with both names, and only Russia among the countries', async () => {
    const body = expectStatus<{ items: Region[]; countries: unknown[] }>(
      await root.get('/api/v1/reference/regions?country=RU'),
      200,
    );
    expect(body.items).toHaveLength(83);
    expect(body.items.every((region) => region.country === 'RU')).toBe(true);
    expect(body.items.find((region) => region.code === 'RU-MOW')).toEqual({
      code: 'RU-MOW',
      country: 'RU',
      nameEn: 'Moscow',
      nameRu: 'Москва',
    });
    expect(body.items.find((region) => region.code === 'RU-SPE')).toEqual({
      code: 'RU-SPE',
      country: 'RU',
      nameEn: 'Saint Petersburg',
      nameRu: 'Санкт-Петербург',
    });
    expect(body.countries).toEqual([{ code: 'RU', nameEn: 'Russia', nameRu: 'Россия' }]);
  });

  it('lists the 20 current regions of Kazakhstan, the country code case-insensitive', async () => {
    const body = expectStatus<{ items: Region[]; countries: unknown[] }>(
      await root.get('/api/v1/reference/regions?country=kz'),
      200,
    );
    expect(body.items.map((region) => region.code)).toEqual([
      'KZ-10', 'KZ-11', 'KZ-15', 'KZ-19', 'KZ-23', 'KZ-27', 'KZ-31', 'KZ-33', 'KZ-35', 'KZ-39',
      'KZ-43', 'KZ-47', 'KZ-55', 'KZ-59', 'KZ-61', 'KZ-62', 'KZ-63', 'KZ-71', 'KZ-75', 'KZ-79',
    ]); // prettier-ignore
    expect(body.items.find((region) => region.code === 'KZ-75')).toEqual({
      code: 'KZ-75',
      country: 'KZ',
      nameEn: 'Almaty',
      nameRu: 'Алматы',
    });
    expect(body.countries).toEqual([{ code: 'KZ', nameEn: 'Kazakhstan', nameRu: 'Казахстан' }]);
  });

  it('has the regions of every CIS country with Russian names', async () => {
    const counts: Record<string, number> = {};
    for (const country of ['RU', 'KZ', 'AM', 'AZ', 'BY', 'KG', 'MD', 'TJ', 'UZ', 'TM']) {
      const body = expectStatus<{ items: Region[] }>(
        await partner.get(`/api/v1/reference/regions?country=${country}`),
        200,
      );
      counts[country] = body.items.length;
      for (const region of body.items) expect(region.nameRu, region.code).toMatch(/[А-Яа-яЁё]/);
    }
    expect(counts).toEqual({ RU: 83, KZ: 20, AM: 11, AZ: 71, BY: 7, KG: 9, MD: 37, TJ: 5, UZ: 14, TM: 6 });
  });

  it('lists every region and country without a filter', async () => {
    const body = expectStatus<{ items: Region[]; countries: { code: string }[] }>(
      await root.get('/api/v1/reference/regions'),
      200,
    );
    expect(body.items).toHaveLength(3739);
    expect(body.countries).toHaveLength(207);
    expect(body.countries.find((country) => country.code === 'BY')).toEqual({
      code: 'BY',
      nameEn: 'Belarus',
      nameRu: 'Беларусь',
    });
  });

  it('treats an empty country as no filter, on every endpoint that takes one', async () => {
    const regions = expectStatus<{ items: unknown[]; countries: unknown[] }>(
      await root.get('/api/v1/reference/regions?country='),
      200,
    );
    expect([regions.items.length, regions.countries.length]).toEqual([3739, 207]);
    const types = expectStatus<{ items: unknown[] }>(
      await root.get('/api/v1/reference/organization-types?country='),
      200,
    );
    expect(types.items).toHaveLength(52);
    const rates = expectStatus<{ items: unknown[]; inForce: unknown }>(
      await root.get('/api/v1/reference/vat-rates?country='),
      200,
    );
    expect([rates.items.length, rates.inForce]).toEqual([16, null]);
  });

  it('answers empty lists for a country without regions, 400 for a code longer than 2', async () => {
    expect(expectStatus(await root.get('/api/v1/reference/regions?country=ZZ'), 200)).toEqual({
      items: [],
      countries: [],
    });
    const response = await root.get('/api/v1/reference/regions?country=RUS');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'country', code: 'too_long', message: 'Country must be at most 2 characters' }],
    });
  });
});

describe('GET /reference/currencies', () => {
  it('lists ISO 4217 with numeric codes, minor units and Russian names', async () => {
    const body = expectStatus<{ items: { code: string; numeric: string; minorUnits: number }[] }>(
      await partner.get('/api/v1/reference/currencies'),
      200,
    );
    expect(body.items).toHaveLength(157);
    const byCode = new Map(body.items.map((currency) => [currency.code, currency]));
    expect(byCode.get('RUB')).toEqual({
      code: 'RUB',
      numeric: '643',
      minorUnits: 2,
      nameEn: 'Russian Ruble',
      nameRu: 'Российский рубль',
    });
    expect(byCode.get('KZT')).toEqual({
      code: 'KZT',
      numeric: '398',
      minorUnits: 2,
      nameEn: 'Tenge',
      nameRu: 'Тенге',
    });
    expect(byCode.get('ALL')?.numeric).toBe('008');
    expect(byCode.get('JPY')?.minorUnits).toBe(0);
    expect(byCode.get('KWD')?.minorUnits).toBe(3);
    for (const code of ['USD', 'EUR', 'BYN', 'UZS', 'KGS', 'TJS', 'AMD', 'AZN', 'MDL', 'TMT']) {
      expect(byCode.has(code), code).toBe(true);
    }
    for (const code of ['XXX', 'XTS', 'XAU', 'RUR']) expect(byCode.has(code), code).toBe(false);
  });
});

describe('GET /reference/organization-types', () => {
  const generic = ['LLC', 'JSC', 'SOLE', 'INDIVIDUAL', 'NONPROFIT', 'GOV'];

  it("offers Kazakhstan's forms first, then the generic ones they do not stand for", async () => {
    const body = expectStatus<{ items: { code: string }[] }>(
      await root.get('/api/v1/reference/organization-types?country=KZ'),
      200,
    );
    expect(body.items.map((type) => type.code)).toEqual([
      'KZ-TOO',
      'KZ-AO',
      'KZ-IP',
      'KZ-GP',
      'KZ-GU',
      'INDIVIDUAL',
      'NONPROFIT',
    ]);
    expect(body.items[0]).toEqual({
      code: 'KZ-TOO',
      country: 'KZ',
      kind: 'legal',
      nameEn: 'Limited liability partnership (TOO)',
      nameRu: 'Товарищество с ограниченной ответственностью (ТОО)',
    });
    expect(body.items.at(-2)).toEqual({
      code: 'INDIVIDUAL',
      country: null,
      kind: 'individual',
      nameEn: 'Private individual',
      nameRu: 'Физическое лицо',
    });
  });

  it('takes the country in lower case, gives only generic forms to a country without its own', async () => {
    const ru = expectStatus<{ items: { code: string }[] }>(
      await partner.get('/api/v1/reference/organization-types?country=ru'),
      200,
    );
    expect(ru.items.map((type) => type.code)).toEqual([
      'RU-OOO',
      'RU-AO',
      'RU-PAO',
      'RU-IP',
      'RU-SELF',
      'RU-KFH',
      'RU-NKO',
      'RU-GUP',
      'RU-MUP',
      'RU-GU',
      // No generic LLC, joint-stock company, sole proprietor, non-profit or state body beside Russia's own.
      'INDIVIDUAL',
    ]);
    const de = expectStatus<{ items: { code: string }[] }>(
      await partner.get('/api/v1/reference/organization-types?country=DE'),
      200,
    );
    expect(de.items.map((type) => type.code)).toEqual(generic);
  });

  it('lists all 52 forms without a country', async () => {
    const body = expectStatus<{ items: { code: string }[] }>(
      await root.get('/api/v1/reference/organization-types'),
      200,
    );
    expect(body.items).toHaveLength(52);
  });
});

describe('GET /reference/account-types', () => {
  it('lists the three billing models with their names', async () => {
    expect(expectStatus(await partner.get('/api/v1/reference/account-types'), 200)).toEqual({
      items: [
        { code: 'prepayment', nameEn: 'Prepayment', nameRu: 'Предоплата' },
        { code: 'postpayment', nameEn: 'Postpayment', nameRu: 'Постоплата' },
        { code: 'postpayment_light', nameEn: 'Postpayment (light)', nameRu: 'Постоплата (облегчённая)' },
      ],
    });
  });
});

describe('GET /reference/vat-rates', () => {
  const russia = [
    { country: 'RU', ratePercent: '18.00', validFrom: '2004-01-01' },
    { country: 'RU', ratePercent: '20.00', validFrom: '2019-01-01' },
    { country: 'RU', ratePercent: '22.00', validFrom: '2026-01-01' },
  ];

  it('gives Russia 20% on 2025-12-31 and 22% from 2026-01-01', async () => {
    expect(
      expectStatus(await root.get('/api/v1/reference/vat-rates?country=RU&date=2025-12-31'), 200),
    ).toEqual({
      items: russia,
      inForce: { country: 'RU', date: '2025-12-31', ratePercent: '20.00' },
    });
    expect(
      expectStatus(await root.get('/api/v1/reference/vat-rates?country=ru&date=2026-01-01'), 200),
    ).toEqual({
      items: russia,
      inForce: { country: 'RU', date: '2026-01-01', ratePercent: '22.00' },
    });
  });

  it('gives Kazakhstan 12% until 2025 and 16% from 2026-01-01', async () => {
    const kazakhstan = [
      { country: 'KZ', ratePercent: '12.00', validFrom: '2009-01-01' },
      { country: 'KZ', ratePercent: '16.00', validFrom: '2026-01-01' },
    ];
    expect(
      expectStatus(await partner.get('/api/v1/reference/vat-rates?country=KZ&date=2026-01-01'), 200),
    ).toEqual({
      items: kazakhstan,
      inForce: { country: 'KZ', date: '2026-01-01', ratePercent: '16.00' },
    });
    const before = expectStatus<{ inForce: unknown }>(
      await partner.get('/api/v1/reference/vat-rates?country=KZ&date=2025-12-31'),
      200,
    );
    expect(before.inForce).toEqual({ country: 'KZ', date: '2025-12-31', ratePercent: '12.00' });
  });

  it('uses today when no date is given', async () => {
    const body = expectStatus<{ inForce: { date: string; ratePercent: string } }>(
      await root.get('/api/v1/reference/vat-rates?country=RU'),
      200,
    );
    expect(body.inForce.date).toBe(today());
    expect(body.inForce.ratePercent).toBe(today() >= '2026-01-01' ? '22.00' : '20.00');
  });

  it('answers a null rate for an unknown country and for a day before the first rate', async () => {
    expect(
      expectStatus(await root.get('/api/v1/reference/vat-rates?country=ZZ&date=2026-01-01'), 200),
    ).toEqual({
      items: [],
      inForce: { country: 'ZZ', date: '2026-01-01', ratePercent: null },
    });
    const early = expectStatus<{ inForce: unknown }>(
      await root.get('/api/v1/reference/vat-rates?country=RU&date=2003-12-31'),
      200,
    );
    expect(early.inForce).toEqual({ country: 'RU', date: '2003-12-31', ratePercent: null });
  });

  it('lists every dated row without a country, and no rate in force', async () => {
    const body = expectStatus<{ items: { country: string }[]; inForce: unknown }>(
      await root.get('/api/v1/reference/vat-rates'),
      200,
    );
    expect(body.items).toHaveLength(16);
    expect(body.items.slice(0, 2)).toEqual([
      { country: 'AM', ratePercent: '20.00', validFrom: '2018-01-01' },
      { country: 'AZ', ratePercent: '18.00', validFrom: '2001-01-01' },
    ]);
    expect([...new Set(body.items.map((row) => row.country))]).toEqual([
      'AM', 'AZ', 'BY', 'GE', 'KG', 'KZ', 'MD', 'RU', 'TJ', 'TM', 'UZ',
    ]); // prettier-ignore
    expect(body.inForce).toBeNull();
  });

  it('refuses an impossible date with 400', async () => {
    for (const date of ['2026-13-01', '2026-02-30', '01.01.2026', 'today']) {
      const response = await root.get(`/api/v1/reference/vat-rates?country=RU&date=${date}`);
      expect(response.statusCode, date).toBe(400);
      expect(fieldCodes(response)).toEqual(['date:format']);
    }
  });
});
