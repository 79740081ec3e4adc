import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chargedTotal,
  chargesOf,
  contractOwner,
  insertBillingObject,
  insertExchangeRate,
  partnerOwner,
  repinObject,
  insertPricedTariff,
  insertObjectActiveOn,
} from '../../../test/billing-builders.js';
import { useTestApp } from '../../../test/test-suite.js';
import { expectLedgerConsistent, ledgerBalanceOf, ledgerSnapshot } from '../../../test/ledger-checks.js';
import { insertContract, insertPartner, insertTariff } from '../../../test/table-rows.js';
import type { Db } from '../../db/connect.js';
import { dailyCharge } from '../../lib/daily-charge.js';
import { daysFromTo } from '../../lib/clock.js';
import { runBillingDay, runBillingRange } from './billing-run.js';
import { chargedObjectDays, PLATFORM, postTransfers } from '../ledger/ledger.public.js';

/*
 * The billing run on exact amounts. Each test bills days of a month of its own and gives its objects
 * active days within that month, so the runs of one test charge nothing of another's. Tariff versions
 * and active days in the past are inserted straight into the tables (the APIs refuse back-dating).
 */

const { context } = useTestApp();
let db: Db;

beforeAll(async () => {
  db = context.database.db;
});

const run = (day: string) => runBillingDay(db, { day, trigger: 'cli' });
/** A run's issues one per object and level, as the old rows were (the table groups them by partner). */
const issuesOf = async (runId: number) =>
  (await db.selectFrom('billing_run_issues').selectAll().where('run_id', '=', runId).execute()).flatMap(
    ({ object_ids: objectIds, ...issue }) =>
      objectIds.map((objectId) => ({ ...issue, object_id: Number(objectId) })),
  );

