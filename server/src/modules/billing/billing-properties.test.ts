import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chargesOfObjects,
  chargesOver,
  insertBillingObject,
  insertExchangeRate,
} from '../../../test/billing-builders.js';
import { useTestApp } from '../../../test/test-suite.js';
import { expectLedgerConsistent, ledgerSnapshot } from '../../../test/ledger-checks.js';
import {
  type InsertedPartner,
  insertContract,
  insertPartner,
  insertTariff,
} from '../../../test/table-rows.js';
import type { Db } from '../../db/connect.js';
import type { TariffPeriod } from '../../db/schema.js';
import { dailyCharge, daysInMonth } from '../../lib/daily-charge.js';
import { decimal, formatAmount } from '../../lib/money.js';
import { addDays, daysFromTo } from '../../lib/clock.js';
import { dailyAmountSql } from './billing-amounts.sql.js';
import { runBillingDay } from './billing-run.js';

/*
 * Properties of the billing run over random small worlds: partner trees of 1 to 3 levels with random
 * Partner prices (monthly or daily, in either of two currencies), objects with random tariffs and
 * active days, contracts of which some are not billed, an exchange rate or none, and random days run
 * once, twice in a row or twice at once. Each world lives in a month and two currencies of its own
 * (the database is shared by the whole file), so a world's runs charge nothing of another's and its
 * rate is the only one of its pair. Prices are dated 1900 and inserted straight into the tables.
 */

const { context } = useTestApp();
let db: Db;

beforeAll(async () => {
  db = context.database.db;
});

let worldNumber = 0;
/** A month and two currency codes no other world uses. */
function nextWorld() {
  worldNumber += 1;
  const month = addDays('1990-01-15', worldNumber * 31).slice(0, 7);
  const suffix = String.fromCharCode(65 + (Math.floor(worldNumber / 26) % 26), 65 + (worldNumber % 26));
  return { month, main: `M${suffix}`, other: `O${suffix}` };
}

const cents = (value: number) => formatAmount(decimal(value).dividedBy(100));

interface TariffSpec {
  period: TariffPeriod;
  cents: number;
  /** 0: the world's main currency, 1: its other currency. */
  currency: 0 | 1;
}

const tariffSpec = fc.record({
  period: fc.constantFrom<TariffPeriod>('month', 'day'),
  cents: fc.integer({ min: 0, max: 400_000 }),
  currency: fc.constantFrom<0 | 1>(0, 1),
});

const worldSpec = fc.record({
  partners: fc.array(fc.record({ parent: fc.nat(), partnerPrice: fc.option(tariffSpec, { freq: 4 }) }), {
    minLength: 1,
    maxLength: 5,
  }),
  objects: fc.array(
    fc.record({
      partner: fc.nat(),
      tariff: tariffSpec,
      from: fc.integer({ min: 1, max: 28 }),
      until: fc.option(fc.integer({ min: 1, max: 28 })),
      contract: fc.constantFrom('billed', 'billed', 'billed', 'warehouse', 'inactive'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  /** 1 other = rate main, in ten-thousandths; none: charges across the pair are issues. */
  rate: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { freq: 3 }),
  runs: fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), together: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  }),
  rerun: fc.integer({ min: 1, max: 28 }),
});

type WorldSpec = typeof worldSpec extends fc.Arbitrary<infer T> ? T : never;

interface BuiltPartner extends InsertedPartner {
  depth: number;
  partnerPrice: (TariffSpec & { tariffId: number }) | null;
}

interface BuiltObject {
  id: number;
  partner: BuiltPartner;
  currency: string;
  tariff: TariffSpec;
  from: string;
  until: string | null;
  billed: boolean;
}

