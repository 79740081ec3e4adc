import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  signInAsPartner,
  type CreatedPartner,
} from '../../../test/builders.js';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  apiBalanceOf,
  correct,
  moneyRequest,
  newIdempotencyKey,
  pay,
  writeOff,
  type TransferBody,
} from '../../../test/money-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { expectLedgerConsistent } from '../../../test/ledger-checks.js';
import { today } from '../../lib/clock.js';

const { context, root } = useTestAppAsRoot({ rootLogin: 'finance.root' });
let dealer: CreatedPartner;
let subDealer: CreatedPartner;
let foreign: CreatedPartner;
let dealerAdmin: TestClient;

beforeAll(async () => {
  dealer = await createPartner(root, { name: 'Dealer' });
  subDealer = await createPartner(root, { name: 'Sub-dealer', parentId: dealer.id });
  foreign = await createPartner(root, { name: 'Foreign' });
  dealerAdmin = await signInAsPartner(context.app, dealer);
});

/** The owners of a transfer's two accounts, as "type:id:kind" ("platform::funds" for the platform). */
async function sidesOf(transferId: number) {
  const row = await sql<{ debit: string; credit: string }>`
    select concat_ws(':', d.owner_type, coalesce(d.owner_id::text, ''), d.kind) as debit,
           concat_ws(':', c.owner_type, coalesce(c.owner_id::text, ''), c.kind) as credit
      from ledger_transfers t
      join ledger_accounts d on d.id = t.debit_account_id
      join ledger_accounts c on c.id = t.credit_account_id
     where t.id = ${transferId}`.execute(context.database.db);
  return row.rows[0];
}

async function transferCount() {
  const row = await sql<{ n: number }>`select count(*)::int8 as n from ledger_transfers`.execute(
    context.database.db,
  );
  return Number(row.rows[0]!.n);
}