describe('billing run: level 0', () => {
  it("charges a contract its object's tariff, prorated over the month", async () => {
    const tariffId = await insertPricedTariff(db, '300.00');
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const objectId = await insertBillingObject(db, contractId, {
      tariffId,
      activeFrom: '2025-03-01',
      activeUntil: '2025-03-31',
    });

    const result = await run('2025-03-01');
    expect(result).toMatchObject({
      day: '2025-03-01',
      trigger: 'cli',
      status: 'completed',
      objectsCharged: 1,
      transfersCreated: 1,
      alreadyCharged: 0,
      issuesCount: 0,
      totals: [{ currency: 'RUB', level: 0, transfers: 1, amount: '9.68' }],
      error: null,
    });
    expect(await chargesOf(db, objectId, '2025-03-01')).toEqual([
      {
        level: 0,
        amount: '9.68',
        partner_id: partner.id,
        currency: 'RUB',
        debit: `contract:${contractId}.balance`,
        credit: `partner:${partner.id}.revenue`,
      },
    ]);
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-9.68');
    expect(await ledgerBalanceOf(db, partnerOwner(partner.id), 'revenue')).toBe('9.68');
    await expectLedgerConsistent(db);
  });

  it('charges a daily price as is, every day', async () => {
    const tariffId = await insertPricedTariff(db, '2.57', { period: 'day' });
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const objectId = await insertBillingObject(db, contractId, {
      tariffId,
      activeFrom: '2025-02-01',
      activeUntil: '2025-02-28',
    });
    await runBillingRange(db, { from: '2025-02-01', to: '2025-02-03', trigger: 'cli' });
    for (const day of ['2025-02-01', '2025-02-02', '2025-02-03']) {
      expect((await chargesOf(db, objectId, day)).map((charge) => charge.amount)).toEqual(['2.57']);
    }
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-7.71');
  });

  it('prorates 100.00 over a 30-day month as 3.33, 3.34, 3.33… and a whole month sums to exactly the price', async () => {
    const tariffId = await insertPricedTariff(db, '100.00');
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const objectId = await insertBillingObject(db, contractId, {
      tariffId,
      activeFrom: '2025-06-01',
      activeUntil: '2025-06-30',
    });
    const runs = await runBillingRange(db, { from: '2025-06-01', to: '2025-06-30', trigger: 'cli' });
    expect(runs.map((each) => each.status)).toEqual(Array(30).fill('completed'));

    const amounts = [];
    for (const day of daysFromTo('2025-06-01', '2025-06-30')) {
      const [charge] = await chargesOf(db, objectId, day);
      expect(charge!.amount, day).toBe(dailyCharge('100.00', 'month', day));
      amounts.push(charge!.amount);
    }
    expect(amounts.slice(0, 6)).toEqual(['3.33', '3.34', '3.33', '3.33', '3.34', '3.33']);
    expect(await chargedTotal(db, objectId, 0, '2025-06-01', '2025-06-30')).toBe('100.00');
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-100.00');
  });

  it('charges the old tariff before a reprice dated later, the new one from its day', async () => {
    const oldTariff = await insertPricedTariff(db, '310.00');
    const newTariff = await insertPricedTariff(db, '620.00');
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const objectId = await insertBillingObject(db, contractId, {
      tariffId: oldTariff,
      activeFrom: '2025-07-01',
      activeUntil: '2025-07-31',
    });
    // A reprice entered on 07-01 for 07-20: the object's current pin is already the new tariff.
    await repinObject(db, objectId, newTariff, '2025-07-20');
    // Active before its first pin: the first pin's tariff applies.
    const earlyObject = await insertBillingObject(db, contractId, {
      tariffId: newTariff,
      activeFrom: '2025-07-01',
      activeUntil: '2025-07-31',
      pinnedAt: '2025-07-05',
    });

    await runBillingDay(db, { day: '2025-07-19', trigger: 'cli' });
    await runBillingDay(db, { day: '2025-07-20', trigger: 'cli' });
    await runBillingDay(db, { day: '2025-07-02', trigger: 'cli' });
    expect((await chargesOf(db, objectId, '2025-07-19')).map((c) => c.amount)).toEqual(['10.00']);
    expect((await chargesOf(db, objectId, '2025-07-20')).map((c) => c.amount)).toEqual(['20.00']);
    expect((await chargesOf(db, earlyObject, '2025-07-02')).map((c) => c.amount)).toEqual(['20.00']);
    const tariffs = await sql<{ charge_day: string; tariff_id: number }>`
      select line.day::text as charge_day, line.tariff_id
        from (${chargedObjectDays(sql`r.object_id = ${objectId}`, sql`g.level = 0`)}) line order by line.day`.execute(
      db,
    );
    expect(tariffs.rows).toEqual([
      { charge_day: '2025-07-02', tariff_id: oldTariff },
      { charge_day: '2025-07-19', tariff_id: oldTariff },
      { charge_day: '2025-07-20', tariff_id: newTariff },
    ]);
  });

  it('charges the price version in force on the day', async () => {
    const tariffId = await insertTariff(db, {
      versions: [
        { price: '310.00', from: '2024-01-01' },
        { price: '465.00', from: '2025-10-15' },
      ],
    });
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const objectId = await insertBillingObject(db, contractId, {
      tariffId,
      activeFrom: '2025-10-01',
      activeUntil: '2025-10-31',
    });
    await runBillingRange(db, { from: '2025-10-14', to: '2025-10-15', trigger: 'cli' });
    expect((await chargesOf(db, objectId, '2025-10-14')).map((c) => c.amount)).toEqual(['10.00']);
    expect((await chargesOf(db, objectId, '2025-10-15')).map((c) => c.amount)).toEqual(['15.00']);
  });
});

describe('billing run: which objects', () => {
  it('charges no warehouse, inactive or archived contract and no object outside its active days', async () => {
    const day = '2025-04-10';
    const window = { activeFrom: '2025-04-01', activeUntil: '2025-04-30' };
    const tariffId = await insertPricedTariff(db, '300.00');
    const partner = await insertPartner(db);
    const live = await insertContract(db, partner.id);
    const warehouse = await insertContract(db, partner.id, { isWarehouse: true });
    const inactive = await insertContract(db, partner.id, { active: false });
    const archived = await insertContract(db, partner.id, { archived: true });

    const charged = await insertBillingObject(db, live, { tariffId, ...window });
    const lastDay = await insertBillingObject(db, live, {
      tariffId,
      activeFrom: '2025-04-01',
      activeUntil: day,
    });
    const firstDay = await insertBillingObject(db, live, {
      tariffId,
      activeFrom: day,
      activeUntil: '2025-04-30',
    });
    const deactivatedOnTheDay = await insertBillingObject(db, live, {
      tariffId,
      activeFrom: '2025-04-01',
      activeUntil: day,
      active: false,
    });
    const notCharged = [
      await insertBillingObject(db, warehouse, { tariffId, ...window }),
      await insertBillingObject(db, inactive, { tariffId, ...window }),
      await insertBillingObject(db, archived, { tariffId, ...window }),
      // Inactive or archived without a last day: not billed at all.
      await insertBillingObject(db, live, { tariffId, activeFrom: '2025-04-01', active: false }),
      await insertBillingObject(db, live, { tariffId, activeFrom: '2025-04-01', archived: true }),
      // Outside its active days.
      await insertBillingObject(db, live, { tariffId, activeFrom: '2025-04-01', activeUntil: '2025-04-09' }),
      await insertBillingObject(db, live, { tariffId, activeFrom: '2025-04-11', activeUntil: '2025-04-30' }),
    ];

    const result = await run(day);
    // Four object-days of one contract and tariff: one aggregated charge of quantity 4.
    expect(result).toMatchObject({ objectsCharged: 4, transfersCreated: 1, issuesCount: 0 });
    expect(result.totals).toEqual([
      { currency: 'RUB', level: 0, transfers: 1, objectDays: 4, amount: expect.any(String) },
    ]);
    for (const objectId of [charged, lastDay, firstDay, deactivatedOnTheDay]) {
      expect(await chargesOf(db, objectId, day), `object ${objectId}`).toHaveLength(1);
    }
    for (const objectId of notCharged)
      expect(await chargesOf(db, objectId, day), `object ${objectId}`).toEqual([]);
    expect(await ledgerBalanceOf(db, contractOwner(warehouse), 'balance')).toBe('0.00');
  });
});