/** Builds the world in the database and returns what the model needs of it. */
async function buildWorld(spec: WorldSpec) {
  const { month, main, other } = nextWorld();
  const currencies = [main, other] as const;
  const day = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
  const tariff = (t: TariffSpec) =>
    insertTariff(db, {
      period: t.period,
      currency: currencies[t.currency],
      versions: [{ price: cents(t.cents), from: '1900-01-01' }],
    });

  const partners: BuiltPartner[] = [];
  for (const [index, entry] of spec.partners.entries()) {
    // Partner i hangs under one of the partners before it that is not at depth 3, or at the top.
    const candidates = partners.filter((partner) => partner.depth < 3);
    const parent = index === 0 ? null : (candidates[entry.parent % (candidates.length + 1)] ?? null);
    const partnerPrice = entry.partnerPrice
      ? { ...entry.partnerPrice, tariffId: await tariff(entry.partnerPrice) }
      : null;
    const inserted = await insertPartner(db, {
      parent,
      partnerPriceTariffId: partnerPrice?.tariffId ?? null,
    });
    partners.push({ ...inserted, depth: inserted.path.length, partnerPrice });
  }

  const objects: BuiltObject[] = [];
  // A partner has at most one warehouse account: its objects share it.
  const warehouses = new Map<number, number>();
  for (const entry of spec.objects) {
    const partner = partners[entry.partner % partners.length]!;
    const currency = currencies[entry.tariff.currency];
    const warehouse = entry.contract === 'warehouse' ? warehouses.get(partner.id) : undefined;
    const contractId =
      warehouse ??
      (await insertContract(db, partner.id, {
        currency,
        isWarehouse: entry.contract === 'warehouse',
        active: entry.contract !== 'inactive',
      }));
    if (entry.contract === 'warehouse') warehouses.set(partner.id, contractId);
    const from = day(entry.from);
    const until = entry.until === null ? null : day(Math.max(entry.until, entry.from));
    const id = await insertBillingObject(db, contractId, {
      tariffId: await tariff(entry.tariff),
      activeFrom: from,
      activeUntil: until,
    });
    objects.push({
      id,
      partner,
      currency,
      tariff: entry.tariff,
      from,
      until,
      billed: entry.contract === 'billed',
    });
  }
  const rate = spec.rate === null ? null : formatAmount(decimal(spec.rate).dividedBy(10_000), 4);
  if (rate !== null) await insertExchangeRate(db, other, main, `${month}-01`, rate);
  return { day, currencies, partners, objects, rate };
}

type World = Awaited<ReturnType<typeof buildWorld>>;

/** The model: the charges of a day as "object:level:amount", by the rules written out in plain code. */
function expectedCharges(world: World, day: string): string[] {
  const convert = (amount: string, from: string, to: string): string | null => {
    if (from === to) return amount;
    if (world.rate === null) return null;
    // The rate is 1 other = rate main: direct from other to main, divided from main to other.
    return from === world.currencies[1]
      ? formatAmount(decimal(amount).times(world.rate))
      : formatAmount(decimal(amount).dividedBy(world.rate));
  };
  const charges: string[] = [];
  for (const object of world.objects) {
    if (!object.billed || object.from > day || (object.until !== null && object.until < day)) continue;
    const levels: { level: number; tariff: TariffSpec }[] = [{ level: 0, tariff: object.tariff }];
    object.partner.path.forEach((partnerId, index) => {
      const payer = world.partners.find((partner) => partner.id === partnerId)!;
      if (payer.partnerPrice) levels.push({ level: index + 1, tariff: payer.partnerPrice });
    });
    for (const { level, tariff } of levels) {
      const daily = dailyCharge(cents(tariff.cents), tariff.period, day);
      const amount = convert(daily, world.currencies[tariff.currency], object.currency);
      if (amount !== null && decimal(amount).greaterThan(0)) charges.push(`${object.id}:${level}:${amount}`);
    }
  }
  return charges.sort();
}

async function actualCharges(world: World, day: string): Promise<string[]> {
  const ids = world.objects.map((object) => object.id);
  return chargesOfObjects(db, ids, day);
}

const runDay = (day: string) => runBillingDay(db, { day, trigger: 'cli' });

