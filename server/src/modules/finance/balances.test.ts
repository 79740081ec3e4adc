import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createObject,
  createPartner,
  createSuperAdmin,
  createTariff,
  signInAsPartner,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { apiBalanceOf, pay, writeOff } from '../../../test/money-builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { today } from '../../lib/clock.js';
import { dailyCharge } from '../../lib/daily-charge.js';
import { decimal, formatAmount } from '../../lib/money.js';
import { daysLeft } from './balances.service.js';

let context: TestContext;
let root: TestClient;
let daily10: { id: number };
let monthly300: { id: number };

/** A calendar day `offset` days from today (UTC), 'YYYY-MM-DD'. */
function dayFrom(offset: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  context = await createTestApp();
  root = await createSuperAdmin(context.app, context.database.db);
  daily10 = await createTariff(root, {
    name: 'Daily 10',
    period: 'day',
    price: '10.00',
    effectiveFrom: '2026-01-01',
  });
  monthly300 = await createTariff(root, {
    name: 'Monthly 300',
    period: 'month',
    price: '300.00',
    effectiveFrom: '2026-01-01',
  });
});
afterAll(() => context.close());

async function objects(contractId: number, count: number) {
  const made = [];
  for (let index = 0; index < count; index += 1) made.push(await createObject(root, contractId));
  return made;
}

describe('daysLeft', () => {
  it.each([
    ['95.00', '30.00', 3],
    ['90.00', '30.00', 3],
    ['89.99', '30.00', 2],
    ['0.01', '30.00', 0],
    ['0.00', '30.00', 0],
    ['-5.00', '30.00', 0],
    ['100.00', '0.00', null],
    ['-100.00', '0.00', null],
  ])('balance %s at %s a day → %s', (balance, daily, expected) => {
    expect(daysLeft(balance, daily)).toBe(expected);
  });
});