describe('billing run: the partner tree', () => {
  it('charges each partner its Partner price level by level up to the platform', async () => {
    const day = '2025-05-01'; // May: 31 days
    const objectTariff = await insertPricedTariff(db, '310.00');
    const topPrice = await insertPricedTariff(db, '90.00');
    const top = await insertPartner(db, { partnerPriceTariffId: topPrice });
    const middlePrice = await insertPricedTariff(db, '60.00', { ownerPartnerId: top.id });
    const middle = await insertPartner(db, { parent: top, partnerPriceTariffId: middlePrice });
    const bottomPrice = await insertPricedTariff(db, '1.50', { ownerPartnerId: middle.id, period: 'day' });
    const bottom = await insertPartner(db, { parent: middle, partnerPriceTariffId: bottomPrice });
    // A partner without a Partner price pays nothing at its level (and that is not an issue).
    const free = await insertPartner(db, { parent: middle });

    const window = { activeFrom: '2025-05-01', activeUntil: '2025-05-31' };
    const bottomContract = await insertContract(db, bottom.id);
    const bottomObject = await insertBillingObject(db, bottomContract, { tariffId: objectTariff, ...window });
    const topContract = await insertContract(db, top.id);
    const topObject = await insertBillingObject(db, topContract, { tariffId: objectTariff, ...window });
    const freeContract = await insertContract(db, free.id);
    const freeObject = await insertBillingObject(db, freeContract, { tariffId: objectTariff, ...window });

    const result = await run(day);
    expect(await chargesOf(db, bottomObject, day)).toEqual([
      {
        level: 0,
        amount: '10.00',
        partner_id: bottom.id,
        currency: 'RUB',
        debit: `contract:${bottomContract}.balance`,
        credit: `partner:${bottom.id}.revenue`,
      },
      {
        level: 1,
        amount: '2.90',
        partner_id: top.id,
        currency: 'RUB',
        debit: `partner:${top.id}.balance`,
        credit: 'platform.revenue',
      },
      {
        level: 2,
        amount: '1.94',
        partner_id: middle.id,
        currency: 'RUB',
        debit: `partner:${middle.id}.balance`,
        credit: `partner:${top.id}.revenue`,
      },
      {
        level: 3,
        amount: '1.50',
        partner_id: bottom.id,
        currency: 'RUB',
        debit: `partner:${bottom.id}.balance`,
        credit: `partner:${middle.id}.revenue`,
      },
    ]);
    expect((await chargesOf(db, topObject, day)).map((c) => `${c.level}:${c.amount}:${c.credit}`)).toEqual([
      `0:10.00:partner:${top.id}.revenue`,
      '1:2.90:platform.revenue',
    ]);
    expect((await chargesOf(db, freeObject, day)).map((c) => `${c.level}:${c.amount}:${c.debit}`)).toEqual([
      `0:10.00:contract:${freeContract}.balance`,
      `1:2.90:partner:${top.id}.balance`,
      `2:1.94:partner:${middle.id}.balance`,
    ]);

    // Nine object-levels, one charge per payer, payee and tariff of each level.
    expect(result).toMatchObject({ objectsCharged: 3, transfersCreated: 6, issuesCount: 0 });
    expect(result.totals.map(({ transfers: _t, ...total }) => total)).toEqual([
      { currency: 'RUB', level: 0, objectDays: 3, amount: '30.00' },
      { currency: 'RUB', level: 1, objectDays: 3, amount: '8.70' },
      { currency: 'RUB', level: 2, objectDays: 2, amount: '3.88' },
      { currency: 'RUB', level: 3, objectDays: 1, amount: '1.50' },
    ]);
    expect(await ledgerBalanceOf(db, partnerOwner(bottom.id), 'revenue')).toBe('10.00');
    expect(await ledgerBalanceOf(db, partnerOwner(bottom.id), 'balance')).toBe('-1.50');
    expect(await ledgerBalanceOf(db, partnerOwner(middle.id), 'revenue')).toBe('1.50');
    expect(await ledgerBalanceOf(db, partnerOwner(middle.id), 'balance')).toBe('-3.88');
    expect(await ledgerBalanceOf(db, partnerOwner(top.id), 'revenue')).toBe('13.88');
    expect(await ledgerBalanceOf(db, partnerOwner(top.id), 'balance')).toBe('-8.70');
    expect(await ledgerBalanceOf(db, PLATFORM, 'revenue')).not.toBe('0.00');
    await expectLedgerConsistent(db);
  });
});

