import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  createDealer,
  createObject,
  createPartner,
  createSuperAdmin,
  createTariff,
  signInAsPartner,
  type CreatedPartner,
  type HistoryResponseBody,
  type ObjectResponseBody,
} from '../../../test/builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { getObjectBody, signInAsStaff, vehiclesCount } from '../../../test/object-helpers.js';
import { insertContract } from '../../../test/table-rows.js';

describe('POST /objects/{id}/move', () => {
  let context: TestContext;
  let root: TestClient;
  let tariffId: number;
  let dealer: CreatedPartner;
  let dealerSession: TestClient;
  let sub: CreatedPartner;

  beforeAll(async () => {
    context = await createTestApp();
    root = await createSuperAdmin(context.app, context.database.db);
    ({ tariffId, dealer, dealerSession } = await createDealer(root));
    sub = await createPartner(dealerSession, {});
  });
  afterAll(() => context.close());

  it("moves to a sub-partner's contract: keeps the tariff, the partner and both counters follow, audited", async () => {
    const db = context.database.db;
    const from = await insertContract(db, dealer.id);
    const to = await insertContract(db, sub.id);
    const object = await createObject(dealerSession, from);
    const before = { dealer: await vehiclesCount(root, dealer.id), sub: await vehiclesCount(root, sub.id) };
    const moved = expectStatus<ObjectResponseBody>(
      await dealerSession.post(`/api/v1/objects/${object.id}/move`, { contractId: to }),
      200,
    );
    expect(moved).toMatchObject({ contractId: to, partnerId: sub.id, tariffId, version: 2 });
    expect(await vehiclesCount(root, dealer.id)).toBe(before.dealer - 1);
    expect(await vehiclesCount(root, sub.id)).toBe(before.sub + 1);
    const history = expectStatus<HistoryResponseBody>(
      await dealerSession.get(`/api/v1/objects/${object.id}/history`),
      200,
    );
    expect(history.items[0]).toEqual({
      ...history.items[0],
      action: 'moved',
      changes: [
        { field: 'contractId', oldValue: from, newValue: to },
        { field: 'partnerId', oldValue: dealer.id, newValue: sub.id },
      ],
    });
  });

  it('refuses a contract outside the subtree (as missing), an archived one, another currency', async () => {
    const db = context.database.db;
    const object = await createObject(dealerSession, await insertContract(db, dealer.id));
    const stranger = await createPartner(root);
    const outside = await dealerSession.post(`/api/v1/objects/${object.id}/move`, {
      contractId: await insertContract(db, stranger.id),
    });
    expect(outside.statusCode).toBe(400);
    expect(fieldCodes(outside)).toEqual(['contractId:contract_not_found']);
    const archived = await dealerSession.post(`/api/v1/objects/${object.id}/move`, {
      contractId: await insertContract(db, dealer.id, { archived: true }),
    });
    expect(fieldCodes(archived)).toEqual(['contractId:contract_archived']);
    const kzt = await dealerSession.post(`/api/v1/objects/${object.id}/move`, {
      contractId: await insertContract(db, dealer.id, { currency: 'KZT' }),
    });
    expect(fieldCodes(kzt)).toEqual(['contractId:move_currency_mismatch']);
    expect((await getObjectBody(dealerSession, object.id)).version).toBe(1);
  });

  it("refuses a sibling's contract when the object's tariff is the sibling's own, without naming it", async () => {
    const db = context.database.db;
    const first = await createPartner(dealerSession, {});
    const second = await createPartner(dealerSession, {});
    const firstSession = await signInAsPartner(context.app, first);
    const own = await createTariff(firstSession, { name: 'First sub-partner own price' });
    const home = await insertContract(db, first.id, { tariffId: own.id });
    const object = await createObject(dealerSession, home);
    const response = await dealerSession.post(`/api/v1/objects/${object.id}/move`, {
      contractId: await insertContract(db, second.id),
    });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual(['contractId:move_tariff_unavailable']);
    expect(response.body).not.toContain('First sub-partner own price');
    expect(await getObjectBody(dealerSession, object.id)).toMatchObject({ contractId: home, version: 1 });
  });

  it('into or out of a warehouse account: administrators only, not staff', async () => {
    const db = context.database.db;
    const regular = await insertContract(db, dealer.id);
    const warehouse = await insertContract(db, dealer.id, { isWarehouse: true });
    const staff = await signInAsStaff(context.app, db, dealer.id);
    const object = await createObject(dealerSession, regular);

    const staffIn = await staff.post(`/api/v1/objects/${object.id}/move`, { contractId: warehouse });
    expect(staffIn.statusCode).toBe(403);
    expect(staffIn.json<{ code: string }>().code).toBe('warehouse_move_forbidden');
    expectStatus(
      await dealerSession.post(`/api/v1/objects/${object.id}/move`, { contractId: warehouse }),
      200,
    );
    const staffOut = await staff.post(`/api/v1/objects/${object.id}/move`, { contractId: regular });
    expect(staffOut.statusCode).toBe(403);
    expectStatus(await root.post(`/api/v1/objects/${object.id}/move`, { contractId: regular }), 200);

    // Between two ordinary contracts a staff user may move objects.
    const another = await insertContract(db, dealer.id);
    expectStatus(await staff.post(`/api/v1/objects/${object.id}/move`, { contractId: another }), 200);
  });
});