describe('billing run properties', () => {
  it('charges what the model says, keeps the ledger balanced, and changes nothing when a day is run again', async () => {
    let chargesChecked = 0;
    let worldsCharged = 0;
    await fc.assert(
      fc.asyncProperty(worldSpec, async (spec) => {
        const world = await buildWorld(spec);
        const daysRun = new Set<string>();
        for (const { day: n, together } of spec.runs) {
          const day = world.day(n);
          const runs = together ? await Promise.all([runDay(day), runDay(day)]) : [await runDay(day)];
          expect(runs.map((run) => run.status)).toEqual(runs.map(() => 'completed'));
          daysRun.add(day);
        }
        let charged = 0;
        for (const day of daysRun) {
          const expected = expectedCharges(world, day);
          expect(await actualCharges(world, day), day).toEqual(expected);
          charged += expected.length;
        }
        chargesChecked += charged;
        if (charged > 0) worldsCharged += 1;
        await expectLedgerConsistent(db);

        // Any day, run once more, adds nothing and moves no balance.
        const day = world.day(spec.rerun);
        await runDay(day);
        const before = await ledgerSnapshot(db);
        const again = await runDay(day);
        expect(again).toMatchObject({
          status: 'completed',
          transfersCreated: 0,
          objectsCharged: 0,
          totals: [],
        });
        expect(await ledgerSnapshot(db)).toEqual(before);
        expect(await actualCharges(world, day)).toEqual(expectedCharges(world, day));
      }),
      { numRuns: 25 },
    );
    // Not a vacuous pass: the worlds did charge. Charges are aggregated per contract and tariff, and
    // many random worlds charge nothing (9 to 18 of 25 charged in trials), so a few must have.
    expect(worldsCharged).toBeGreaterThanOrEqual(3);
    expect(chargesChecked).toBeGreaterThanOrEqual(worldsCharged);
  }, 120_000);

  it('charges a whole month of a monthly tariff exactly its price, day by day as dailyCharge says', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 4 }),
        async (prices) => {
          const { month } = nextWorld();
          const first = `${month}-01`;
          const last = `${month}-${daysInMonth(first)}`;
          const partner = await insertPartner(db);
          const contractId = await insertContract(db, partner.id);
          const objects = [];
          for (const price of prices) {
            const tariffId = await insertTariff(db, {
              versions: [{ price: cents(price), from: '1900-01-01' }],
            });
            objects.push({
              price: cents(price),
              id: await insertBillingObject(db, contractId, {
                tariffId,
                activeFrom: first,
                activeUntil: last,
              }),
            });
          }
          for (const day of daysFromTo(first, last)) expect((await runDay(day)).status).toBe('completed');

          for (const object of objects) {
            const rows = {
              rows: (await chargesOver(db, object.id, first, last)).map(({ day, amount }) => ({
                day,
                amount,
              })),
            };
            const expected = daysFromTo(first, last)
              .map((day) => ({ day, amount: dailyCharge(object.price, 'month', day) }))
              .filter((charge) => charge.amount !== '0.00');
            expect(rows.rows).toEqual(expected);
            const total = rows.rows.reduce((sum, row) => sum.plus(row.amount), decimal(0));
            expect(formatAmount(total)).toBe(object.price);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('computes a daily amount in SQL exactly as dailyCharge does, any price, period and day', async () => {
    const someDay = fc.integer({ min: 0, max: 365 * 40 }).map((offset) => addDays('1996-01-01', offset));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom<TariffPeriod>('month', 'day'),
        someDay,
        async (priceCents, period, day) => {
          const price = cents(priceCents);
          const row = await sql<{ amount: string }>`
            select (${dailyAmountSql(sql`${price}::numeric(18, 2)`, sql`${period}::text`, sql`${day}::date`)})::text as amount`.execute(
            db,
          );
          expect(row.rows[0]!.amount).toBe(dailyCharge(price, period, day));
        },
      ),
      { numRuns: 300 },
    );
  });
});
