import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  createDealer,
  createObject,
  createPartner,
  createSuperAdmin,
  createTariff,
  type CreatedPartner,
  type HistoryResponseBody,
} from '../../../test/builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { today } from '../../lib/clock.js';
import { addDays, getObjectBody, pinsOf } from '../../../test/object-helpers.js';
import { insertContract } from '../../../test/table-rows.js';

describe('the tariff rule across three levels of partners', () => {
  let context: TestContext;
  let root: TestClient;
  let grandparent: CreatedPartner;
  let parent: CreatedPartner;
  let child: CreatedPartner;
  let grandparentPrice: number;

  beforeAll(async () => {
    context = await createTestApp();
    root = await createSuperAdmin(context.app, context.database.db);
    grandparentPrice = (await createTariff(root, { name: 'Grandparent price' })).id;
    grandparent = await createPartner(root, { priceTariffId: grandparentPrice });
    parent = await createPartner(root, { parentId: grandparent.id });
    child = await createPartner(root, { parentId: parent.id });
  });
  afterAll(() => context.close());

  it('pins the nearest Price up the tree; a later Price or contract tariff never changes existing objects', async () => {
    const db = context.database.db;
    const contract = await insertContract(db, child.id);
    const early = await createObject(root, contract);
    expect(await getObjectBody(root, early.id)).toMatchObject({
      tariffId: grandparentPrice,
      tariff: { id: grandparentPrice, name: 'Grandparent price' },
      tariffPinnedAt: today(),
    });

    const childPrice = (await createTariff(root, { name: 'Child price' })).id;
    const current = expectStatus<{ version: number }>(await root.get(`/api/v1/partners/${child.id}`), 200);
    expectStatus(
      await root.patch(`/api/v1/partners/${child.id}`, {
        version: current.version,
        priceTariffId: childPrice,
      }),
      200,
    );
    const later = await createObject(root, contract);
    expect((await getObjectBody(root, later.id)).tariffId).toBe(childPrice);
    expect((await getObjectBody(root, early.id)).tariffId).toBe(grandparentPrice);

    const contractTariff = (await createTariff(root, { name: 'Contract tariff' })).id;
    await db.updateTable('contracts').set({ tariff_id: contractTariff }).where('id', '=', contract).execute();
    const latest = await createObject(root, contract);
    expect((await getObjectBody(root, latest.id)).tariffId).toBe(contractTariff);
    expect((await getObjectBody(root, later.id)).tariffId).toBe(childPrice);
    expect(await pinsOf(db, early.id)).toEqual([{ tariff_id: grandparentPrice, effective_from: today() }]);
  });

  it("a middle partner's Price wins over the grandparent's for its sub-partners", async () => {
    const parentPrice = (await createTariff(root)).id;
    const sibling = await createPartner(root, { parentId: grandparent.id, priceTariffId: parentPrice });
    const grandchild = await createPartner(root, { parentId: sibling.id });
    const object = await createObject(root, await insertContract(context.database.db, grandchild.id));
    expect((await getObjectBody(root, object.id)).tariffId).toBe(parentPrice);
  });

  it('no tariff at any level is a clear error naming the contract field', async () => {
    const lonely = await createPartner(root);
    const under = await createPartner(root, { parentId: lonely.id });
    const response = await root.post('/api/v1/objects', {
      contractId: await insertContract(context.database.db, under.id),
      name: 'No price',
      deviceId: 'NO-PRICE-1',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual(['contractId:no_tariff']);
  });

  it("takes the nearest Price in the contract's currency; a Price in another currency is no Price", async () => {
    const db = context.database.db;
    const usdTop = (await createTariff(root, { name: 'USD top', currency: 'USD' })).id;
    const rubMiddle = (await createTariff(root, { name: 'RUB middle' })).id;
    const top = await createPartner(root, { priceTariffId: usdTop, currency: 'USD' });
    const middle = await createPartner(root, {
      parentId: top.id,
      priceTariffId: rubMiddle,
      additionalCurrencies: ['USD'],
    });
    const rubObject = await createObject(root, await insertContract(db, middle.id));
    expect((await getObjectBody(root, rubObject.id)).tariffId).toBe(rubMiddle);
    const usdObject = await createObject(root, await insertContract(db, middle.id, { currency: 'USD' }));
    expect((await getObjectBody(root, usdObject.id)).tariffId).toBe(usdTop);

    const eurContract = await insertContract(db, middle.id, { currency: 'EUR' });
    const response = await root.post('/api/v1/objects', {
      contractId: eurContract,
      name: 'EUR',
      deviceId: 'EUR-1',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual(['contractId:no_tariff']);
  });
});

describe('POST /objects/reprice', () => {
  let context: TestContext;
  let root: TestClient;
  let dealer: CreatedPartner;
  let dealerSession: TestClient;
  let oldTariff: number;

  beforeAll(async () => {
    context = await createTestApp();
    root = await createSuperAdmin(context.app, context.database.db);
    ({
      tariffId: oldTariff,
      dealer,
      dealerSession,
    } = await createDealer(root, { additionalCurrencies: ['KZT'] }));
  });
  afterAll(() => context.close());

  it("moves one contract's live objects from a day, recorded in history and object_tariffs; a rerun changes nothing", async () => {
    const db = context.database.db;
    const contract = await insertContract(db, dealer.id);
    const other = await insertContract(db, dealer.id);
    const [first, second] = [
      await createObject(dealerSession, contract),
      await createObject(dealerSession, contract),
    ];
    const archived = await createObject(dealerSession, contract);
    await dealerSession.delete(`/api/v1/objects/${archived.id}`);
    const untouched = await createObject(dealerSession, other);
    const newTariff = (await createTariff(dealerSession, { name: 'Dealer new price' })).id;
    const from = addDays(today(), 3);

    const body = { contractId: contract, tariffId: newTariff, effectiveFrom: from };
    expect(expectStatus(await dealerSession.post('/api/v1/objects/reprice', body), 200)).toEqual({
      repriced: 2,
    });
    expect(expectStatus(await dealerSession.post('/api/v1/objects/reprice', body), 200)).toEqual({
      repriced: 0,
    });

    for (const id of [first.id, second.id]) {
      expect(await getObjectBody(dealerSession, id)).toMatchObject({
        tariffId: newTariff,
        tariffPinnedAt: from,
      });
      expect(await pinsOf(db, id)).toEqual([
        { tariff_id: oldTariff, effective_from: today() },
        { tariff_id: newTariff, effective_from: from },
      ]);
      const history = expectStatus<HistoryResponseBody>(
        await dealerSession.get(`/api/v1/objects/${id}/history`),
        200,
      );
      expect(history.items.map((item) => item.action)).toEqual(['reprice', 'created']);
      expect(history.items[0]).toMatchObject({
        actor: { login: dealer.login },
        changes: [
          { field: 'tariffId', oldValue: oldTariff, newValue: newTariff },
          { field: 'tariffPinnedAt', oldValue: today(), newValue: from },
        ],
      });
    }
    expect((await getObjectBody(dealerSession, archived.id)).tariffId).toBe(oldTariff);
    expect((await getObjectBody(dealerSession, untouched.id)).tariffId).toBe(oldTariff);
  });

  it("a partner target reprices all of the partner's own contracts, not its sub-partners'", async () => {
    const db = context.database.db;
    const partner = await createPartner(dealerSession, {});
    const sub = await createPartner(dealerSession, { parentId: partner.id });
    const own = [
      await createObject(dealerSession, await insertContract(db, partner.id)),
      await createObject(dealerSession, await insertContract(db, partner.id)),
    ];
    const subObject = await createObject(dealerSession, await insertContract(db, sub.id));
    const tariff = (await createTariff(dealerSession)).id;
    const response = await dealerSession.post('/api/v1/objects/reprice', {
      partnerId: partner.id,
      tariffId: tariff,
      effectiveFrom: today(),
    });
    expect(expectStatus(response, 200)).toEqual({ repriced: 2 });
    for (const object of own) expect((await getObjectBody(dealerSession, object.id)).tariffId).toBe(tariff);
    expect((await getObjectBody(dealerSession, subObject.id)).tariffId).toBe(oldTariff);
    expect(await pinsOf(db, own[0]!.id)).toEqual([{ tariff_id: tariff, effective_from: today() }]);
  });

  it('refuses a past day, two targets or none, a tariff the partner may not sell, another currency, a foreign target', async () => {
    const db = context.database.db;
    const contract = await insertContract(db, dealer.id);
    await createObject(dealerSession, contract);
    const tariff = (await createTariff(dealerSession)).id;
    const post = (body: Record<string, unknown>) => dealerSession.post('/api/v1/objects/reprice', body);

    const past = await post({ contractId: contract, tariffId: tariff, effectiveFrom: addDays(today(), -1) });
    expect(fieldCodes(past)).toEqual(['effectiveFrom:effective_from_past']);
    const both = await post({
      contractId: contract,
      partnerId: dealer.id,
      tariffId: tariff,
      effectiveFrom: today(),
    });
    expect(fieldCodes(both)).toEqual(['contractId:reprice_one_target']);
    const none = await post({ tariffId: tariff, effectiveFrom: today() });
    expect(fieldCodes(none)).toEqual(['contractId:required']);

    const stranger = await createPartner(root);
    const strangerTariff = (await createTariff(root, { ownerPartnerId: stranger.id })).id;
    const notSellable = await post({
      contractId: contract,
      tariffId: strangerTariff,
      effectiveFrom: today(),
    });
    expect(fieldCodes(notSellable)).toEqual(['tariffId:tariff_not_available']);

    const kzt = (await createTariff(dealerSession, { currency: 'KZT' })).id;
    const currency = await post({ contractId: contract, tariffId: kzt, effectiveFrom: today() });
    expect(currency.statusCode).toBe(400);
    expect(fieldCodes(currency)).toEqual(['tariffId:reprice_currency']);

    const foreignContract = await insertContract(db, stranger.id);
    const foreign = await post({ contractId: foreignContract, tariffId: tariff, effectiveFrom: today() });
    expect(fieldCodes(foreign)).toEqual(['contractId:contract_not_found']);
    const foreignPartner = await post({ partnerId: stranger.id, tariffId: tariff, effectiveFrom: today() });
    expect(fieldCodes(foreignPartner)).toEqual(['partnerId:partner_not_found']);
  });
});
