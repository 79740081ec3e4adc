import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createPortalUser,
  createSuperAdmin,
  PORTAL_PASSWORD,
  type CreatedPartner,
  type ContractResponseBody,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { apiBalanceOf, correct, pay, writeOff } from '../../../test/money-builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { expectLedgerConsistent } from '../../../test/ledger-checks.js';

let context: TestContext;
let root: TestClient;
let dealer: CreatedPartner;

beforeAll(async () => {
  context = await createTestApp();
  root = await createSuperAdmin(context.app, context.database.db);
  dealer = await createPartner(root);
});
afterAll(() => context.close());

const contractOf = async (id: number) =>
  expectStatus<ContractResponseBody>(await root.get(`/api/v1/contracts/${id}`), 200);
const isDebtBlocked = async (id: number) => (await contractOf(id)).debtBlocked;

async function historyOf(id: number) {
  const history = expectStatus<{
    items: { action: string; changes: { field: string; oldValue: unknown; newValue: unknown }[] }[];
  }>(await root.get(`/api/v1/contracts/${id}/history`), 200);
  return history.items;
}

const portalLogin = (login: string) =>
  context.app.inject({
    method: 'POST',
    url: '/api/v1/portal/login',
    payload: { login, password: PORTAL_PASSWORD },
  });

describe('blocking for debt by account type', () => {
  it('prepayment: a write-off below zero blocks, a payment back to zero unblocks, both in the history', async () => {
    const contract = await createContract(root, dealer.id, { accountType: 'prepayment' });
    await pay(root, { contractId: contract.id }, '100');
    await writeOff(root, { contractId: contract.id }, '100');
    expect(await isDebtBlocked(contract.id)).toBe(false);
    await writeOff(root, { contractId: contract.id }, '0.01');
    expect(await contractOf(contract.id)).toMatchObject({
      debtBlocked: true,
      blocked: false,
      balance: '-0.01',
    });
    expect((await apiBalanceOf(root, 'contracts', contract.id)).debtBlocked).toBe(true);
    await pay(root, { contractId: contract.id }, '0.01');
    expect(await contractOf(contract.id)).toMatchObject({ debtBlocked: false, balance: '0.00' });

    const history = await historyOf(contract.id);
    expect(history.map((item) => item.action).slice(0, 2)).toEqual([
      'unblocked_after_payment',
      'blocked_for_debt',
    ]);
    expect(history[1]?.changes).toEqual([{ field: 'debtBlocked', oldValue: false, newValue: true }]);
    expect(history[0]?.changes).toEqual([{ field: 'debtBlocked', oldValue: true, newValue: false }]);
  });

  it('postpayment (light): blocked when the debt reaches exactly the limit, not before', async () => {
    const contract = await createContract(root, dealer.id, {
      accountType: 'postpayment_light',
      blockingLimit: '500',
    });
    await writeOff(root, { contractId: contract.id }, '499.99');
    expect(await isDebtBlocked(contract.id)).toBe(false);
    await writeOff(root, { contractId: contract.id }, '0.01');
    expect(await isDebtBlocked(contract.id)).toBe(true);
    // A payment that leaves a debt below the limit unblocks; it need not settle it all.
    await pay(root, { contractId: contract.id }, '0.01');
    expect(await contractOf(contract.id)).toMatchObject({ debtBlocked: false, balance: '-499.99' });
  });

  it('postpayment: never blocked for debt', async () => {
    const contract = await createContract(root, dealer.id, { accountType: 'postpayment' });
    await writeOff(root, { contractId: contract.id }, '1000000');
    expect(await contractOf(contract.id)).toMatchObject({ debtBlocked: false, balance: '-1000000.00' });
  });

  it('a correction of a payment blocks, and its correction cannot be corrected back', async () => {
    const contract = await createContract(root, dealer.id);
    const payment = await pay(root, { contractId: contract.id }, '50');
    await writeOff(root, { contractId: contract.id }, '30');
    await correct(root, payment.id);
    expect(await contractOf(contract.id)).toMatchObject({ debtBlocked: true, balance: '-30.00' });
  });

  it('a change of account type or limit applies the rule of the new type at once', async () => {
    const contract = await createContract(root, dealer.id, { accountType: 'postpayment' });
    await writeOff(root, { contractId: contract.id }, '200');
    let current = await contractOf(contract.id);
    expect(current.debtBlocked).toBe(false);
    current = expectStatus<ContractResponseBody>(
      await root.patch(`/api/v1/contracts/${contract.id}`, {
        version: current.version,
        accountType: 'postpayment_light',
        blockingLimit: '300',
      }),
      200,
    );
    expect(current.debtBlocked).toBe(false);
    current = expectStatus<ContractResponseBody>(
      await root.patch(`/api/v1/contracts/${contract.id}`, {
        version: current.version,
        blockingLimit: '200',
      }),
      200,
    );
    expect(current.debtBlocked).toBe(true);
    current = expectStatus<ContractResponseBody>(
      await root.patch(`/api/v1/contracts/${contract.id}`, {
        version: current.version,
        accountType: 'postpayment',
      }),
      200,
    );
    expect(current.debtBlocked).toBe(false);
  });

  it('lists and filters contracts blocked for debt', async () => {
    const partner = await createPartner(root);
    const blocked = await createContract(root, partner.id, { name: 'Owes' });
    await createContract(root, partner.id, { name: 'Fine' });
    await writeOff(root, { contractId: blocked.id }, '1');
    const list = expectStatus<{ items: { name: string; debtBlocked: boolean; balance: string }[] }>(
      await root.get(`/api/v1/contracts?partnerId=${partner.id}&sort=name`),
      200,
    );
    expect(list.items.map((item) => [item.name, item.debtBlocked, item.balance])).toEqual([
      ['Fine', false, '0.00'],
      ['Owes', true, '-1.00'],
    ]);
    const filtered = expectStatus<{ items: { name: string }[]; total: number }>(
      await root.get(`/api/v1/contracts?partnerId=${partner.id}&debtBlocked=true`),
      200,
    );
    expect(filtered).toMatchObject({ total: 1, items: [{ name: 'Owes' }] });
  });
});

describe('the portal login of a contract blocked for debt', () => {
  it('is refused with contract_blocked, and let in again after the payment', async () => {
    const contract = await createContract(root, dealer.id);
    const user = await createPortalUser(root, contract.id);
    expect((await portalLogin(String(user.login))).statusCode).toBe(200);
    await writeOff(root, { contractId: contract.id }, '10');
    const refused = await portalLogin(String(user.login));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'contract_blocked' });
    await pay(root, { contractId: contract.id }, '10');
    expect((await portalLogin(String(user.login))).statusCode).toBe(200);
  });
});

describe('the ledger after all of the above', () => {
  it('holds its invariants', async () => {
    await expectLedgerConsistent(context.database.db);
  });
});