describe("a contract's balance", () => {
  it("charges each object billed today its tariff's day amount", async () => {
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id, { tariffId: daily10.id });
    expect(await apiBalanceOf(root, 'contracts', contract.id)).toEqual({
      balance: '0.00',
      currency: 'RUB',
      dailyCharge: '0.00',
      daysLeft: null,
      debtBlocked: false,
    });
    await objects(contract.id, 3);
    await pay(root, { contractId: contract.id }, '95');
    expect(await apiBalanceOf(root, 'contracts', contract.id)).toEqual({
      balance: '95.00',
      currency: 'RUB',
      dailyCharge: '30.00',
      daysLeft: 3,
      debtBlocked: false,
    });
    await writeOff(root, { contractId: contract.id }, '100');
    expect(await apiBalanceOf(root, 'contracts', contract.id)).toMatchObject({
      balance: '-5.00',
      daysLeft: 0,
      debtBlocked: true,
    });
  });

  it('prorates a monthly price by the days of this month and adds up every tariff in force', async () => {
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id, { tariffId: monthly300.id });
    await objects(contract.id, 2);
    const [repriced] = await objects(contract.id, 1);
    const db = context.database.db;
    // Repriced to the daily tariff from tomorrow: today it is still billed at its old tariff.
    await db
      .updateTable('objects')
      .set({ tariff_id: daily10.id, tariff_pinned_at: dayFrom(1) })
      .where('id', '=', repriced!.id)
      .execute();
    await db
      .insertInto('object_tariffs')
      .values({ object_id: repriced!.id, tariff_id: daily10.id, effective_from: dayFrom(1) })
      .execute();
    const oneDay = dailyCharge('300.00', 'month', today());
    const expected = formatAmount(decimal(oneDay).times(3));
    await pay(root, { contractId: contract.id }, '1000');
    expect(await apiBalanceOf(root, 'contracts', contract.id)).toMatchObject({
      balance: '1000.00',
      dailyCharge: expected,
      daysLeft: decimal('1000').dividedToIntegerBy(expected).toNumber(),
    });
    // Moved onto the daily tariff from today: 2 × monthly + 1 × 10.00.
    await db
      .updateTable('objects')
      .set({ tariff_pinned_at: today() })
      .where('id', '=', repriced!.id)
      .execute();
    expect((await apiBalanceOf(root, 'contracts', contract.id)).dailyCharge).toBe(
      formatAmount(decimal(oneDay).times(2).plus(10)),
    );
  });

  it('leaves out objects not active today, and charges nothing for warehouse or inactive contracts', async () => {
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id, { tariffId: daily10.id });
    const [ended, future] = await objects(contract.id, 3);
    const db = context.database.db;
    await db
      .updateTable('objects')
      .set({ active_from: dayFrom(-10), active_until: dayFrom(-1) })
      .where('id', '=', ended!.id)
      .execute();
    await db
      .updateTable('objects')
      .set({ active_from: dayFrom(1) })
      .where('id', '=', future!.id)
      .execute();
    expect((await apiBalanceOf(root, 'contracts', contract.id)).dailyCharge).toBe('10.00');

    const warehouse = await createContract(root, partner.id, { tariffId: daily10.id, isWarehouse: true });
    await objects(warehouse.id, 2);
    expect(await apiBalanceOf(root, 'contracts', warehouse.id)).toMatchObject({
      dailyCharge: '0.00',
      daysLeft: null,
    });

    const inactive = await createContract(root, partner.id, { tariffId: daily10.id });
    await objects(inactive.id, 1);
    await db.updateTable('contracts').set({ active: false }).where('id', '=', inactive.id).execute();
    expect((await apiBalanceOf(root, 'contracts', inactive.id)).dailyCharge).toBe('0.00');
  });

  it('uses the price version in force today, not a future one', async () => {
    const tariff = await createTariff(root, { period: 'day', price: '4.00', effectiveFrom: '2026-01-01' });
    const current = expectStatus<{ version: number }>(await root.get(`/api/v1/tariffs/${tariff.id}`), 200);
    expectStatus(
      await root.patch(`/api/v1/tariffs/${tariff.id}`, {
        version: current.version,
        price: '9.00',
        effectiveFrom: dayFrom(1),
      }),
      200,
    );
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id, { tariffId: tariff.id });
    await objects(contract.id, 2);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).dailyCharge).toBe('8.00');
  });
});