describe('payments', () => {
  it("credits a contract's balance from its partner's funds and answers the transfer", async () => {
    const contract = await createContract(root, dealer.id, { name: 'Cargo' });
    const response = await moneyRequest(root, 'payments', {
      contractId: contract.id,
      amount: '1500.5',
      valueDate: '2026-01-15',
      comment: '  Bank transfer #7 ',
    });
    const transfer = expectStatus<TransferBody>(response, 201);
    expect(response.headers['idempotent-replayed']).toBe('false');
    expect(transfer).toEqual({
      id: expect.any(Number),
      kind: 'payment',
      currency: 'RUB',
      amount: '1500.50',
      signedAmount: null,
      partnerId: dealer.id,
      partnerName: 'Dealer',
      contractId: contract.id,
      contractName: 'Cargo',
      objectId: null,
      objectName: null,
      quantity: null,
      unitAmount: null,
      level: null,
      chargeDay: null,
      tariffId: null,
      valueDate: '2026-01-15',
      reversesId: null,
      reversedById: null,
      comment: 'Bank transfer #7',
      actorLogin: 'finance.root',
      createdAt: expect.any(String),
    });
    expect(await sidesOf(transfer.id)).toEqual({
      debit: `partner:${dealer.id}:funds`,
      credit: `contract:${contract.id}:balance`,
    });
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('1500.50');
    const card = expectStatus<{ balance: string }>(await root.get(`/api/v1/contracts/${contract.id}`), 200);
    expect(card.balance).toBe('1500.50');
  });

  it("pays a partner from its parent's funds, a top-level partner from the platform's", async () => {
    const sub = await pay(root, { partnerId: subDealer.id }, '200');
    expect(sub).toMatchObject({
      kind: 'payment',
      partnerId: subDealer.id,
      contractId: null,
      valueDate: today(),
    });
    expect(await sidesOf(sub.id)).toEqual({
      debit: `partner:${dealer.id}:funds`,
      credit: `partner:${subDealer.id}:balance`,
    });
    const top = await pay(root, { partnerId: foreign.id }, '300.25');
    expect(await sidesOf(top.id)).toEqual({
      debit: 'platform::funds',
      credit: `partner:${foreign.id}:balance`,
    });
    const partners = expectStatus<{ items: { id: number; balance: string }[] }>(
      await root.get(`/api/v1/partners?id=${foreign.id}`),
      200,
    );
    expect(partners.items[0]?.balance).toBe('300.25');
    expect((await apiBalanceOf(root, 'partners', foreign.id)).balance).toBe('300.25');
  });

  it('refuses bad amounts, dates and targets, naming the field in both languages', async () => {
    const contract = await createContract(root, dealer.id);
    const codes = async (body: Record<string, unknown>) =>
      fieldCodes(await moneyRequest(root, 'payments', body));
    expect(await codes({ contractId: contract.id, amount: '0' })).toEqual(['amount:amount_not_positive']);
    expect(await codes({ contractId: contract.id, amount: '0.00' })).toEqual(['amount:amount_not_positive']);
    expect(await codes({ contractId: contract.id, amount: '-5' })).toEqual(['amount:amount_negative']);
    expect(await codes({ contractId: contract.id, amount: '1.005' })).toEqual(['amount:amount_scale']);
    expect(await codes({ contractId: contract.id, amount: '1e3' })).toEqual(['amount:amount_invalid']);
    expect(await codes({ contractId: contract.id, amount: '12345678901234567' })).toEqual([
      'amount:amount_too_large',
    ]);
    expect(await codes({ contractId: contract.id, amount: 10.5 })).toEqual(['amount:type']);
    expect(await codes({ amount: '10' })).toEqual(['contractId:target_required']);
    expect(await codes({ contractId: contract.id, partnerId: subDealer.id, amount: '10' })).toEqual([
      'partnerId:target_ambiguous',
    ]);
    expect(await codes({ contractId: contract.id, amount: '10', valueDate: '2999-01-01' })).toEqual([
      'valueDate:value_date_future',
    ]);
    expect(await codes({ contractId: contract.id, amount: '10', comment: 'x'.repeat(501) })).toEqual([
      'comment:too_long',
    ]);

    const ru = await moneyRequest(root.inLocale('ru'), 'payments', { contractId: contract.id, amount: '0' });
    expect(ru.json<{ errors: unknown[] }>().errors).toEqual([
      { field: 'amount', code: 'amount_not_positive', message: 'Поле «Сумма» должно быть больше нуля' },
    ]);
    const en = await moneyRequest(root, 'payments', {
      contractId: contract.id,
      amount: '10',
      valueDate: '2999-01-01',
    });
    expect(en.json<{ errors: unknown[] }>().errors).toEqual([
      { field: 'valueDate', code: 'value_date_future', message: 'Date cannot be in the future' },
    ]);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('0.00');
  });

  it('holds any number of the largest amounts: a balance is exact and never overflows', async () => {
    // A partner of its own, so that its funds account (the other side) starts at zero too.
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id);
    const largest = '9999999999999999.99';
    for (let paid = 0; paid < 120; paid += 1) {
      const response = await moneyRequest(root, 'payments', { contractId: contract.id, amount: largest });
      expect(response.statusCode, response.body).toBe(201);
    }
    // 120 × 9,999,999,999,999,999.99: beyond what numeric(20, 2) would hold, exact to the kopeck.
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('1199999999999999998.80');
  });

  it('refuses an archived contract with 409 archived', async () => {
    const contract = await createContract(root, dealer.id);
    expectStatus(await root.delete(`/api/v1/contracts/${contract.id}`), 200);
    const response = await moneyRequest(root, 'payments', { contractId: contract.id, amount: '10' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'archived' });
  });
});

