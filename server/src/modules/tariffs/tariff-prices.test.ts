import { beforeAll, describe, expect, it } from 'vitest';
import { insertObjectActiveOn, insertPricedTariff } from '../../../test/billing-builders.js';
import {
  createPartner,
  createTariff,
  signInAsPartner,
  type TariffResponseBody,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { insertContract, insertPartner } from '../../../test/table-rows.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import type { Db } from '../../db/connect.js';
import { addDays, today } from '../../lib/clock.js';
import { holdChargingRuns } from '../ledger/ledger.public.js';
import type { BillingRun } from '../billing/billing.presenter.js';

/** A day as the Russian messages write it (DD.MM.YYYY). */
const russianDay = (iso: string) => iso.split('-').reverse().join('.');

/*
 * A tariff's prices by day: how early a new price may start (lib/price-start.ts: today or later, or an
 * earlier day after the last day charged at the tariff) and deleting a scheduled price.
 */

const { context, root } = useTestAppAsRoot();
let db: Db;
let dealer: TestClient;

beforeAll(async () => {
  db = context.database.db;
  dealer = await signInAsPartner(context.app, await createPartner(root));
});

const day = today();
const tariffUrl = (id: number) => `/api/v1/tariffs/${id}`;
const priceUrl = (tariffId: number, priceId: number) => `/api/v1/tariffs/${tariffId}/prices/${priceId}`;

async function getTariff(client: TestClient, id: number) {
  return expectStatus<TariffResponseBody>(await client.get(tariffUrl(id)), 200);
}

/** Runs the billing of a day through the API; every billable object of this file's database is charged. */
async function bill(billedDay: string) {
  const { runs } = expectStatus<{ runs: BillingRun[] }>(
    await root.post('/api/v1/billing/runs', { day: billedDay }),
    201,
  );
  expect(runs[0]).toMatchObject({ day: billedDay, status: 'completed' });
  return runs[0]!;
}

/** One object of a new partner's contract, at `tariffId`, billable on `onDay` only. */
async function objectOn(tariffId: number, onDay: string, partner: { partnerPriceTariffId?: number } = {}) {
  const contractId = await insertContract(db, (await insertPartner(db, partner)).id);
  return insertObjectActiveOn(db, contractId, tariffId, onDay);
}

/** A daily tariff priced 10.00 from 30 days ago, charged for `billedDay` by a run. */
async function tariffBilledOn(billedDay: string) {
  const tariff = await createTariff(root, {
    period: 'day',
    price: '10.00',
    effectiveFrom: addDays(day, -30),
  });
  await objectOn(tariff.id, billedDay);
  await bill(billedDay);
  return getTariff(root, tariff.id);
}

describe("a new price's first day (PATCH /tariffs/:id)", () => {
  it('takes a price from any earlier day while nothing was billed at the tariff, and bills its first days', async () => {
    const tariff = await createTariff(root, { period: 'day', price: '15.00' });
    const from = addDays(day, -20);
    const changed = expectStatus<TariffResponseBody>(
      await root.patch(tariffUrl(tariff.id), { version: 1, price: '12.00', effectiveFrom: from }),
      200,
    );
    expect(changed).toEqual({
      ...tariff,
      versions: [
        { id: expect.any(Number), price: '12.00', effectiveFrom: from },
        { id: tariff.versions[0]!.id, price: '15.00', effectiveFrom: day },
      ],
      version: 2,
      billedThrough: null,
    });

    // A new operator bills the tariff's first days, at the price typed for them.
    const billedDay = addDays(day, -10);
    await objectOn(tariff.id, billedDay);
    const run = await bill(billedDay);
    expect(run).toMatchObject({ objectsCharged: 1, issuesCount: 0 });
    expect(run.totals).toEqual([{ currency: 'RUB', level: 0, transfers: 1, objectDays: 1, amount: '12.00' }]);
    expect((await getTariff(root, tariff.id)).billedThrough).toBe(billedDay);
  });

  it('refuses a day already billed, naming the earliest day and the last day billed; changes nothing', async () => {
    const billedDay = addDays(day, -5);
    const tariff = await tariffBilledOn(billedDay);
    expect(tariff.billedThrough).toBe(billedDay);

    for (const effectiveFrom of [billedDay, addDays(day, -29)]) {
      const refused = await root.patch(tariffUrl(tariff.id), { version: 1, price: '11.00', effectiveFrom });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(refused.json()).toMatchObject({
        status: 400,
        code: 'validation_failed',
        errors: [
          {
            field: 'effectiveFrom',
            code: 'effective_from_billed',
            message: `Effective from cannot be before ${addDays(billedDay, 1)}: this price plan was billed up to ${billedDay}, and days already billed keep their price`,
          },
        ],
      });
    }
    const russian = await root
      .inLocale('ru')
      .patch(tariffUrl(tariff.id), { version: 1, price: '11.00', effectiveFrom: billedDay });
    expect(russian.json<{ errors: { message: string }[] }>().errors).toEqual([
      {
        field: 'effectiveFrom',
        code: 'effective_from_billed',
        message: `Поле «Действует с» не может быть раньше ${russianDay(addDays(billedDay, 1))}: по этому тарифу уже начислено по ${russianDay(billedDay)} включительно, а начисленные дни сохраняют свою цену`,
      },
    ]);
    expect(await getTariff(root, tariff.id)).toEqual(tariff);

    // The day after the last one billed is open, though it is before today.
    const next = addDays(billedDay, 1);
    const changed = expectStatus<TariffResponseBody>(
      await root.patch(tariffUrl(tariff.id), { version: 1, price: '11.00', effectiveFrom: next }),
      200,
    );
    expect(changed.versions.map((price) => `${price.effectiveFrom}:${price.price}`)).toEqual([
      `${addDays(day, -30)}:10.00`,
      `${next}:11.00`,
    ]);
  });

  it("counts a charge at any level: a tariff billed only as a partner's Partner price", async () => {
    const billedDay = addDays(day, -3);
    const partnerPrice = await createTariff(root, {
      period: 'day',
      price: '1.00',
      effectiveFrom: addDays(day, -30),
    });
    await objectOn(await insertPricedTariff(db, '5.00', { period: 'day' }), billedDay, {
      partnerPriceTariffId: partnerPrice.id,
    });
    await bill(billedDay);
    expect((await getTariff(root, partnerPrice.id)).billedThrough).toBe(billedDay);
    const refused = await root.patch(tariffUrl(partnerPrice.id), {
      version: 1,
      price: '2.00',
      effectiveFrom: billedDay,
    });
    expect(refused.json()).toMatchObject({
      errors: [{ field: 'effectiveFrom', code: 'effective_from_billed' }],
    });
  });

  it('keeps today and later open when today is billed already; before today is refused then', async () => {
    const tariff = await tariffBilledOn(day);
    expect(tariff.billedThrough).toBe(day);
    const yesterday = await root.patch(tariffUrl(tariff.id), {
      version: 1,
      price: '20.00',
      effectiveFrom: addDays(day, -1),
    });
    expect(yesterday.json()).toMatchObject({
      errors: [
        {
          field: 'effectiveFrom',
          code: 'effective_from_billed',
          message: `Effective from cannot be before ${day}: this price plan was billed up to ${day}, and days already billed keep their price`,
        },
      ],
    });
    expect((await getTariff(root, tariff.id)).versions.map((price) => price.effectiveFrom)).toEqual([
      addDays(day, -30),
    ]);
    const fromToday = expectStatus<TariffResponseBody>(
      await root.patch(tariffUrl(tariff.id), { version: 1, price: '20.00', effectiveFrom: day }),
      200,
    );
    expect(fromToday.versions.map((price) => price.effectiveFrom)).toEqual([addDays(day, -30), day]);
  });

  it('tells the last day billed only to those who may change the tariff', async () => {
    const tariff = await tariffBilledOn(addDays(day, -2));
    expect(tariff.billedThrough).toBe(addDays(day, -2));
    // A partner administrator may sell the platform's tariff, not change it: its charges are not its own.
    expect(await getTariff(dealer, tariff.id)).toMatchObject({ id: tariff.id, billedThrough: null });
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'refuses a day before today while a billing run is charging (409); a later day does not wait',
    async () => {
      const tariff = await createTariff(root, { effectiveFrom: addDays(day, -30) });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let signal!: () => void;
      const held = new Promise<void>((resolve) => (signal = resolve));
      const run = db.transaction().execute(async (trx) => {
        await holdChargingRuns(trx);
        signal();
        await released;
      });
      await held;
      try {
        const busy = await root.patch(tariffUrl(tariff.id), {
          version: 1,
          price: '1.00',
          effectiveFrom: addDays(day, -3),
        });
        expect(busy.statusCode).toBe(409);
        expect(busy.json()).toMatchObject({ code: 'billing_run_in_progress' });
        expectStatus(
          await root.patch(tariffUrl(tariff.id), {
            version: 1,
            price: '2.00',
            effectiveFrom: addDays(day, 1),
          }),
          200,
        );
      } finally {
        release();
        await run;
      }
    },
  );
});

describe('DELETE /tariffs/:id/prices/:priceId', () => {
  /** A tariff priced from `from`, with a scheduled price 10 days ahead. */
  async function withScheduledPrice(client: TestClient, from = day) {
    const tariff = await createTariff(client, { price: '300.00', effectiveFrom: from });
    return expectStatus<TariffResponseBody>(
      await client.patch(tariffUrl(tariff.id), {
        version: tariff.version,
        price: '350.00',
        effectiveFrom: addDays(day, 10),
      }),
      200,
    );
  }

  it('deletes a scheduled price: the tariff answers without it, in a new version, and History records it', async () => {
    const tariff = await withScheduledPrice(root);
    const [inForce, scheduled] = tariff.versions;
    const deleted = expectStatus<TariffResponseBody>(
      await root.delete(priceUrl(tariff.id, scheduled!.id)),
      200,
    );
    expect(deleted).toEqual({ ...tariff, versions: [inForce], version: tariff.version + 1 });
    expect(await getTariff(root, tariff.id)).toEqual(deleted);

    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'tariff')
      .where('entity_id', '=', tariff.id)
      .orderBy('id')
      .execute();
    expect(events.at(-1)).toEqual({
      action: 'updated',
      changes: [
        {
          field: 'versions',
          old: [
            { price: '300.00', effectiveFrom: day },
            { price: '350.00', effectiveFrom: addDays(day, 10) },
          ],
          new: [{ price: '300.00', effectiveFrom: day }],
        },
      ],
    });
  });

  it('refuses to delete a price in force or past with 409 tariff_price_started, in English and Russian', async () => {
    const tariff = await withScheduledPrice(root, addDays(day, -30));
    const past = tariff.versions[0]!;
    const response = await root.delete(priceUrl(tariff.id, past.id));
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({
      status: 409,
      code: 'tariff_price_started',
      title: `This price started on ${addDays(day, -30)}: only a scheduled price (one that starts after today) can be deleted`,
      errors: [],
    });
    expect((await root.inLocale('ru').delete(priceUrl(tariff.id, past.id))).json()).toMatchObject({
      title: `Эта цена начала действовать ${russianDay(addDays(day, -30))}: удалить можно только запланированную цену (которая начнёт действовать после сегодняшнего дня)`,
    });

    const fromToday = await withScheduledPrice(root);
    const todays = await root.delete(priceUrl(fromToday.id, fromToday.versions[0]!.id));
    expect(todays.statusCode).toBe(409);
    expect(todays.json()).toMatchObject({ code: 'tariff_price_started' });
    expect(await getTariff(root, tariff.id)).toEqual(tariff);
    expect(await getTariff(root, fromToday.id)).toEqual(fromToday);
  });

  it("refuses to delete a tariff's only price with 409 tariff_last_price", async () => {
    const tariff = await createTariff(root, { effectiveFrom: addDays(day, 5) });
    const response = await root.delete(priceUrl(tariff.id, tariff.versions[0]!.id));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'tariff_last_price',
      title: 'A price plan keeps at least one price: add another price before deleting this one',
      errors: [],
    });
    expect(await getTariff(root, tariff.id)).toEqual(tariff);
  });

  it('answers 404 for a price of another tariff, a price deleted already and a tariff that does not exist', async () => {
    const tariff = await withScheduledPrice(root);
    const other = await withScheduledPrice(root);
    const scheduled = tariff.versions[1]!;
    for (const url of [
      priceUrl(other.id, scheduled.id),
      priceUrl(987654, scheduled.id),
      priceUrl(tariff.id, 987654),
    ]) {
      expect(expectStatus(await root.delete(url), 404)).toMatchObject({ code: 'not_found' });
    }
    expectStatus(await root.delete(priceUrl(tariff.id, scheduled.id)), 200);
    expect(expectStatus(await root.delete(priceUrl(tariff.id, scheduled.id)), 404)).toMatchObject({
      code: 'not_found',
    });
    expect(await getTariff(root, other.id)).toEqual(other);
  });

  it("lets a partner administrator delete its own tariff's scheduled price, not the platform's (403)", async () => {
    const own = await withScheduledPrice(dealer);
    expectStatus(await dealer.delete(priceUrl(own.id, own.versions[1]!.id)), 200);
    const platform = await withScheduledPrice(root);
    const refused = await dealer.delete(priceUrl(platform.id, platform.versions[1]!.id));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'tariff_owner_forbidden' });
    expect(await getTariff(root, platform.id)).toEqual(platform);
  });

  it('refuses a price id that is not a number with 400, naming it', async () => {
    const response = await root.delete('/api/v1/tariffs/1/prices/latest');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'priceId' }] });
  });
});