describe("a partner's balance", () => {
  it('charges its Partner price for every object billed today in its subtree, in its currency', async () => {
    const partnerPrice = await createTariff(root, {
      period: 'day',
      price: '2.00',
      effectiveFrom: '2026-01-01',
    });
    const partner = await createPartner(root, {
      partnerPriceTariffId: partnerPrice.id,
      additionalCurrencies: ['USD'],
      priceTariffId: daily10.id,
    });
    const sub = await createPartner(root, { parentId: partner.id });
    const own = await createContract(root, partner.id);
    const subContract = await createContract(root, sub.id, { tariffId: daily10.id });
    const warehouse = await createContract(root, partner.id, { isWarehouse: true });
    const usdTariff = await createTariff(root, { currency: 'USD', period: 'day', price: '1.00' });
    const usd = await createContract(root, partner.id, { currency: 'USD', tariffId: usdTariff.id });
    await objects(own.id, 2);
    await objects(subContract.id, 1);
    await objects(warehouse.id, 4);
    await objects(usd.id, 5);
    expect(await apiBalanceOf(root, 'partners', partner.id)).toEqual({
      balance: '0.00',
      currency: 'RUB',
      dailyCharge: '6.00',
      daysLeft: 0,
    });
    await pay(root, { partnerId: partner.id }, '20');
    expect(await apiBalanceOf(root, 'partners', partner.id)).toMatchObject({ balance: '20.00', daysLeft: 3 });
    // The sub-partner has no Partner price: nothing charged at its level.
    expect(await apiBalanceOf(root, 'partners', sub.id)).toMatchObject({
      dailyCharge: '0.00',
      daysLeft: null,
    });
  });

  it('converts a Partner price in another currency at the rate of the day (direct, else reverse pair)', async () => {
    const usdPrice = await createTariff(root, {
      currency: 'USD',
      period: 'day',
      price: '1.50',
      effectiveFrom: '2026-01-01',
    });
    const partner = await createPartner(root, {
      partnerPriceTariffId: usdPrice.id,
      additionalCurrencies: ['USD'],
    });
    const contract = await createContract(root, partner.id, { tariffId: daily10.id });
    await objects(contract.id, 2);
    // No rate entered: the billing run cannot charge this level, so nothing is charged a day.
    expect(await apiBalanceOf(root, 'partners', partner.id)).toMatchObject({
      dailyCharge: '0.00',
      daysLeft: null,
    });

    const rate = async (body: Record<string, string>) =>
      expectStatus(await root.post('/api/v1/finance/exchange-rates', body), 201);
    await rate({ baseCurrency: 'RUB', quoteCurrency: 'USD', validFrom: dayFrom(-5), rate: '0.01' });
    // 1.50 / 0.01 = 150.00 per object.
    expect((await apiBalanceOf(root, 'partners', partner.id)).dailyCharge).toBe('300.00');
    await rate({ baseCurrency: 'USD', quoteCurrency: 'RUB', validFrom: dayFrom(-3), rate: '90.12345678' });
    // round(1.50 × 90.12345678) = 135.19 per object; a rate from tomorrow is not in force yet.
    await rate({ baseCurrency: 'USD', quoteCurrency: 'RUB', validFrom: dayFrom(1), rate: '1000' });
    expect((await apiBalanceOf(root, 'partners', partner.id)).dailyCharge).toBe('270.38');
  });

  it("is readable by the partner's own administrator; foreign records are 404", async () => {
    const partner = await createPartner(root, { deposit: '42' });
    const other = await createPartner(root);
    const otherContract = await createContract(root, other.id);
    const admin = await signInAsPartner(context.app, partner);
    expect((await apiBalanceOf(admin, 'partners', partner.id)).balance).toBe('42.00');
    for (const url of [
      `/api/v1/partners/${other.id}/balance`,
      `/api/v1/contracts/${otherContract.id}/balance`,
    ]) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(404);
    }
    expect((await root.get('/api/v1/contracts/99999999/balance')).statusCode).toBe(404);
  });
});

describe('the lists', () => {
  it('show and sort by the ledger balance', async () => {
    const parent = await createPartner(root, { name: 'Parent of three' });
    const names = ['Low', 'High', 'Middle'];
    const deposits = ['-1', '500', '20'];
    for (const [index, name] of names.entries()) {
      const child = await createPartner(root, { name, parentId: parent.id });
      if (deposits[index]!.startsWith('-'))
        await writeOff(root, { partnerId: child.id }, deposits[index]!.slice(1));
      else await pay(root, { partnerId: child.id }, deposits[index]!);
      const contract = await createContract(root, parent.id, { name: `Client ${name}` });
      if (deposits[index]!.startsWith('-'))
        await writeOff(root, { contractId: contract.id }, deposits[index]!.slice(1));
      else await pay(root, { contractId: contract.id }, deposits[index]!);
    }
    const partners = expectStatus<{ items: { name: string; balance: string }[] }>(
      await root.get(`/api/v1/partners?parentId=${parent.id}&sort=balance&order=desc`),
      200,
    );
    expect(partners.items.map((item) => [item.name, item.balance])).toEqual([
      ['High', '500.00'],
      ['Middle', '20.00'],
      ['Low', '-1.00'],
    ]);
    const contracts = expectStatus<{ items: { name: string; balance: string }[] }>(
      await root.get(`/api/v1/contracts?partnerId=${parent.id}&sort=balance&order=asc`),
      200,
    );
    expect(contracts.items.map((item) => [item.name, item.balance])).toEqual([
      ['Client Low', '-1.00'],
      ['Client Middle', '20.00'],
      ['Client High', '500.00'],
    ]);
  });
});
