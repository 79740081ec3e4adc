import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createSuperAdmin,
  partnerInput,
  signInAsPartner,
  unique,
  type PartnerResponseBody,
  type CreatedPartner,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { apiBalanceOf, moneyRequest, writeOff, type TransferBody } from '../../../test/money-builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { expectLedgerConsistent } from '../../../test/ledger-checks.js';

let context: TestContext;
let root: TestClient;
let dealer: CreatedPartner;

beforeAll(async () => {
  context = await createTestApp();
  root = await createSuperAdmin(context.app, context.database.db, 'deposits.root');
  dealer = await createPartner(root, { name: 'Dealer' });
});
afterAll(() => context.close());

/** The deposit transfers of a contract or partner, oldest first, with the owners of their sides. */
async function depositsOf(owner: { contractId: number } | { partnerId: number }) {
  const where =
    'contractId' in owner
      ? sql`t.contract_id = ${owner.contractId}`
      : sql`t.partner_id = ${owner.partnerId} and t.contract_id is null`;
  const rows = await sql<{ amount: string; debit: string; credit: string; comment: string }>`
    select t.amount::text as amount, t.comment,
           concat_ws(':', d.owner_type, coalesce(d.owner_id::text, ''), d.kind) as debit,
           concat_ws(':', c.owner_type, coalesce(c.owner_id::text, ''), c.kind) as credit
      from ledger_transfers t
      join ledger_accounts d on d.id = t.debit_account_id
      join ledger_accounts c on c.id = t.credit_account_id
     where t.kind = 'deposit' and ${where}
     order by t.id`.execute(context.database.db);
  return rows.rows;
}

async function patchContract(id: number, fields: Record<string, unknown>) {
  const current = expectStatus<{ version: number }>(await root.get(`/api/v1/contracts/${id}`), 200);
  return root.patch(`/api/v1/contracts/${id}`, { version: current.version, ...fields });
}

async function patchPartner(client: TestClient, id: number, fields: Record<string, unknown>) {
  const current = expectStatus<{ version: number }>(await client.get(`/api/v1/partners/${id}`), 200);
  return client.patch(`/api/v1/partners/${id}`, { version: current.version, ...fields });
}

describe("a contract's Deposit", () => {
  it('is an advance payment on create, and its changes are recorded as differences', async () => {
    const contract = await createContract(root, dealer.id, { deposit: '1000' });
    const contractSide = `contract:${contract.id}:balance`;
    const funds = `partner:${dealer.id}:funds`;
    expect(await depositsOf({ contractId: contract.id })).toEqual([
      { amount: '1000.00', debit: funds, credit: contractSide, comment: '0.00 → 1000.00' },
    ]);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('1000.00');

    expectStatus(await patchContract(contract.id, { deposit: '1500.25' }), 200);
    expectStatus(await patchContract(contract.id, { deposit: '200' }), 200);
    expectStatus(await patchContract(contract.id, { deposit: '200.00', comment: 'same deposit' }), 200);
    expect(await depositsOf({ contractId: contract.id })).toEqual([
      { amount: '1000.00', debit: funds, credit: contractSide, comment: '0.00 → 1000.00' },
      { amount: '500.25', debit: funds, credit: contractSide, comment: '1000.00 → 1500.25' },
      { amount: '1300.25', debit: contractSide, credit: funds, comment: '1500.25 → 200.00' },
    ]);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('200.00');

    const transactions = expectStatus<{ items: TransferBody[] }>(
      await root.get(`/api/v1/finance/transactions?contractId=${contract.id}&kind=deposit&order=asc`),
      200,
    );
    expect(transactions.items.map((item) => [item.signedAmount, item.actorLogin])).toEqual([
      ['1000.00', 'deposits.root'],
      ['500.25', 'deposits.root'],
      ['-1300.25', 'deposits.root'],
    ]);
  });

  it('is changed on the form, never by a correction', async () => {
    const contract = await createContract(root, dealer.id, { deposit: '10' });
    const [deposit] = expectStatus<{ items: TransferBody[] }>(
      await root.get(`/api/v1/finance/transactions?contractId=${contract.id}`),
      200,
    ).items;
    const response = await moneyRequest(root, 'corrections', { transferId: deposit!.id, comment: 'x' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'correction_of_deposit' });
  });

  it('blocks a prepayment contract that a decrease leaves below zero', async () => {
    const contract = await createContract(root, dealer.id, { deposit: '100' });
    await writeOff(root, { contractId: contract.id }, '60');
    const updated = expectStatus<{ debtBlocked: boolean; balance: string }>(
      await patchContract(contract.id, { deposit: '0' }),
      200,
    );
    expect(updated).toMatchObject({ debtBlocked: true, balance: '-60.00' });
  });

  it('lands with the contract or not at all', async () => {
    const code1c = unique('DUP-');
    await createContract(root, dealer.id, { code1c });
    const duplicate = await root.post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: 'Second',
      currency: 'RUB',
      accountType: 'prepayment',
      code1c,
      deposit: '999',
    });
    expect(duplicate.statusCode).toBe(409);
    const rows = await sql<{ n: number }>`
      select count(*)::int8 as n from ledger_transfers where amount = 999`.execute(context.database.db);
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('is not copied by a clone', async () => {
    const contract = await createContract(root, dealer.id, { deposit: '300' });
    const clone = expectStatus<{ id: number; deposit: string; balance: string }>(
      await root.post(`/api/v1/contracts/${contract.id}/clone`),
      201,
    );
    expect(clone).toMatchObject({ deposit: '0.00', balance: '0.00' });
    expect(await depositsOf({ contractId: clone.id })).toEqual([]);
  });
});

