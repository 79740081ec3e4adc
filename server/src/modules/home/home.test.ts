import { beforeAll, describe, expect, it } from 'vitest';
import { insertBillingObject, insertPricedTariff } from '../../../test/billing-builders.js';
import {
  createContract,
  createPartner,
  signInAsPartner,
  unique,
  type CreatedPartner,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { pay } from '../../../test/money-builders.js';
import { signInAsNewStaff } from '../../../test/staff-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { runBillingDay } from '../billing/billing-run.js';
import type { HomeResponse } from './home.schemas.js';

/*
 * The home page on a small tree billed for one day: 3,000.00 a month in June is 100.00 an object-day.
 * Runner has 550.00 and two objects (350.00 left, 200.00 a day: 1 day), Steady 100,000.00 and one
 * object (999 days), Debtor nothing and one object (-100.00, blocked for debt); the foreign dealer's
 * contract has a payment of 10.00 and nothing billed.
 */
const { context, root } = useTestAppAsRoot();
let dealer: CreatedPartner;
let foreign: CreatedPartner;
const ids = { runner: 0, steady: 0, debtor: 0, foreignContract: 0 };

beforeAll(async () => {
  const db = context.database.db;
  dealer = await createPartner(root, { name: unique('Home Dealer ') });
  foreign = await createPartner(root, { name: unique('Foreign Dealer ') });
  const tariffId = await insertPricedTariff(db, '3000.00');
  const runner = await createContract(root, dealer.id, { name: 'Runner' });
  const steady = await createContract(root, dealer.id, { name: 'Steady' });
  const debtor = await createContract(root, dealer.id, { name: 'Debtor' });
  const foreignContract = await createContract(root, foreign.id, { name: 'Elsewhere' });
  Object.assign(ids, {
    runner: runner.id,
    steady: steady.id,
    debtor: debtor.id,
    foreignContract: foreignContract.id,
  });
  for (const contractId of [runner.id, runner.id, steady.id, debtor.id]) {
    await insertBillingObject(db, contractId, { tariffId, activeFrom: '2025-06-01' });
  }
  await pay(root, { contractId: runner.id }, '550.00');
  await pay(root, { contractId: steady.id }, '100000.00');
  await pay(root, { contractId: foreignContract.id }, '10.00');
  await runBillingDay(db, { day: '2025-06-10', trigger: 'cli' });
});

const home = async (client: TestClient) => expectStatus<HomeResponse>(await client.get('/api/v1/home'), 200);

describe('the home page', () => {
  it("tells a partner's administrator what needs attention in its subtree only", async () => {
    const admin = await signInAsPartner(context.app, dealer);
    const answer = await home(admin);
    const partner = { id: dealer.id, name: dealer.name };
    expect(answer.counts).toEqual({ partners: 0, contracts: 3, objects: 4, users: 0 });
    expect(answer.debtBlocked).toEqual({
      total: 1,
      items: [
        {
          id: ids.debtor,
          name: 'Debtor',
          partner,
          currency: 'RUB',
          balance: '-100.00',
          dailyCharge: null,
          daysLeft: null,
        },
      ],
    });
    expect(answer.runningOut).toEqual({
      total: 1,
      thresholdDays: 14,
      chargedOn: '2025-06-10',
      items: [
        {
          id: ids.runner,
          name: 'Runner',
          partner,
          currency: 'RUB',
          balance: '350.00',
          dailyCharge: '200.00',
          daysLeft: 1,
        },
      ],
    });
    expect(answer.balances).toEqual([
      { currency: 'RUB', balance: '100150.00', debt: '-100.00', contractsInDebt: 1 },
    ]);
    expect(answer.recentPayments?.map((payment) => [payment.contract?.name, payment.amount])).toEqual([
      ['Steady', '100000.00'],
      ['Runner', '550.00'],
    ]);
    // The billing run is the platform's.
    expect(answer.lastBillingRun).toBeNull();
  });

  it('shows the super administrator the whole platform and the last billing run', async () => {
    const answer = await home(root);
    expect(answer.counts).toEqual({ partners: 2, contracts: 4, objects: 4, users: 0 });
    expect(answer.debtBlocked?.total).toBe(1);
    expect(answer.balances).toEqual([
      { currency: 'RUB', balance: '100160.00', debt: '-100.00', contractsInDebt: 1 },
    ]);
    expect(answer.recentPayments?.map((payment) => payment.contract?.id)).toEqual([
      ids.foreignContract,
      ids.steady,
      ids.runner,
    ]);
    expect(answer.lastBillingRun).toMatchObject({
      day: '2025-06-10',
      status: 'completed',
      objectsCharged: 4,
    });
  });

  it("leaves out what a staff user's rights do not cover", async () => {
    const { client } = await signInAsNewStaff(context.app, root, dealer.id, ['contracts:read']);
    const answer = await home(client);
    expect(answer.counts).toEqual({ partners: null, contracts: 3, objects: null, users: null });
    expect(answer.debtBlocked?.total).toBe(1);
    expect(answer.runningOut?.total).toBe(1);
    expect(answer.balances).toBeNull();
    expect(answer.recentPayments).toBeNull();
    expect(answer.lastBillingRun).toBeNull();
  });
});