describe('idempotency keys', () => {
  it('replays the first answer for a retry with the same key and body, and moves money once', async () => {
    const contract = await createContract(root, dealer.id);
    const key = newIdempotencyKey();
    const body = { contractId: contract.id, amount: '100.00', comment: 'Cash' };
    const first = await moneyRequest(root, 'payments', body, key);
    expect(first.statusCode).toBe(201);
    const before = await transferCount();
    // The same body with its keys in another order is the same request.
    const retry = await moneyRequest(
      root,
      'payments',
      { comment: 'Cash', amount: '100.00', contractId: contract.id },
      key,
    );
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expect(await transferCount()).toBe(before);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('100.00');
  });

  it('answers 422 idempotency_key_reused for the same key with another body', async () => {
    const contract = await createContract(root, dealer.id);
    const key = newIdempotencyKey();
    expectStatus(
      await moneyRequest(root, 'payments', { contractId: contract.id, amount: '100.00' }, key),
      201,
    );
    const other = await moneyRequest(root, 'payments', { contractId: contract.id, amount: '100.01' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused', status: 422 });
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('100.00');
  });

  it('scopes a key to its user and endpoint', async () => {
    const contract = await createContract(root, dealer.id);
    const key = newIdempotencyKey();
    const body = { contractId: contract.id, amount: '40.00' };
    const payment = expectStatus<TransferBody>(await moneyRequest(root, 'payments', body, key), 201);
    const writeOffAnswer = expectStatus<TransferBody>(await moneyRequest(root, 'write-offs', body, key), 201);
    expect(writeOffAnswer.id).not.toBe(payment.id);
    const byAdmin = expectStatus<TransferBody>(await moneyRequest(dealerAdmin, 'payments', body, key), 201);
    expect(byAdmin.id).not.toBe(payment.id);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('40.00');
  });

  it('keeps no key for a refused request: corrected, it goes through with the same key', async () => {
    const contract = await createContract(root, dealer.id);
    const key = newIdempotencyKey();
    const refused = await moneyRequest(root, 'payments', { contractId: contract.id, amount: '0' }, key);
    expect(refused.statusCode).toBe(400);
    const missing = await moneyRequest(root, 'payments', { contractId: 999999, amount: '5' }, key);
    expect(missing.statusCode).toBe(404);
    expectStatus(await moneyRequest(root, 'payments', { contractId: contract.id, amount: '5' }, key), 201);
  });

  it('requires the header: 1-200 visible ASCII characters', async () => {
    const contract = await createContract(root, dealer.id);
    const body = { contractId: contract.id, amount: '5' };
    expect(fieldCodes(await moneyRequest(root, 'payments', body, null))).toEqual(['idempotencyKey:required']);
    for (const bad of ['x'.repeat(201), 'has space', 'ключ']) {
      const response = await moneyRequest(root, 'payments', body, bad);
      expect(fieldCodes(response), bad).toEqual(['idempotencyKey:idempotency_key_format']);
    }
    expectStatus(await moneyRequest(root, 'payments', body, 'k'.repeat(200)), 201);
    const ru = await moneyRequest(root.inLocale('ru'), 'payments', body, null);
    expect(ru.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe(
      'Поле «Idempotency-Key (ключ идемпотентности)» обязательно',
    );
  });

  it('gives two concurrent identical requests one transfer and the same answer', async () => {
    const contract = await createContract(root, dealer.id);
    const key = newIdempotencyKey();
    const body = { contractId: contract.id, amount: '77.70' };
    const answers = await Promise.all([
      moneyRequest(root, 'payments', body, key),
      moneyRequest(root, 'payments', body, key),
      moneyRequest(root, 'payments', body, key),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.json<TransferBody>().id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'false')).toHaveLength(1);
    const rows = await sql<{ n: number }>`
      select count(*)::int8 as n from ledger_transfers where contract_id = ${contract.id}`.execute(
      context.database.db,
    );
    expect(Number(rows.rows[0]!.n)).toBe(1);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('77.70');
  });

  it('gives two concurrent different bodies with one key one transfer and one 422', async () => {
    const contract = await createContract(root, dealer.id);
    const key = newIdempotencyKey();
    const answers = await Promise.all([
      moneyRequest(root, 'payments', { contractId: contract.id, amount: '1.00' }, key),
      moneyRequest(root, 'payments', { contractId: contract.id, amount: '2.00' }, key),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 422]);
    const winner = answers.find((answer) => answer.statusCode === 201)!.json<TransferBody>();
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe(winner.amount);
  });
});

describe('write-offs', () => {
  it("debits a contract's balance into its partner's revenue", async () => {
    const contract = await createContract(root, dealer.id);
    await pay(root, { contractId: contract.id }, '100');
    const transfer = await writeOff(root, { contractId: contract.id }, '30.10', { comment: 'Penalty' });
    expect(transfer).toMatchObject({ kind: 'write_off', amount: '30.10', comment: 'Penalty' });
    expect(await sidesOf(transfer.id)).toEqual({
      debit: `contract:${contract.id}:balance`,
      credit: `partner:${dealer.id}:revenue`,
    });
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('69.90');
  });

  it("debits a partner's balance into its parent's (or the platform's) revenue", async () => {
    const sub = await writeOff(root, { partnerId: subDealer.id }, '5');
    expect(await sidesOf(sub.id)).toEqual({
      debit: `partner:${subDealer.id}:balance`,
      credit: `partner:${dealer.id}:revenue`,
    });
    const top = await writeOff(root, { partnerId: dealer.id }, '5');
    expect(await sidesOf(top.id)).toEqual({
      debit: `partner:${dealer.id}:balance`,
      credit: 'platform::revenue',
    });
  });
});

describe('corrections', () => {
  it('reverses a transfer once: same amount, sides swapped, linked both ways', async () => {
    const contract = await createContract(root, dealer.id);
    const payment = await pay(root, { contractId: contract.id }, '250');
    const correction = await correct(root, payment.id, '  Wrong contract ');
    expect(correction).toMatchObject({
      kind: 'correction',
      amount: '250.00',
      currency: 'RUB',
      partnerId: dealer.id,
      contractId: contract.id,
      reversesId: payment.id,
      reversedById: null,
      comment: 'Wrong contract',
      valueDate: today(),
    });
    expect(await sidesOf(correction.id)).toEqual({
      debit: `contract:${contract.id}:balance`,
      credit: `partner:${dealer.id}:funds`,
    });
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('0.00');
    const list = expectStatus<{ items: TransferBody[] }>(
      await root.get(`/api/v1/finance/transactions?contractId=${contract.id}&sort=createdAt&order=asc`),
      200,
    );
    expect(
      list.items.map((item) => [item.kind, item.reversesId, item.reversedById, item.signedAmount]),
    ).toEqual([
      ['payment', null, correction.id, '250.00'],
      ['correction', payment.id, null, '-250.00'],
    ]);

    const again = await moneyRequest(root, 'corrections', { transferId: payment.id, comment: 'again' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_reversed' });
    const ofCorrection = await moneyRequest(root, 'corrections', { transferId: correction.id, comment: 'x' });
    expect(ofCorrection.statusCode).toBe(409);
    expect(ofCorrection.json()).toMatchObject({ code: 'correction_of_correction' });
  });

  it('needs a comment, and a transfer that exists for the caller', async () => {
    const contract = await createContract(root, dealer.id);
    const payment = await pay(root, { contractId: contract.id }, '10');
    expect(
      fieldCodes(await moneyRequest(root, 'corrections', { transferId: payment.id, comment: '  ' })),
    ).toEqual(['comment:required']);
    expect(fieldCodes(await moneyRequest(root, 'corrections', { transferId: payment.id }))).toEqual([
      'comment:required',
    ]);
    const missing = await moneyRequest(root, 'corrections', { transferId: 99999999, comment: 'x' });
    expect(missing.statusCode).toBe(404);
  });

  it('lets only one of two concurrent corrections of a transfer through', async () => {
    const contract = await createContract(root, dealer.id);
    const payment = await pay(root, { contractId: contract.id }, '10');
    const answers = await Promise.all([
      moneyRequest(root, 'corrections', { transferId: payment.id, comment: 'one' }),
      moneyRequest(root, 'corrections', { transferId: payment.id, comment: 'two' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect((await apiBalanceOf(root, 'contracts', contract.id)).balance).toBe('0.00');
  });
});

describe('scoping', () => {
  it('lets a partner administrator move money of its contracts and sub-partners', async () => {
    const own = await createContract(root, dealer.id);
    const subContract = await createContract(root, subDealer.id);
    const payment = await pay(dealerAdmin, { contractId: own.id }, '10');
    expect(payment.actorLogin).toBe(dealer.login);
    await pay(dealerAdmin, { contractId: subContract.id }, '20');
    await writeOff(dealerAdmin, { partnerId: subDealer.id }, '1');
    await correct(dealerAdmin, payment.id);
  });

  it("answers 404 for its own partner's balance, a foreign contract, partner or transfer", async () => {
    const foreignContract = await createContract(root, foreign.id);
    const expectNotFound = async (response: Awaited<ReturnType<typeof moneyRequest>>) => {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    };
    for (const endpoint of ['payments', 'write-offs'] as const) {
      await expectNotFound(await moneyRequest(dealerAdmin, endpoint, { partnerId: dealer.id, amount: '1' }));
      await expectNotFound(await moneyRequest(dealerAdmin, endpoint, { partnerId: foreign.id, amount: '1' }));
      await expectNotFound(
        await moneyRequest(dealerAdmin, endpoint, { contractId: foreignContract.id, amount: '1' }),
      );
    }
    // A transfer of its own balance (made by its parent) or of a foreign tree cannot be corrected either.
    const ownBalance = await pay(root, { partnerId: dealer.id }, '10');
    await expectNotFound(
      await moneyRequest(dealerAdmin, 'corrections', { transferId: ownBalance.id, comment: 'x' }),
    );
    const foreignPayment = await pay(root, { contractId: foreignContract.id }, '10');
    await expectNotFound(
      await moneyRequest(dealerAdmin, 'corrections', { transferId: foreignPayment.id, comment: 'x' }),
    );
    const subAdmin = await signInAsPartner(context.app, subDealer);
    await expectNotFound(await moneyRequest(subAdmin, 'payments', { partnerId: subDealer.id, amount: '1' }));
    expect((await apiBalanceOf(root, 'partners', foreign.id)).balance).toBe('300.25');
  });

  it('needs a session', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/finance/payments',
      payload: { partnerId: subDealer.id, amount: '1' },
      headers: { 'idempotency-key': 'anonymous' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('the ledger after all of the above', () => {
  it('holds its invariants', async () => {
    await expectLedgerConsistent(context.database.db);
  });
});