describe("a partner's Deposit", () => {
  it("is paid from the platform's funds for a top-level partner, from the parent's for a sub-partner", async () => {
    const top = await createPartner(root, { deposit: '5000' });
    expect(await depositsOf({ partnerId: top.id })).toEqual([
      {
        amount: '5000.00',
        debit: 'platform::funds',
        credit: `partner:${top.id}:balance`,
        comment: '0.00 → 5000.00',
      },
    ]);
    const sub = await createPartner(root, { parentId: top.id, deposit: '70.5' });
    expect(await depositsOf({ partnerId: sub.id })).toEqual([
      {
        amount: '70.50',
        debit: `partner:${top.id}:funds`,
        credit: `partner:${sub.id}:balance`,
        comment: '0.00 → 70.50',
      },
    ]);
    expect((await apiBalanceOf(root, 'partners', sub.id)).balance).toBe('70.50');

    expectStatus(await patchPartner(root, sub.id, { deposit: '20' }), 200);
    expect((await depositsOf({ partnerId: sub.id }))[1]).toEqual({
      amount: '50.50',
      debit: `partner:${sub.id}:balance`,
      credit: `partner:${top.id}:funds`,
      comment: '70.50 → 20.00',
    });
    const card = expectStatus<{ balance: string; deposit: string }>(
      await root.get(`/api/v1/partners/${sub.id}`),
      200,
    );
    expect(card).toMatchObject({ balance: '20.00', deposit: '20.00' });
  });

  it("is its parent's business: a partner administrator sets its sub-partners', never its own", async () => {
    const top = await createPartner(root, { deposit: '10' });
    const admin = await signInAsPartner(context.app, top);
    const sub = expectStatus<PartnerResponseBody>(
      await admin.post('/api/v1/partners', partnerInput({ deposit: '15' })),
      201,
    );
    expect((await depositsOf({ partnerId: sub.id }))[0]?.debit).toBe(`partner:${top.id}:funds`);
    expectStatus(await patchPartner(admin, sub.id, { deposit: '25' }), 200);
    expect((await apiBalanceOf(admin, 'partners', sub.id)).balance).toBe('25.00');

    const own = await patchPartner(admin, top.id, { deposit: '1000000' });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'field_forbidden', errors: [{ field: 'deposit' }] });
    // Sent back as it was shown, it is accepted and dropped.
    expectStatus(await patchPartner(admin, top.id, { deposit: '10.00', comment: 'ok' }), 200);
    expect(await depositsOf({ partnerId: top.id })).toHaveLength(1);
    expect((await apiBalanceOf(admin, 'partners', top.id)).balance).toBe('10.00');
  });
});

describe('the ledger after all of the above', () => {
  it('holds its invariants', async () => {
    await expectLedgerConsistent(context.database.db);
  });
});
