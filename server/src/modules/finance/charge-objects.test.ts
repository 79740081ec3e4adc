import { beforeAll, describe, expect, it } from 'vitest';
import {
  contractOwner,
  insertBillingObject,
  insertObjectActiveOn,
  insertPricedTariff,
} from '../../../test/billing-builders.js';
import { expectStatus, fieldCodes } from '../../../test/client.js';
import { expectLedgerConsistent, ledgerBalanceOf } from '../../../test/ledger-checks.js';
import { moneyRequest, type TransferBody } from '../../../test/money-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { insertContract, insertPartner } from '../../../test/table-rows.js';
import type { Db } from '../../db/connect.js';
import { runBillingDay } from '../billing/billing-run.js';

/*
 * A billing day's charges are aggregated (one per level, payer, payee and tariff); the objects behind
 * each are listed by GET /finance/transactions/{id}/objects and one object's day is refunded by a
 * correction with objectId.
 */
const { context, root } = useTestAppAsRoot({ rootLogin: 'charge-objects.root' });
let db: Db;

interface ChargeObjectsBody {
  items: {
    objectId: number;
    objectName: string;
    deviceId: string;
    contractId: number;
    contractName: string;
    amount: string;
    reversed: boolean;
  }[];
  total: number;
}

beforeAll(() => {
  db = context.database.db;
});

const run = (day: string) => runBillingDay(db, { day, trigger: 'cli' });

async function chargesOfDay(query: string) {
  const body = expectStatus<{ items: TransferBody[] }>(
    await root.get(`/api/v1/finance/transactions?kind=charge&${query}`),
    200,
  );
  return body.items;
}

const objectsOf = async (chargeId: number, query = '') =>
  expectStatus<ChargeObjectsBody>(
    await root.get(`/api/v1/finance/transactions/${chargeId}/objects?${query}`),
    200,
  );

const correct = (body: Record<string, unknown>) =>
  moneyRequest(root, 'corrections', { comment: 'Not in service that day', ...body });

/** A contract of a partner with a Partner price and three objects on one day of a 31-day month. */
async function threeObjectsBilled(day: string) {
  const objectTariff = await insertPricedTariff(db, '310.00');
  const partnerPrice = await insertPricedTariff(db, '31.00');
  const partner = await insertPartner(db, { partnerPriceTariffId: partnerPrice });
  const contractId = await insertContract(db, partner.id);
  const objects = [];
  for (let index = 0; index < 3; index += 1)
    objects.push(await insertObjectActiveOn(db, contractId, objectTariff, day));
  const result = await run(day);
  expect(result).toMatchObject({ status: 'completed', objectsCharged: 3, transfersCreated: 2 });
  const [level0] = await chargesOfDay(`contractId=${contractId}&from=${day}&to=${day}`);
  const [level1] = (await chargesOfDay(`partnerId=${partner.id}&from=${day}&to=${day}`)).filter(
    (charge) => charge.level === 1,
  );
  return { partner, contractId, objects, level0: level0!, level1: level1! };
}

describe('aggregated charges', () => {
  it('lists one charge per level with its quantity and amount per object-day, and the objects behind it', async () => {
    const day = '2025-05-10'; // May: 31 days
    const { contractId, objects, level0, level1 } = await threeObjectsBilled(day);
    expect(level0).toMatchObject({
      kind: 'charge',
      level: 0,
      contractId,
      objectId: null,
      quantity: 3,
      unitAmount: '10.00',
      amount: '30.00',
      signedAmount: '-30.00',
      chargeDay: day,
    });
    expect(level1).toMatchObject({
      level: 1,
      contractId: null,
      quantity: 3,
      unitAmount: '1.00',
      amount: '3.00',
    });

    const behind = await objectsOf(level0.id);
    expect(behind.total).toBe(3);
    expect(behind.items.map((item) => [item.objectId, item.contractId, item.amount, item.reversed])).toEqual(
      objects.map((id) => [id, contractId, '10.00', false]),
    );
    expect((await objectsOf(level1.id)).items.map((item) => item.objectId)).toEqual(objects);

    const page = await objectsOf(level0.id, 'limit=2&offset=2');
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map((item) => item.objectId)).toEqual([objects[2]]);
  });

  it('answers 404 for a transfer that is not a charge and for a missing one', async () => {
    const { contractId } = await threeObjectsBilled('2025-05-11');
    const payment = expectStatus<TransferBody>(
      await moneyRequest(root, 'payments', { contractId, amount: '5.00' }),
      201,
    );
    expect((await root.get(`/api/v1/finance/transactions/${payment.id}/objects`)).statusCode).toBe(404);
    expect((await root.get('/api/v1/finance/transactions/999999999/objects')).statusCode).toBe(404);
  });
});