describe('billing run: exactly once', () => {
  it('changes nothing when a day is run again', async () => {
    const day = '2025-09-05';
    const tariffId = await insertPricedTariff(db, '300.00');
    const parentPrice = await insertPricedTariff(db, '30.00');
    const partner = await insertPartner(db, { partnerPriceTariffId: parentPrice });
    const contractId = await insertContract(db, partner.id);
    for (let index = 0; index < 3; index += 1) {
      await insertBillingObject(db, contractId, {
        tariffId,
        activeFrom: '2025-09-01',
        activeUntil: '2025-09-10',
      });
    }
    const first = await run(day);
    // Three objects of one contract at two levels: two charges of 3 object-days each.
    expect(first).toMatchObject({ objectsCharged: 3, transfersCreated: 2, alreadyCharged: 0 });
    const before = await ledgerSnapshot(db);

    const again = await run(day);
    expect(again).toMatchObject({
      status: 'completed',
      objectsCharged: 0,
      transfersCreated: 0,
      alreadyCharged: 6,
      totals: [],
    });
    expect(await ledgerSnapshot(db)).toEqual(before);
  });

  it('charges once when two runs of a day start at once', async () => {
    const day = '2025-09-20';
    const tariffId = await insertPricedTariff(db, '300.00');
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const objectIds = [];
    for (let index = 0; index < 4; index += 1) {
      objectIds.push(
        await insertBillingObject(db, contractId, {
          tariffId,
          activeFrom: '2025-09-20',
          activeUntil: '2025-09-20',
        }),
      );
    }
    const runs = await Promise.all([run(day), run(day), run(day)]);
    expect(runs.map((each) => each.status)).toEqual(['completed', 'completed', 'completed']);
    expect(runs.map((each) => each.transfersCreated).sort()).toEqual([0, 0, 1]);
    expect(runs.map((each) => each.objectsCharged).sort()).toEqual([0, 0, 4]);
    expect(runs.map((each) => each.alreadyCharged).sort()).toEqual([0, 4, 4]);
    for (const objectId of objectIds) expect(await chargesOf(db, objectId, day)).toHaveLength(1);
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-40.00');
    await expectLedgerConsistent(db);
  });

  it('records a failed run, charges nothing of its day, and a rerun completes the day', async () => {
    const day = '2025-01-15';
    const tariffId = await insertPricedTariff(db, '310.00');
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    const healthy = await insertObjectActiveOn(db, contractId, tariffId, day);
    const broken = await insertObjectActiveOn(db, contractId, tariffId, day);
    // A fault in the middle of the day's insert: the database refuses one object's charge.
    await sql`
      create function refuse_charge() returns trigger language plpgsql as $$
      begin raise exception 'disk on fire'; end; $$`.execute(db);
    await sql
      .raw(
        `create trigger refuse_charge before insert on billing_object_days for each row
                    when (new.object_id = ${broken}) execute function refuse_charge()`,
      )
      .execute(db);
    const before = await ledgerSnapshot(db);

    const failed = await run(day);
    expect(failed).toMatchObject({ status: 'failed', error: 'disk on fire', transfersCreated: 0 });
    expect(failed.finishedAt).not.toBeNull();
    expect(await chargesOf(db, healthy, day)).toEqual([]);
    expect(await ledgerSnapshot(db)).toEqual(before);

    await sql`drop trigger refuse_charge on billing_object_days`.execute(db);
    await sql`drop function refuse_charge()`.execute(db);
    const rerun = await run(day);
    expect(rerun).toMatchObject({
      status: 'completed',
      objectsCharged: 2,
      transfersCreated: 1,
      alreadyCharged: 0,
    });
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-20.00');
  });
});

