import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  createPartner,
  createTariff,
  partnerInput,
  signInAsPartner,
  unique,
  type PartnerResponseBody,
  type CreatedPartner,
  type TariffResponseBody,
} from '../../../test/builders.js';
import { type TestContext } from '../../../test/test-app.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';
import type { TariffList } from './tariffs.schemas.js';
import type { Static } from 'typebox';

type TariffListBody = Static<typeof TariffList>;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const tariffUrl = (id: number) => `/api/v1/tariffs/${id}`;

async function getTariff(client: TestClient, id: number) {
  return expectStatus<TariffResponseBody>(await client.get(tariffUrl(id)), 200);
}

async function listNames(client: TestClient, query: string) {
  const body = expectStatus<TariffListBody>(await client.get(`/api/v1/tariffs?${query}`), 200);
  expect(body.total).toBe(body.items.length);
  return body.items.map((tariff) => tariff.name);
}

/** A partner with its administrator's session. */
interface Dealer {
  partner: CreatedPartner;
  session: TestClient;
}

async function createDealer(context: TestContext, root: TestClient, overrides: Record<string, unknown> = {}) {
  const partner = await createPartner(root, overrides);
  return { partner, session: await signInAsPartner(context.app, partner) } satisfies Dealer;
}

describe('tariffs API', () => {
  const { context, root } = useTestAppAsRoot();

  describe('POST /tariffs', () => {
    it('creates a platform tariff: price normalised, one version from today', async () => {
      const response = await root.post('/api/v1/tariffs', {
        name: 'Basic monthly',
        currency: 'RUB',
        period: 'month',
        price: '300',
      });
      const body = expectStatus<TariffResponseBody>(response, 201);
      expect(body).toEqual({
        id: expect.any(Number),
        name: 'Basic monthly',
        currency: 'RUB',
        period: 'month',
        price: '300.00',
        priceEffectiveFrom: today(),
        ownerPartnerId: null,
        ownerPartnerName: null,
        ownedByAncestor: false,
        versions: [{ id: expect.any(Number), price: '300.00', effectiveFrom: today() }],
        version: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        archivedAt: null,
        billedThrough: null,
      });
      expect(await getTariff(root, body.id)).toEqual(body);
    });

    it('trims the name and the price, upper-cases the currency, takes a dated first price', async () => {
      const body = expectStatus<TariffResponseBody>(
        await root.post('/api/v1/tariffs', {
          name: '  Daily tenge  ',
          currency: 'kzt',
          period: 'day',
          price: ' 12.5 ',
          effectiveFrom: '2025-01-01',
        }),
        201,
      );
      expect(body).toMatchObject({
        name: 'Daily tenge',
        currency: 'KZT',
        period: 'day',
        price: '12.50',
        priceEffectiveFrom: '2025-01-01',
        versions: [{ price: '12.50', effectiveFrom: '2025-01-01' }],
      });
    });

    it('keeps big prices exact and accepts zero', async () => {
      const big = await createTariff(root, { price: '9999999999999999.99' });
      expect((await getTariff(root, big.id)).price).toBe('9999999999999999.99');
      const free = await createTariff(root, { price: '0' });
      expect((await getTariff(root, free.id)).price).toBe('0.00');
    });

    it.each<[string, unknown, string[]]>([
      ['an unknown currency', { currency: 'XYZ' }, ['currency:currency_unknown']],
      ['a test currency', { currency: 'XTS' }, ['currency:currency_unknown']],
      ['a negative price', { price: '-1' }, ['price:amount_negative']],
      ['a price with 3 decimals', { price: '1.234' }, ['price:amount_scale']],
      ['a price that is not a number', { price: 'abc' }, ['price:amount_invalid']],
      ['an empty price', { price: '' }, ['price:amount_invalid']],
      ['a price in exponent notation', { price: '1e3' }, ['price:amount_invalid']],
      ['a price with a comma', { price: '1,50' }, ['price:amount_invalid']],
      ['a price of 17 digits', { price: '10000000000000000' }, ['price:amount_too_large']],
      ['a blank name', { name: '   ' }, ['name:required']],
      ['an empty name', { name: '' }, ['name:required']],
      ['a currency of 4 letters', { currency: 'RUBX' }, ['currency:too_long']],
      ['an impossible date', { effectiveFrom: '2026-02-30' }, ['effectiveFrom:format']],
      ['an unknown field', { priceCents: 30000 }, ['priceCents:unknown_field']],
      [
        'an unknown currency and a bad price at once',
        { currency: 'XYZ', price: 'abc' },
        ['currency:currency_unknown', 'price:amount_invalid'],
      ],
    ])('refuses %s with 400', async (_, overrides, expected) => {
      const name = unique('Refused ');
      const response = await root.post('/api/v1/tariffs', {
        name,
        currency: 'RUB',
        period: 'month',
        price: '300.00',
        ...(overrides as object),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.json()).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(fieldCodes(response)).toEqual(expected);
      expect(await listNames(root, `search=${encodeURIComponent(name)}`)).toEqual([]);
    });

    it('refuses a price sent as a JSON number: amounts travel as strings', async () => {
      const response = await root.post('/api/v1/tariffs', {
        name: 'Number price',
        currency: 'RUB',
        period: 'month',
        price: 300,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        type: '/problems/validation_failed',
        title: 'Some fields are not valid',
        status: 400,
        code: 'validation_failed',
        errors: [{ field: 'price', code: 'type', message: 'Price must be string' }],
        requestId: expect.any(String),
      });
    });

    it('refuses a period other than month or day, naming the allowed ones', async () => {
      const response = await root.post('/api/v1/tariffs', {
        name: 'Weekly',
        currency: 'RUB',
        period: 'week',
        price: '10',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: unknown[] }>().errors).toEqual([
        { field: 'period', code: 'enum', message: 'Period must be one of: month, day' },
      ]);
    });

    it('reports every missing field, in Russian when asked', async () => {
      const response = await root.inLocale('ru-RU,ru;q=0.9').post('/api/v1/tariffs', {});
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: unknown[] }>().errors).toEqual([
        { field: 'name', code: 'required', message: 'Поле «Наименование» обязательно' },
        { field: 'currency', code: 'required', message: 'Поле «Валюта» обязательно' },
        { field: 'period', code: 'required', message: 'Поле «Период» обязательно' },
        { field: 'price', code: 'required', message: 'Поле «Цена» обязательно' },
      ]);
      const negative = await root
        .inLocale('ru')
        .post('/api/v1/tariffs', { name: 'x', currency: 'RUB', period: 'day', price: '-1' });
      expect(negative.json<{ errors: unknown[] }>().errors).toEqual([
        { field: 'price', code: 'amount_negative', message: 'Поле «Цена» не может быть отрицательным' },
      ]);
    });

    it('answers 401 without a session', async () => {
      const visitor = anonymous(context.app);
      expect((await visitor.get('/api/v1/tariffs')).statusCode).toBe(401);
      expect((await visitor.get('/api/v1/tariffs/choices?purpose=price')).statusCode).toBe(401);
      const created = await visitor.post('/api/v1/tariffs', {
        name: 'x',
        currency: 'RUB',
        period: 'day',
        price: '1',
      });
      expect(created.statusCode).toBe(401);
      expect(created.json()).toMatchObject({ code: 'unauthorized' });
    });
  });

  describe('PATCH /tariffs/:id', () => {
    it('adds a future price as a new version: the current price stays until that day', async () => {
      const tariff = await createTariff(root, { price: '300' });
      const future = addDays(today(), 30);
      const body = expectStatus<TariffResponseBody>(
        await root.patch(tariffUrl(tariff.id), { version: 1, price: '350', effectiveFrom: future }),
        200,
      );
      expect(body).toEqual({
        ...(await getTariff(root, tariff.id)),
        price: '300.00',
        priceEffectiveFrom: today(),
        versions: [
          { id: tariff.versions[0]!.id, price: '300.00', effectiveFrom: today() },
          { id: expect.any(Number), price: '350.00', effectiveFrom: future },
        ],
        version: 2,
      });

      // The same start date again: 409, and nothing changed, not even the version.
      const again = await root.patch(tariffUrl(tariff.id), {
        version: 2,
        price: '360',
        effectiveFrom: future,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        status: 409,
        code: 'tariff_version_exists',
        errors: [
          {
            field: 'effectiveFrom',
            code: 'tariff_version_exists',
            message: 'A price already starts on this date; choose another date',
          },
        ],
      });
      const after = await getTariff(root, tariff.id);
      expect(after.version).toBe(2);
      expect(after.versions).toEqual(body.versions);
    });

    it('refuses a second price for today (the creation day) with 409', async () => {
      const tariff = await createTariff(root, { price: '300' });
      const response = await root.patch(tariffUrl(tariff.id), { version: 1, price: '310' });
      expect(response.statusCode).toBe(409);
      expect(fieldCodes(response)).toEqual(['effectiveFrom:tariff_version_exists']);
    });

    it('shows the latest version that has started as the price in force', async () => {
      const tariff = await createTariff(root, { price: '100', effectiveFrom: '2025-01-01' });
      const withToday = expectStatus<TariffResponseBody>(
        await root.patch(tariffUrl(tariff.id), { version: 1, price: '120' }),
        200,
      );
      expect(withToday).toMatchObject({
        price: '120.00',
        priceEffectiveFrom: today(),
        version: 2,
        versions: [
          { price: '100.00', effectiveFrom: '2025-01-01' },
          { price: '120.00', effectiveFrom: today() },
        ],
      });
    });

    it('refuses a stale version with 409 version_conflict', async () => {
      const tariff = await createTariff(root);
      expectStatus(await root.patch(tariffUrl(tariff.id), { version: 1, name: 'First edit' }), 200);
      const stale = await root.patch(tariffUrl(tariff.id), { version: 1, name: 'Second edit' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'version_conflict',
        errors: [
          {
            field: 'version',
            code: 'version_conflict',
            message: 'Someone else changed this record; reload it and apply your changes again',
          },
        ],
      });
      expect((await getTariff(root, tariff.id)).name).toBe('First edit');
    });

    it('renames, trimming the name, without touching the prices', async () => {
      const tariff = await createTariff(root, { price: '45.5' });
      const before = await getTariff(root, tariff.id);
      const body = expectStatus<TariffResponseBody>(
        await root.patch(tariffUrl(tariff.id), { version: 1, name: '  Renamed plan  ' }),
        200,
      );
      expect(body).toEqual({ ...before, name: 'Renamed plan', version: 2 });
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['a blank name', { name: '  ' }, ['name:required']],
      ['a date without a price', { effectiveFrom: '2030-01-01' }, ['price:required']],
      ['a price with 3 decimals', { price: '1.234', effectiveFrom: '2030-01-01' }, ['price:amount_scale']],
      ['a negative price', { price: '-5', effectiveFrom: '2030-01-01' }, ['price:amount_negative']],
      ['a numeric price', { price: 5, effectiveFrom: '2030-01-01' }, ['price:type']],
      ['a change of currency', { currency: 'USD' }, ['currency:unknown_field']],
      ['no version', { version: undefined, name: 'x' }, ['version:required']],
    ])('refuses %s with 400 and changes nothing', async (_, input, expected) => {
      const tariff = await createTariff(root);
      const before = await getTariff(root, tariff.id);
      const response = await root.patch(tariffUrl(tariff.id), { version: 1, ...input });
      expect(response.statusCode, response.body).toBe(400);
      expect(fieldCodes(response)).toEqual(expected);
      expect(await getTariff(root, tariff.id)).toEqual(before);
    });

    it('answers 404 for a tariff that does not exist', async () => {
      const response = await root.patch(tariffUrl(987654), { version: 1, name: 'x' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
      expect((await root.get(tariffUrl(987654))).statusCode).toBe(404);
    });
  });

  describe('visibility in the partner tree', () => {
    // Names share a prefix so that lists can be compared exactly with a search.
    const prefix = unique('Vis');
    let a: Dealer;
    let a1: Dealer;
    let b: Dealer;
    let platformTariff: TariffResponseBody;
    let aTariff: TariffResponseBody;
    let a1Tariff: TariffResponseBody;
    let bTariff: TariffResponseBody;

    beforeAll(async () => {
      a = await createDealer(context, root, { name: unique('Dealer A ') });
      a1 = await createDealer(context, root, { parentId: a.partner.id });
      b = await createDealer(context, root);
      const create = async (client: TestClient, name: string, extra: Record<string, unknown> = {}) =>
        expectStatus<TariffResponseBody>(
          await client.post('/api/v1/tariffs', {
            name: `${prefix} ${name}`,
            currency: 'RUB',
            period: 'month',
            price: '100',
            ...extra,
          }),
          201,
        );
      platformTariff = await create(root, '1 platform');
      aTariff = await create(a.session, '2 of A');
      a1Tariff = await create(a1.session, '3 of A1');
      bTariff = await create(b.session, '4 of B');
    });

    it("owns a partner administrator's new tariff by its partner", () => {
      expect(aTariff).toMatchObject({ ownerPartnerId: a.partner.id, ownerPartnerName: a.partner.name });
      expect(a1Tariff.ownerPartnerId).toBe(a1.partner.id);
      expect(platformTariff).toMatchObject({ ownerPartnerId: null, ownerPartnerName: null });
    });

    it('shows the platform tariff to every partner administrator', async () => {
      for (const dealer of [a, a1, b]) {
        expect(await getTariff(dealer.session, platformTariff.id)).toEqual(platformTariff);
      }
    });

    it("shows A's tariff to A and to its sub-partner A1, never to B", async () => {
      expect(await getTariff(a.session, aTariff.id)).toEqual(aTariff);
      // A1 may sell its parent's tariff, but the parent lies outside A1's subtree and is not named.
      expect(await getTariff(a1.session, aTariff.id)).toEqual({
        ...aTariff,
        ownerPartnerId: null,
        ownerPartnerName: null,
        ownedByAncestor: true,
      });
      const hidden = await b.session.get(tariffUrl(aTariff.id));
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toMatchObject({ code: 'not_found' });
      expect((await b.session.get(tariffUrl(a1Tariff.id))).statusCode).toBe(404);
      expect((await a.session.get(tariffUrl(bTariff.id))).statusCode).toBe(404);
      expect((await a1.session.get(tariffUrl(bTariff.id))).statusCode).toBe(404);
    });

    it("shows A1's own tariff to A, whose subtree it is in", async () => {
      expect(await getTariff(a.session, a1Tariff.id)).toEqual(a1Tariff);
    });

    it('lists exactly what each caller may see', async () => {
      const search = `search=${encodeURIComponent(prefix)}`;
      const names = (...suffixes: string[]) => suffixes.map((suffix) => `${prefix} ${suffix}`);
      expect(await listNames(root, search)).toEqual(names('1 platform', '2 of A', '3 of A1', '4 of B'));
      expect(await listNames(a.session, search)).toEqual(names('1 platform', '2 of A', '3 of A1'));
      expect(await listNames(a1.session, search)).toEqual(names('1 platform', '2 of A', '3 of A1'));
      expect(await listNames(b.session, search)).toEqual(names('1 platform', '4 of B'));
      expect(await listNames(b.session, `${search}&ownerPartnerId=${a.partner.id}`)).toEqual([]);
      expect(await listNames(a.session, `${search}&ownerPartnerId=${a1.partner.id}`)).toEqual(
        names('3 of A1'),
      );
      expect(await listNames(a.session, `${search}&currency=usd`)).toEqual([]);
    });

    it('never counts what the caller may not see', async () => {
      const all = expectStatus<TariffListBody>(await b.session.get('/api/v1/tariffs?pageSize=500'), 200);
      const ids = all.items.map((tariff) => tariff.id);
      expect(ids).not.toContain(aTariff.id);
      expect(ids).not.toContain(a1Tariff.id);
      expect(ids).toContain(bTariff.id);
      expect(ids).toContain(platformTariff.id);
      expect(
        all.items.every((tariff) => tariff.ownerPartnerId === null || tariff.ownerPartnerId === b.partner.id),
      ).toBe(true);
      expect(all.total).toBe(all.items.length);
    });

    it("refuses a partner administrator's change of its parent's or the platform's tariff with 403", async () => {
      const parents = await a1.session.patch(tariffUrl(aTariff.id), {
        version: aTariff.version,
        name: 'Mine now',
      });
      expect(parents.statusCode).toBe(403);
      expect(parents.json()).toMatchObject({
        status: 403,
        code: 'tariff_owner_forbidden',
        title: 'Only the owner of this price plan may change it',
        errors: [],
      });
      const platform = await a.session.patch(tariffUrl(platformTariff.id), {
        version: platformTariff.version,
        price: '1',
        effectiveFrom: '2030-01-01',
      });
      expect(platform.statusCode).toBe(403);
      expect(platform.json()).toMatchObject({ code: 'tariff_owner_forbidden' });
      // Outside the caller's tree the tariff does not exist at all.
      expect((await b.session.patch(tariffUrl(aTariff.id), { version: 1, name: 'x' })).statusCode).toBe(404);
      expect(await getTariff(root, aTariff.id)).toEqual(aTariff);
      expect(await getTariff(root, platformTariff.id)).toEqual(platformTariff);
    });

    it("lets a partner change its own tariffs and its sub-partners'", async () => {
      const own = await createTariff(a.session, { name: `${prefix} 5 own of A` });
      expectStatus(
        await a.session.patch(tariffUrl(own.id), { version: 1, name: `${prefix} 5 renamed` }),
        200,
      );
      const sub = await createTariff(a1.session, { name: `${prefix} 6 of A1` });
      const changed = expectStatus<TariffResponseBody>(
        await a.session.patch(tariffUrl(sub.id), { version: 1, price: '99.99', effectiveFrom: '2030-01-01' }),
        200,
      );
      expect(changed.versions.at(-1)).toEqual({
        id: expect.any(Number),
        price: '99.99',
        effectiveFrom: '2030-01-01',
      });
    });

    it('refuses a platform tariff from a partner administrator with 403', async () => {
      const name = unique('Platform by partner ');
      const response = await a.session.post('/api/v1/tariffs', {
        name,
        currency: 'RUB',
        period: 'month',
        price: '1',
        ownerPartnerId: null,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden' });
      expect(fieldCodes(response)).toEqual(['ownerPartnerId:platform_owner_forbidden']);
      expect(await listNames(root, `search=${encodeURIComponent(name)}`)).toEqual([]);
    });

    it('lets a partner own a tariff by a sub-partner, never by a partner outside its tree', async () => {
      const forSub = await createTariff(a.session, { ownerPartnerId: a1.partner.id });
      expect(await getTariff(a1.session, forSub.id)).toMatchObject({ ownerPartnerId: a1.partner.id });

      for (const [session, owner] of [
        [a.session, b.partner.id],
        [a1.session, a.partner.id],
        [a.session, 987654],
      ] as const) {
        const response = await session.post('/api/v1/tariffs', {
          name: 'x',
          currency: 'RUB',
          period: 'day',
          price: '1',
          ownerPartnerId: owner,
        });
        expect(response.statusCode).toBe(400);
        expect(fieldCodes(response)).toEqual(['ownerPartnerId:parent_not_found']);
      }
    });

    it('lets the super administrator create a tariff for any partner', async () => {
      const body = await createTariff(root, { ownerPartnerId: b.partner.id, currency: 'USD' });
      expect(await getTariff(b.session, body.id)).toMatchObject({
        ownerPartnerId: b.partner.id,
        ownerPartnerName: b.partner.name,
        currency: 'USD',
      });
    });
  });
});

/*
 * A database of its own, so that the Price and Partner price lists can be compared exactly: tariffs
 * of the platform are offered to everyone, and the file's other tests create plenty of them.
 */
describe('tariff choices and partners using tariffs', () => {
  const { context, root } = useTestAppAsRoot();
  let a: Dealer;
  let a1: Dealer;
  let a2: Dealer;
  let b: Dealer;
  const tariffs: Record<string, TariffResponseBody> = {};

  beforeAll(async () => {
    a = await createDealer(context, root);
    a1 = await createDealer(context, root, { parentId: a.partner.id });
    a2 = await createDealer(context, root, { parentId: a.partner.id });
    b = await createDealer(context, root);
    const create = async (client: TestClient, name: string, currency: string) => {
      tariffs[name] = expectStatus<TariffResponseBody>(
        await client.post('/api/v1/tariffs', { name, currency, period: 'month', price: '100' }),
        201,
      );
    };
    await create(root, 'Platform RUB', 'RUB');
    await create(root, 'Platform USD', 'USD');
    await create(a.session, 'A RUB', 'RUB');
    await create(a.session, 'A USD', 'USD');
    await create(a1.session, 'A1 RUB', 'RUB');
    await create(a2.session, 'A2 RUB', 'RUB');
    await create(b.session, 'B RUB', 'RUB');
  });

  async function choices(client: TestClient, query: string) {
    const body = expectStatus<TariffListBody>(await client.get(`/api/v1/tariffs/choices?${query}`), 200);
    expect(body.total).toBe(body.items.length);
    return body.items.map((tariff) => tariff.name);
  }

  describe('GET /tariffs/choices', () => {
    it("offers a partner's Price the platform's, its ancestors' and its own tariffs in its currencies", async () => {
      const query = `purpose=price&partnerId=${a1.partner.id}&currencies=RUB`;
      expect(await choices(root, query)).toEqual(['A RUB', 'A1 RUB', 'Platform RUB']);
      expect(await choices(a.session, query)).toEqual(['A RUB', 'A1 RUB', 'Platform RUB']);
      expect(await choices(a1.session, query)).toEqual(['A RUB', 'A1 RUB', 'Platform RUB']);
    });

    it("offers a partner's Partner price only what its parent and the platform sell", async () => {
      const query = `purpose=partnerPrice&partnerId=${a1.partner.id}&currencies=RUB`;
      expect(await choices(root, query)).toEqual(['A RUB', 'Platform RUB']);
      expect(await choices(a.session, query)).toEqual(['A RUB', 'Platform RUB']);
    });

    it('takes several currencies, in any case and with spaces', async () => {
      const query = `purpose=price&partnerId=${a1.partner.id}&currencies=${encodeURIComponent('rub, usd')}`;
      expect(await choices(root, query)).toEqual([
        'A RUB',
        'A USD',
        'A1 RUB',
        'Platform RUB',
        'Platform USD',
      ]);
      expect(await choices(root, `purpose=price&partnerId=${a1.partner.id}&currencies=USD`)).toEqual([
        'A USD',
        'Platform USD',
      ]);
      expect(await choices(root, `purpose=price&partnerId=${a1.partner.id}&currencies=EUR`)).toEqual([]);
    });

    it('offers a new partner under a parent what the parent may sell, for both lists', async () => {
      for (const purpose of ['price', 'partnerPrice']) {
        const query = `purpose=${purpose}&parentId=${a.partner.id}&currencies=RUB`;
        expect(await choices(root, query)).toEqual(['A RUB', 'Platform RUB']);
        expect(await choices(a.session, query)).toEqual(['A RUB', 'Platform RUB']);
      }
    });

    it("puts a partner administrator's new partner under its own partner by default", async () => {
      expect(await choices(a.session, 'purpose=price&currencies=RUB')).toEqual(['A RUB', 'Platform RUB']);
      expect(await choices(b.session, 'purpose=partnerPrice&currencies=RUB')).toEqual([
        'B RUB',
        'Platform RUB',
      ]);
      // The super administrator's new partner is a top-level one: the platform's tariffs only.
      expect(await choices(root, 'purpose=price&currencies=RUB')).toEqual(['Platform RUB']);
    });

    it('answers 404 for a partner or parent outside the caller’s tree', async () => {
      for (const query of [
        `purpose=price&partnerId=${a1.partner.id}&currencies=RUB`,
        `purpose=price&parentId=${a.partner.id}&currencies=RUB`,
        `purpose=price&partnerId=987654&currencies=RUB`,
      ]) {
        const response = await b.session.get(`/api/v1/tariffs/choices?${query}`);
        expect(response.statusCode, query).toBe(404);
        expect(response.json()).toMatchObject({ code: 'not_found' });
      }
      // A sub-partner cannot ask for its sibling either.
      const sibling = await a1.session.get(
        `/api/v1/tariffs/choices?purpose=price&partnerId=${a2.partner.id}`,
      );
      expect(sibling.statusCode).toBe(404);
    });

    it('refuses an unknown purpose with 400', async () => {
      const response = await root.get('/api/v1/tariffs/choices?purpose=wholesale');
      expect(response.statusCode).toBe(400);
      expect(fieldCodes(response)).toEqual(['purpose:enum']);
    });
  });

  describe('partners with a Price and a Partner price', () => {
    it("refuses a Price in a currency that is not one of the partner's", async () => {
      const response = await root.post(
        '/api/v1/partners',
        partnerInput({ parentId: a.partner.id, currency: 'RUB', priceTariffId: tariffs['Platform USD']!.id }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: unknown[] }>().errors).toEqual([
        {
          field: 'priceTariffId',
          code: 'tariff_currency',
          message: "Price: the price plan's currency is not one of the partner's currencies",
        },
      ]);
    });

    it('accepts that Price when the currency is one of the additional ones', async () => {
      const partner = await createPartner(root, {
        parentId: a.partner.id,
        currency: 'RUB',
        additionalCurrencies: ['usd'],
        priceTariffId: tariffs['A USD']!.id,
      });
      expect(partner).toMatchObject({
        additionalCurrencies: ['USD'],
        priceTariffId: tariffs['A USD']!.id,
        priceTariff: { id: tariffs['A USD']!.id, name: 'A USD' },
        partnerPriceTariffId: null,
        partnerPriceTariff: null,
      });
    });

    it("refuses tariffs of a partner outside the new partner's ancestry", async () => {
      const response = await root.post(
        '/api/v1/partners',
        partnerInput({
          parentId: a.partner.id,
          priceTariffId: tariffs['B RUB']!.id,
          partnerPriceTariffId: tariffs['A1 RUB']!.id,
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(fieldCodes(response)).toEqual([
        'priceTariffId:tariff_not_available',
        'partnerPriceTariffId:tariff_not_available',
      ]);
      const missing = await root.post('/api/v1/partners', partnerInput({ priceTariffId: 987654 }));
      expect(fieldCodes(missing)).toEqual(['priceTariffId:tariff_not_available']);
    });

    it("refuses an ancestor's tariff for a top-level partner's Partner price", async () => {
      const response = await root.post(
        '/api/v1/partners',
        partnerInput({ partnerPriceTariffId: tariffs['A RUB']!.id }),
      );
      expect(fieldCodes(response)).toEqual(['partnerPriceTariffId:tariff_not_available']);
      const platform = await createPartner(root, { partnerPriceTariffId: tariffs['Platform RUB']!.id });
      expect(platform.partnerPriceTariff).toEqual({ id: tariffs['Platform RUB']!.id, name: 'Platform RUB' });
    });

    it('accepts valid tariffs and returns them as {id, name}', async () => {
      const partner = await createPartner(a.session, {
        priceTariffId: tariffs['A RUB']!.id,
        partnerPriceTariffId: tariffs['Platform RUB']!.id,
      });
      expect(partner).toMatchObject({
        parentId: a.partner.id,
        priceTariffId: tariffs['A RUB']!.id,
        priceTariff: { id: tariffs['A RUB']!.id, name: 'A RUB' },
        partnerPriceTariffId: tariffs['Platform RUB']!.id,
        partnerPriceTariff: { id: tariffs['Platform RUB']!.id, name: 'Platform RUB' },
      });
      const read = expectStatus<PartnerResponseBody>(
        await a.session.get(`/api/v1/partners/${partner.id}`),
        200,
      );
      expect(read.priceTariff).toEqual({ id: tariffs['A RUB']!.id, name: 'A RUB' });
    });

    it("refuses the partner's own tariff as its Partner price, accepts it as its Price (update)", async () => {
      const current = expectStatus<PartnerResponseBody>(
        await root.get(`/api/v1/partners/${a1.partner.id}`),
        200,
      );
      const own = tariffs['A1 RUB']!.id;
      const refused = await root.patch(`/api/v1/partners/${a1.partner.id}`, {
        version: current.version,
        partnerPriceTariffId: own,
      });
      expect(refused.statusCode).toBe(400);
      expect(fieldCodes(refused)).toEqual(['partnerPriceTariffId:tariff_not_available']);

      const updated = expectStatus<PartnerResponseBody>(
        await root.patch(`/api/v1/partners/${a1.partner.id}`, {
          version: current.version,
          priceTariffId: own,
          partnerPriceTariffId: tariffs['A RUB']!.id,
        }),
        200,
      );
      expect(updated).toMatchObject({
        priceTariffId: own,
        priceTariff: { id: own, name: 'A1 RUB' },
        partnerPriceTariffId: tariffs['A RUB']!.id,
        partnerPriceTariff: { id: tariffs['A RUB']!.id, name: 'A RUB' },
        version: current.version + 1,
      });
    });

    it("refuses a sibling's tariff as a partner's Price", async () => {
      const current = expectStatus<PartnerResponseBody>(
        await root.get(`/api/v1/partners/${a1.partner.id}`),
        200,
      );
      const response = await root.patch(`/api/v1/partners/${a1.partner.id}`, {
        version: current.version,
        priceTariffId: tariffs['A2 RUB']!.id,
      });
      expect(fieldCodes(response)).toEqual(['priceTariffId:tariff_not_available']);
    });
  });
});