describe("a correction of one object's day", () => {
  it("refunds that object-day's amount once, and the statement and the objects behind the charge say so", async () => {
    const day = '2025-05-12';
    const { contractId, objects, level0 } = await threeObjectsBilled(day);
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-30.00');

    const corrected = expectStatus<TransferBody>(
      await correct({ transferId: level0.id, objectId: objects[1] }),
      201,
    );
    expect(corrected).toMatchObject({
      kind: 'correction',
      amount: '10.00',
      quantity: 1,
      objectId: objects[1],
      level: 0,
      chargeDay: day,
      reversesId: level0.id,
      contractId,
    });
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-20.00');
    expect((await objectsOf(level0.id)).items.map((item) => item.reversed)).toEqual([false, true, false]);

    const statement = expectStatus<{ lines: { objectId: number; days: number; net: string }[] }>(
      await root.get(`/api/v1/finance/statements?contractId=${contractId}&month=2025-05`),
      200,
    );
    expect(statement.lines.map((line) => [line.objectId, line.days, line.net]).sort()).toEqual(
      [objects[0], objects[2]].map((id) => [id, 1, '10.00']).sort(),
    );

    // Once only; and the whole charge cannot be reversed over a reversed object-day.
    const again = await correct({ transferId: level0.id, objectId: objects[1] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_reversed' });
    expect((await correct({ transferId: level0.id })).json()).toMatchObject({ code: 'already_reversed' });
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-20.00');
    await expectLedgerConsistent(db);
  });

  it('refuses an object without a day in the charge, and objectId on a payment, naming the field', async () => {
    const day = '2025-05-13';
    const { contractId, level0 } = await threeObjectsBilled(day);
    const stranger = await insertObjectActiveOn(
      db,
      contractId,
      await insertPricedTariff(db, '1.00'),
      '2025-06-20',
    );
    expect(fieldCodes(await correct({ transferId: level0.id, objectId: stranger }))).toEqual([
      'objectId:correction_object_not_charged',
    ]);
    const payment = expectStatus<TransferBody>(
      await moneyRequest(root, 'payments', { contractId, amount: '5.00' }),
      201,
    );
    expect(fieldCodes(await correct({ transferId: payment.id, objectId: stranger }))).toEqual([
      'objectId:correction_object_not_charge',
    ]);
  });

  it('reverses a whole charge with all its object-days, unless a later run of the day added a second one', async () => {
    const day = '2025-05-14';
    const { contractId, objects, level0 } = await threeObjectsBilled(day);
    // Added later that day and charged by the rerun: a second charge of the same key.
    const tariffId = (
      await db
        .selectFrom('objects')
        .select('tariff_id')
        .where('id', '=', objects[0]!)
        .executeTakeFirstOrThrow()
    ).tariff_id;
    const late = await insertBillingObject(db, contractId, { tariffId, activeFrom: day, activeUntil: day });
    expect(await run(day)).toMatchObject({ objectsCharged: 1, transfersCreated: 2, alreadyCharged: 6 });
    const refused = await correct({ transferId: level0.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'charge_reverse_by_object' });
    // Both charges of the key show the key's four objects.
    expect((await objectsOf(level0.id)).items.map((item) => item.objectId)).toEqual([...objects, late]);

    const other = await threeObjectsBilled('2025-05-15');
    expect(expectStatus<TransferBody>(await correct({ transferId: other.level0.id }), 201)).toMatchObject({
      amount: '30.00',
      quantity: 3,
      objectId: null,
    });
    expect((await objectsOf(other.level0.id)).items.map((item) => item.reversed)).toEqual([true, true, true]);
    expect(await ledgerBalanceOf(db, contractOwner(other.contractId), 'balance')).toBe('0.00');
    await expectLedgerConsistent(db);
  });
});