describe('billing run: currencies', () => {
  it('converts a Partner price in another currency at the rate of the day, and reports a missing rate', async () => {
    const day = '2025-08-01'; // August: 31 days
    const objectTariff = await insertPricedTariff(db, '3100.00');
    // The top partner pays the platform in USD, converted by the direct pair USD→RUB.
    const usdPrice = await insertPricedTariff(db, '31.00', { currency: 'USD' });
    await insertExchangeRate(db, 'USD', 'RUB', '2025-07-01', '90.00000000');
    await insertExchangeRate(db, 'USD', 'RUB', '2025-08-01', '92.34560000');
    await insertExchangeRate(db, 'USD', 'RUB', '2025-08-02', '99.00000000');
    const top = await insertPartner(db, { partnerPriceTariffId: usdPrice });
    // The middle partner pays in EUR, converted by the reverse pair RUB→EUR (divided).
    const eurPrice = await insertPricedTariff(db, '6.20', { currency: 'EUR' });
    await insertExchangeRate(db, 'RUB', 'EUR', '2025-01-01', '0.01050000');
    const middle = await insertPartner(db, { parent: top, partnerPriceTariffId: eurPrice });
    // The bottom partner pays in KZT, which has no rate to RUB.
    const kztPrice = await insertPricedTariff(db, '3100.00', { currency: 'KZT' });
    const bottom = await insertPartner(db, { parent: middle, partnerPriceTariffId: kztPrice });
    const contractId = await insertContract(db, bottom.id);
    const objectId = await insertObjectActiveOn(db, contractId, objectTariff, day);

    const result = await run(day);
    // USD 1.00 a day × 92.3456 = 92.3456 → 92.35; EUR 0.20 a day ÷ 0.0105 = 19.0476… → 19.05.
    expect((await chargesOf(db, objectId, day)).map((c) => `${c.level}:${c.amount}:${c.currency}`)).toEqual([
      '0:100.00:RUB',
      '1:92.35:RUB',
      '2:19.05:RUB',
    ]);
    expect(result).toMatchObject({ transfersCreated: 3, issuesCount: 1 });
    expect(await issuesOf(result.id)).toEqual([
      {
        run_id: result.id,
        object_id: objectId,
        partner_id: bottom.id,
        level: 3,
        reason: 'exchange_rate_missing',
        detail: { from: 'KZT', to: 'RUB', tariffId: kztPrice },
      },
    ]);

    // Once the rate is entered, running the day again charges the missing level only.
    await insertExchangeRate(db, 'KZT', 'RUB', '2025-08-01', '0.17777777');
    const again = await run(day);
    expect(again).toMatchObject({
      transfersCreated: 1,
      alreadyCharged: 3,
      issuesCount: 0,
      objectsCharged: 1,
    });
    // KZT 100.00 × 0.17777777 = 17.777777 → 17.78.
    expect((await chargesOf(db, objectId, day)).map((c) => `${c.level}:${c.amount}`)).toEqual([
      '0:100.00',
      '1:92.35',
      '2:19.05',
      '3:17.78',
    ]);
    await expectLedgerConsistent(db);
  });

  it('reports a tariff without a price in force as price_missing', async () => {
    const day = '2025-11-03';
    const futureTariff = await insertTariff(db, { versions: [{ price: '300.00', from: '2025-11-10' }] });
    const parentPrice = await insertPricedTariff(db, '30.00');
    const partner = await insertPartner(db, { partnerPriceTariffId: parentPrice });
    const contractId = await insertContract(db, partner.id);
    const objectId = await insertObjectActiveOn(db, contractId, futureTariff, day);
    const result = await run(day);
    expect(result).toMatchObject({ transfersCreated: 1, issuesCount: 1 });
    expect((await chargesOf(db, objectId, day)).map((c) => `${c.level}:${c.amount}`)).toEqual(['1:1.00']);
    expect(await issuesOf(result.id)).toEqual([
      {
        run_id: result.id,
        object_id: objectId,
        partner_id: partner.id,
        level: 0,
        reason: 'price_missing',
        detail: { tariffId: futureTariff },
      },
    ]);
  });

  it("charges a contract in its own currency on its own currency's accounts", async () => {
    const day = '2025-12-01';
    const objectTariff = await insertPricedTariff(db, '3100.00', { currency: 'KZT' });
    const partnerPrice = await insertPricedTariff(db, '310.00', { currency: 'KZT' });
    const partner = await insertPartner(db, { currency: 'KZT', partnerPriceTariffId: partnerPrice });
    const contractId = await insertContract(db, partner.id, { currency: 'KZT' });
    const objectId = await insertObjectActiveOn(db, contractId, objectTariff, day);
    const result = await run(day);
    expect((await chargesOf(db, objectId, day)).map((c) => `${c.level}:${c.amount}:${c.currency}`)).toEqual([
      '0:100.00:KZT',
      '1:10.00:KZT',
    ]);
    expect(result.totals).toEqual([
      { currency: 'KZT', level: 0, transfers: 1, objectDays: 1, amount: '100.00' },
      { currency: 'KZT', level: 1, transfers: 1, objectDays: 1, amount: '10.00' },
    ]);
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance', 'KZT')).toBe('-100.00');
    expect(await ledgerBalanceOf(db, PLATFORM, 'revenue', 'KZT')).toBe('10.00');
  });
});

/** What the objects module does when an object moves to another contract (and its partner). */
async function moveObject(objectId: number, contractId: number) {
  const contract = await db
    .selectFrom('contracts')
    .select('partner_id')
    .where('id', '=', contractId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('objects')
    .set({ contract_id: contractId, partner_id: contract.partner_id })
    .where('id', '=', objectId)
    .execute();
}

describe('billing run: a day run again after its objects moved', () => {
  it("charges nothing for a day the object spent under another contract: not the new chain's levels", async () => {
    const day = '2024-04-10'; // April: 30 days
    const objectTariff = await insertPricedTariff(db, '300.00');
    const topPrice = await insertPricedTariff(db, '30.00');
    const a = await insertPartner(db, { partnerPriceTariffId: topPrice });
    const subPrice = await insertPricedTariff(db, '60.00', { ownerPartnerId: a.id });
    const b = await insertPartner(db, { parent: a, partnerPriceTariffId: subPrice });
    const contractA = await insertContract(db, a.id);
    const contractB = await insertContract(db, b.id);
    const objectId = await insertBillingObject(db, contractA, {
      tariffId: objectTariff,
      activeFrom: '2024-04-10',
      activeUntil: '2024-04-11',
    });
    // A second object that stays where it is: the rerun counts its charges as already made.
    const staying = await insertBillingObject(db, contractA, {
      tariffId: objectTariff,
      activeFrom: '2024-04-10',
      activeUntil: '2024-04-10',
    });

    // Two objects of contract A: one charge at each of its two levels.
    expect(await run(day)).toMatchObject({ objectsCharged: 2, transfersCreated: 2, issuesCount: 0 });
    const billedUnderA = await chargesOf(db, objectId, day);
    expect(billedUnderA.map((c) => `${c.level}:${c.amount}:${c.debit}>${c.credit}`)).toEqual([
      `0:10.00:contract:${contractA}.balance>partner:${a.id}.revenue`,
      `1:1.00:partner:${a.id}.balance>platform.revenue`,
    ]);
    const before = await ledgerSnapshot(db);

    // Moved to the sub-partner's contract; the day is run again: B never had the object that day.
    await moveObject(objectId, contractB);
    const again = await run(day);
    expect(again).toMatchObject({
      status: 'completed',
      objectsCharged: 0,
      transfersCreated: 0,
      alreadyCharged: 2,
      issuesCount: 0,
      totals: [],
    });
    expect(await ledgerSnapshot(db)).toEqual(before);
    expect(await chargesOf(db, objectId, day)).toEqual(billedUnderA);
    expect(await chargesOf(db, staying, day)).toHaveLength(2);
    expect(await ledgerBalanceOf(db, contractOwner(contractA), 'balance')).toBe('-20.00');
    expect(await ledgerBalanceOf(db, contractOwner(contractB), 'balance')).toBe('0.00');
    expect(await ledgerBalanceOf(db, partnerOwner(a.id), 'revenue')).toBe('20.00');
    expect(await ledgerBalanceOf(db, partnerOwner(a.id), 'balance')).toBe('-2.00');
    expect(await ledgerBalanceOf(db, partnerOwner(b.id), 'balance')).toBe('0.00');
    expect(await ledgerBalanceOf(db, partnerOwner(b.id), 'revenue')).toBe('0.00');

    // The next day is billed under B's contract and chain.
    expect(await run('2024-04-11')).toMatchObject({ objectsCharged: 1, transfersCreated: 3 });
    expect(
      (await chargesOf(db, objectId, '2024-04-11')).map(
        (c) => `${c.level}:${c.amount}:${c.debit}>${c.credit}`,
      ),
    ).toEqual([
      `0:10.00:contract:${contractB}.balance>partner:${b.id}.revenue`,
      `1:1.00:partner:${a.id}.balance>platform.revenue`,
      `2:2.00:partner:${b.id}.balance>partner:${a.id}.revenue`,
    ]);
    expect(await ledgerBalanceOf(db, partnerOwner(b.id), 'balance')).toBe('-2.00');
    expect(await ledgerBalanceOf(db, partnerOwner(a.id), 'revenue')).toBe('22.00');
    await expectLedgerConsistent(db);
  });

  it('does not charge a level missing that day (no rate then) under the chain the object moved to', async () => {
    const day = '2024-05-10'; // May: 31 days
    const objectTariff = await insertPricedTariff(db, '310.00');
    // Partner A pays the platform in CHF, which has no rate to RUB on the day.
    const chfPrice = await insertPricedTariff(db, '31.00', { currency: 'CHF' });
    const a = await insertPartner(db, { partnerPriceTariffId: chfPrice });
    const rubPrice = await insertPricedTariff(db, '62.00');
    const c = await insertPartner(db, { partnerPriceTariffId: rubPrice });
    const contractA = await insertContract(db, a.id);
    const contractC = await insertContract(db, c.id);
    const objectId = await insertObjectActiveOn(db, contractA, objectTariff, day);

    const first = await run(day);
    expect(first).toMatchObject({ transfersCreated: 1, issuesCount: 1 });
    expect((await chargesOf(db, objectId, day)).map((c) => `${c.level}:${c.amount}`)).toEqual(['0:10.00']);
    const before = await ledgerSnapshot(db);

    // Moved to C's contract, whose level 1 is priced: the rerun charges neither C's level nor an issue.
    await moveObject(objectId, contractC);
    const again = await run(day);
    expect(again).toMatchObject({
      objectsCharged: 0,
      transfersCreated: 0,
      alreadyCharged: 0,
      issuesCount: 0,
    });
    // Nor once the rate of A's price is entered: the day stays as it was billed under A.
    await insertExchangeRate(db, 'CHF', 'RUB', '2024-01-01', '100.00000000');
    expect(await run(day)).toMatchObject({ transfersCreated: 0, issuesCount: 0 });
    expect(await ledgerSnapshot(db)).toEqual(before);
    expect(await ledgerBalanceOf(db, partnerOwner(c.id), 'balance')).toBe('0.00');
    expect(await ledgerBalanceOf(db, contractOwner(contractC), 'balance')).toBe('0.00');
    await expectLedgerConsistent(db);
  });

  it('charges nothing new for a day rerun after the contract moved to another partner', async () => {
    const day = '2024-06-10'; // June: 30 days
    const objectTariff = await insertPricedTariff(db, '300.00');
    const a = await insertPartner(db);
    const price = await insertPricedTariff(db, '90.00');
    const d = await insertPartner(db, { partnerPriceTariffId: price });
    const contractId = await insertContract(db, a.id);
    const objectId = await insertObjectActiveOn(db, contractId, objectTariff, day);
    expect(await run(day)).toMatchObject({ transfersCreated: 1 });
    const before = await ledgerSnapshot(db);

    // As the contracts module moves a contract: its objects follow it to the new partner.
    await db.updateTable('contracts').set({ partner_id: d.id }).where('id', '=', contractId).execute();
    await db.updateTable('objects').set({ partner_id: d.id }).where('contract_id', '=', contractId).execute();
    expect(await run(day)).toMatchObject({ objectsCharged: 0, transfersCreated: 0, alreadyCharged: 0 });
    // The run opens the accounts of D's chain (at zero); no balance moved, no transfer added.
    const after = await ledgerSnapshot(db);
    expect(after.transfers).toBe(before.transfers);
    expect(after.balances.slice(0, before.balances.length)).toEqual(before.balances);
    expect(after.balances.slice(before.balances.length).map((account) => account.balance)).toEqual([
      '0',
      '0',
    ]);
    expect((await chargesOf(db, objectId, day)).map((c) => `${c.level}:${c.partner_id}`)).toEqual([
      `0:${a.id}`,
    ]);
    expect(await ledgerBalanceOf(db, partnerOwner(d.id), 'balance')).toBe('0.00');
  });

  it('does not charge again a charge that was corrected', async () => {
    const day = '2024-07-10'; // July: 31 days
    const objectTariff = await insertPricedTariff(db, '310.00');
    const price = await insertPricedTariff(db, '62.00');
    const partner = await insertPartner(db, { partnerPriceTariffId: price });
    const contractId = await insertContract(db, partner.id);
    const objectId = await insertObjectActiveOn(db, contractId, objectTariff, day);
    expect(await run(day)).toMatchObject({ transfersCreated: 2 });
    const charge = await db
      .selectFrom('ledger_transfers')
      .selectAll()
      .where('kind', '=', 'charge')
      .where('contract_id', '=', contractId)
      .where('level', '=', 0)
      .executeTakeFirstOrThrow();
    expect(charge.quantity).toBe(1);
    // The correction of the level-0 charge, as POST /finance/corrections posts it.
    await postTransfers(db, [
      {
        kind: 'correction',
        currency: charge.currency,
        debitAccountId: charge.credit_account_id,
        creditAccountId: charge.debit_account_id,
        amount: charge.amount,
        partnerId: charge.partner_id,
        contractId: charge.contract_id,
        valueDate: day,
        reversesId: charge.id,
        reversedCharge: { objectId, level: 0, chargeDay: day, tariffId: charge.tariff_id, quantity: 1 },
        comment: 'Not in service that day',
      },
    ]);
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('0.00');
    const before = await ledgerSnapshot(db);

    const again = await run(day);
    expect(again).toMatchObject({ objectsCharged: 0, transfersCreated: 0, alreadyCharged: 2, totals: [] });
    expect(await ledgerSnapshot(db)).toEqual(before);
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('0.00');
    expect(await ledgerBalanceOf(db, partnerOwner(partner.id), 'revenue')).toBe('0.00');
    expect(await ledgerBalanceOf(db, partnerOwner(partner.id), 'balance')).toBe('-2.00');
    await expectLedgerConsistent(db);
  });
});

describe("billing run: the schedule's rerun, only objects not yet charged", () => {
  it('charges the objects added later that day, and no level to the objects charged before', async () => {
    const day = '2024-08-10'; // August: 31 days
    const objectTariff = await insertPricedTariff(db, '310.00');
    const price = await insertPricedTariff(db, '31.00');
    const partner = await insertPartner(db, { partnerPriceTariffId: price });
    const contractId = await insertContract(db, partner.id);
    const charged = await insertObjectActiveOn(db, contractId, objectTariff, day);
    expect(await run(day)).toMatchObject({ transfersCreated: 2 });

    // Later that day: the partner is moved under a new top partner (its chain gets a level), and an
    // object is added.
    const topPrice = await insertPricedTariff(db, '62.00');
    const top = await insertPartner(db, { partnerPriceTariffId: topPrice });
    await db
      .updateTable('partners')
      .set({ parent_id: top.id, path: [top.id, partner.id] })
      .where('id', '=', partner.id)
      .execute();
    const added = await insertObjectActiveOn(db, contractId, objectTariff, day);

    const again = await runBillingDay(db, { day, trigger: 'schedule', onlyUncharged: true });
    expect(again).toMatchObject({
      objectsCharged: 1,
      transfersCreated: 3,
      alreadyCharged: 0,
      issuesCount: 0,
    });
    expect(
      (await chargesOf(db, charged, day)).map((c) => `${c.level}:${c.amount}:${c.debit}>${c.credit}`),
    ).toEqual([
      `0:10.00:contract:${contractId}.balance>partner:${partner.id}.revenue`,
      `1:1.00:partner:${partner.id}.balance>platform.revenue`,
    ]);
    expect(
      (await chargesOf(db, added, day)).map((c) => `${c.level}:${c.amount}:${c.debit}>${c.credit}`),
    ).toEqual([
      `0:10.00:contract:${contractId}.balance>partner:${partner.id}.revenue`,
      `1:2.00:partner:${top.id}.balance>platform.revenue`,
      `2:1.00:partner:${partner.id}.balance>partner:${top.id}.revenue`,
    ]);
    expect(await ledgerBalanceOf(db, partnerOwner(partner.id), 'balance')).toBe('-2.00');
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-20.00');
    await expectLedgerConsistent(db);
  });
});
