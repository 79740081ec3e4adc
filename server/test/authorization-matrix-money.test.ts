import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/lib/clock.js';
import { createContract, createPartner, signInAsPartner, unique } from './builders.js';
import { expectStatus, TestClient } from './client.js';
import {
  api,
  checkMatrixCase,
  matrixCases,
  problemBody,
  recordRows,
  roleLabels,
  send,
  type MatrixRequest,
  type RecordRow,
  type RecordSet,
} from './authorization-harness.js';
import {
  adminOnlyEndpoints,
  missingMoneyRecords,
  moneyEndpointsWithoutRecord,
  moneyEndpointsWithRecord,
  month,
  nextRateDay,
  withKey,
  type MoneyRecords,
} from './authorization-endpoints-money.js';
import {
  correct,
  moneyRequest,
  newIdempotencyKey,
  pay,
  postCharge,
  type TransferBody,
} from './money-builders.js';
import { createTestApp, type TestContext } from './test-app.js';
import {
  buildWorld,
  clientOf,
  MISSING_ID,
  partnerKeys,
  type PartnerKey,
  type Role,
  type World,
} from './test-world.js';

/*
 * The authorisation matrix of the money endpoints (issue 5): payments, write-offs, corrections,
 * balances, statements, revenue, transactions, exchange rates and billing runs — every endpoint ×
 * every role × own, foreign and missing records, with exact statuses. A record outside the caller's
 * subtree is answered exactly as a record that does not exist (PRODUCT.md: 404, never 403, never a
 * leak), and so is a foreign id inside a body or a query (the contract or partner of a payment, the
 * transfer of a correction, the contract or partner of a statement). A partner's own balance is its
 * parent's business: its own people cannot move it (404, as if it were foreign), though they read it.
 * Billing runs and new exchange rates are the super administrator's: 403 for partner administrators.
 *
 * The test world (test-world.ts), and a sub-partner of each partner added here:
 *
 *   platform ─┬─ A (partner administrator) ─┬─ A1 (sub-partner administrator) ── A1 sub
 *             │                             ├─ A2 (A1's sibling) ── A2 sub
 *             │                             └─ A sub
 *             ├─ B (foreign tree) ── B sub
 *             │  └─ B2 (the super administrator's targets) ── B2 sub
 *             └─ C (blocked after its administrator signed in) ── C sub
 *
 * Every partner has a sub-partner (whose balance it may move), a contract with an object (the
 * world's), a payment into the contract and a charge of the object (to correct).
 */

/** Records of a partner's own balance, which its own people may read but never move. */
type OwnBalanceSet = 'ownBalanceA' | 'ownBalanceA1' | 'parentBalanceA';

/** A day long past, for the charges posted here: the billing runs of this file bill today only. */
const CHARGE_DAY = '2025-03-14';

let context: TestContext;
let world: World;
let root: TestClient;
let sessions: World['sessions'];
let partners: World['partners'];
let billingRunId: number;
const recordSets = {} as Record<RecordSet | OwnBalanceSet, MoneyRecords>;
/** Names of a tree's partners and contracts: what must never reach another tree. */
const namesOf = {} as Record<PartnerKey, string[]>;
/** Objects by partner, to post charges of. */
const objectsOf = {} as Record<PartnerKey, { contractId: number; objectId: number }>;

/** Adds to a partner's contract and object of the world the money records this matrix acts on. */
async function buildRecords(world: World, key: PartnerKey): Promise<MoneyRecords> {
  const { root } = world;
  const client = world.builderOf[key];
  const partnerId = world.partners[key].id;
  const payee = await createPartner(client, { name: unique(`Sub of ${key} `), parentId: partnerId });
  const [contract, object] = [world.contracts[key], world.objects[key]];
  namesOf[key] = [world.partners[key].name, payee.name, contract.name];
  objectsOf[key] = { contractId: contract.id, objectId: object.id };
  const payment = await pay(root, { contractId: contract.id }, '100.00', { comment: `Paid for ${key}` });
  const charge = await postCharge(world.context.database.db, {
    objectId: object.id,
    contractId: contract.id,
    partnerId,
    level: 0,
    day: CHARGE_DAY,
    amount: '10.00',
  });
  const archivedContract = await createContract(client, partnerId);
  expectStatus(await client.delete(api(`/contracts/${archivedContract.id}`)), 200);
  const archivedPayee = await createPartner(client, { parentId: partnerId });
  expectStatus(await client.delete(api(`/partners/${archivedPayee.id}`)), 200);
  const reversed = await pay(root, { contractId: contract.id }, '1.00');
  const correction = await correct(root, reversed.id);
  return {
    partner: partnerId,
    payee: payee.id,
    contract: contract.id,
    transfer: payment.id,
    charge,
    archivedContract: archivedContract.id,
    archivedPayee: archivedPayee.id,
    reversed: reversed.id,
    correction: correction.id,
  };
}

/** The records of partners' own balances, and a billing run, made while C is still open. */
async function buildMoneyWorld(open: World) {
  const { root } = open;
  const { db } = open.context.database;
  const built = {} as Record<PartnerKey, MoneyRecords>;
  for (const key of partnerKeys) built[key] = await buildRecords(open, key);
  Object.assign(recordSets, {
    ownA: built.A,
    ownA1: built.A1,
    // What A1 must not see of its parent: A itself, A's payments and charges, not only its sibling's.
    parentTreeA: {
      ...built.A2,
      partner: open.partners.A.id,
      transfer: (await pay(root, { contractId: objectsOf.A.contractId }, '5.00')).id,
    },
    foreignB: built.B,
    platform: built.B2,
    blockedC: built.C,
  } satisfies Record<RecordSet, MoneyRecords>);

  // A's own balance with the platform, and A1's with A: moved by the parent, never by themselves.
  const { A, A1, B } = open.partners;
  const intoA = await pay(root, { partnerId: A.id }, '500.00');
  const intoA1 = await pay(open.sessions.partnerAdmin, { partnerId: A1.id }, '300.00');
  const chargeOfA = await postCharge(db, {
    ...objectsOf.A,
    partnerId: A.id,
    level: 1,
    day: CHARGE_DAY,
    amount: '7.00',
  });
  const chargeOfA1 = await postCharge(db, {
    ...objectsOf.A1,
    partnerId: A1.id,
    level: 2,
    day: CHARGE_DAY,
    amount: '3.00',
  });
  const ownBalance = (partnerId: number, transfer: number, charge: number): MoneyRecords => ({
    ...missingMoneyRecords,
    partner: partnerId,
    payee: partnerId,
    transfer,
    charge,
  });
  recordSets.ownBalanceA = ownBalance(A.id, intoA.id, chargeOfA);
  recordSets.ownBalanceA1 = ownBalance(A1.id, intoA1.id, chargeOfA1);
  const intoAAgain = await pay(root, { partnerId: A.id }, '50.00');
  await pay(root, { partnerId: B.id }, '20.00');
  recordSets.parentBalanceA = ownBalance(A.id, intoAAgain.id, chargeOfA);

  const run = expectStatus<{ runs: { id: number }[] }>(
    await root.post(api('/billing/runs'), { day: today() }),
    201,
  );
  billingRunId = run.runs[0]!.id;
}

beforeAll(async () => {
  context = await createTestApp();
  world = await buildWorld(context, { beforeBlockingC: buildMoneyWorld });
  ({ root, sessions, partners } = world);
});

afterAll(() => context.close());

/* ------------------------------------------------------------------------------------------------ */
/* The matrix                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

const matrix = matrixCases(
  moneyEndpointsWithoutRecord,
  moneyEndpointsWithRecord,
  recordRows({ own: 'own records', parentTree: "its parent's and its sibling's records" }),
);

describe('authorisation matrix of payments, write-offs, corrections, balances, statements and revenue', () => {
  it.each(matrix)('$title', async (matrixCase) => {
    const response = await checkMatrixCase(world, matrixCase, (set) => recordSets[set], missingMoneyRecords);
    const { endpoint } = matrixCase;
    if (matrixCase.expect === 'allowed' && endpoint.allowedCode !== undefined) {
      expect(response.json()).toMatchObject({ code: endpoint.allowedCode, status: endpoint.allowed });
    }
  });
});

/*
 * A partner's own balance (with its parent) is shown to its own people — the matrix above reads it —
 * but moving it is its parent's business: a payment into it, a write-off from it, the correction of a
 * payment into it or of a charge on it is answered as for a partner or transfer that does not exist.
 */
const ownBalanceEndpoints = moneyEndpointsWithRecord.filter((endpoint) =>
  [
    'POST /finance/payments (partnerId)',
    'POST /finance/write-offs (partnerId)',
    'POST /finance/corrections (a payment)',
    'POST /finance/corrections (a charge)',
  ].includes(endpoint.name),
);

const ownBalanceRows: RecordRow<OwnBalanceSet>[] = [
  {
    role: 'partnerAdmin',
    records: 'ownBalanceA',
    expect: 'not_found',
    label: "its own partner A's balance",
  },
  {
    role: 'subPartnerAdmin',
    records: 'ownBalanceA1',
    expect: 'not_found',
    label: "its own partner A1's balance",
  },
  {
    role: 'subPartnerAdmin',
    records: 'parentBalanceA',
    expect: 'not_found',
    label: "its parent A's balance",
  },
];

describe("a partner's own balance is its parent's business", () => {
  it.each(matrixCases([], ownBalanceEndpoints, ownBalanceRows))('$title', async (matrixCase) => {
    await checkMatrixCase(world, matrixCase, (set) => recordSets[set], missingMoneyRecords);
  });

  it("the parent moves it: A pays into A1's balance and corrects A1's charge; the super administrator, A's", async () => {
    const intoA1 = await pay(sessions.partnerAdmin, { partnerId: partners.A1.id }, '1.00');
    expect(intoA1).toMatchObject({ kind: 'payment', partnerId: partners.A1.id, contractId: null });
    const charge = await postCharge(context.database.db, {
      ...objectsOf.A1,
      partnerId: partners.A1.id,
      level: 2,
      day: '2025-03-15',
      amount: '3.00',
    });
    expectStatus(
      await moneyRequest(sessions.partnerAdmin, 'corrections', { transferId: charge, comment: 'Not owed' }),
      201,
    );
    expectStatus(await moneyRequest(root, 'write-offs', { partnerId: partners.A.id, amount: '1.00' }), 201);
  });

  it('its own people read it: A reads its balance and its own transactions, with the signs', async () => {
    const balance = expectStatus<{ currency: string }>(
      await sessions.partnerAdmin.get(api(`/partners/${partners.A.id}/balance`)),
      200,
    );
    expect(balance.currency).toBe('RUB');
    const own = expectStatus<{ items: TransferBody[] }>(
      await sessions.partnerAdmin.get(api(`/finance/transactions?partnerId=${partners.A.id}&own=true`)),
      200,
    );
    const payment = own.items.find((item) => item.id === recordSets.ownBalanceA.transfer);
    expect(payment).toMatchObject({ kind: 'payment', signedAmount: '500.00', partnerId: partners.A.id });
    // Entered by the platform's operator, who is not one of A's people: not named.
    expect(payment?.actorLogin).toBeNull();
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Billing runs and new exchange rates: the super administrator's                                    */
/* ------------------------------------------------------------------------------------------------ */

type AdminOnlyExpectation = 'allowed' | 'not_found' | 'forbidden' | 'unauthorized';

const adminOnlyRows: { role: Role; missing: boolean; expect: AdminOnlyExpectation }[] = [
  { role: 'superAdmin', missing: false, expect: 'allowed' },
  { role: 'superAdmin', missing: true, expect: 'not_found' },
  { role: 'partnerAdmin', missing: false, expect: 'forbidden' },
  { role: 'partnerAdmin', missing: true, expect: 'forbidden' },
  { role: 'subPartnerAdmin', missing: false, expect: 'forbidden' },
  { role: 'subPartnerAdmin', missing: true, expect: 'forbidden' },
  { role: 'blockedPartnerAdmin', missing: false, expect: 'unauthorized' },
  { role: 'noSession', missing: false, expect: 'unauthorized' },
];

const adminOnlyStatus: Record<Exclude<AdminOnlyExpectation, 'allowed'>, number> = {
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
};

const adminOnlyCases = adminOnlyEndpoints.flatMap((endpoint) =>
  adminOnlyRows
    .filter((row) => endpoint.byId || !row.missing)
    .map((row) => {
      const status = row.expect === 'allowed' ? endpoint.allowed : adminOnlyStatus[row.expect];
      const on = endpoint.byId ? (row.missing ? ' on a missing run' : ' on a run') : '';
      return {
        title: `${endpoint.name} · ${roleLabels[row.role]}${on} → ${status}`,
        endpoint,
        ...row,
        status,
      };
    }),
);

describe('billing runs and exchange-rate entry are for the super administrator only', () => {
  it.each(adminOnlyCases)('$title', async ({ endpoint, role, missing, expect: expectation, status }) => {
    const client = clientOf(world, role);
    const response = await send(client, endpoint.build(missing ? MISSING_ID : billingRunId));
    expect(response.statusCode, response.body).toBe(status);
    if (expectation === 'allowed') return;
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({ code: expectation, status, errors: [] });
    if (expectation === 'forbidden' && endpoint.byId) {
      // A run that exists and one that does not get the same refusal: nothing tells them apart.
      const other = await send(client, endpoint.build(missing ? billingRunId : MISSING_ID));
      expect(problemBody(other)).toEqual(problemBody(response));
    }
  });

  it('a partner administrator refused a rate or a run changed nothing', async () => {
    const before = await counts();
    for (const client of [sessions.partnerAdmin, sessions.subPartnerAdmin]) {
      for (const endpoint of adminOnlyEndpoints.filter((each) => each.build(0).method === 'POST')) {
        expect((await send(client, endpoint.build(billingRunId))).statusCode).toBe(403);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('a second rate of the same pair on the same day is a conflict', async () => {
    const body = { baseCurrency: 'EUR', quoteCurrency: 'RUB', validFrom: '2024-05-01', rate: '99' };
    expectStatus(await root.post(api('/finance/exchange-rates'), body), 201);
    const again = await root.post(api('/finance/exchange-rates'), { ...body, rate: '98' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'exchange_rate_exists' });
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* CSRF and sessions                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

/** Rows of the tables money endpoints write: a refused request changes none of them. */
async function counts() {
  const result = await sql<{ transfers: string; rates: string; runs: string; keys: string }>`
    select (select count(*) from ledger_transfers)::text as transfers,
           (select count(*) from exchange_rates)::text as rates,
           (select count(*) from billing_runs)::text as runs,
           (select count(*) from idempotency_keys)::text as keys`.execute(context.database.db);
  return result.rows[0];
}

const unsafeRequests: { name: string; role: 'superAdmin' | 'partnerAdmin'; build(): MatrixRequest }[] = [
  ...(['superAdmin', 'partnerAdmin'] as const).flatMap((role) => [
    {
      name: 'POST /finance/payments',
      role,
      build: (): MatrixRequest => ({
        method: 'POST',
        url: api('/finance/payments'),
        body: { contractId: recordSets.ownA.contract, amount: '1.00' },
        headers: withKey(),
      }),
    },
    {
      name: 'POST /finance/write-offs',
      role,
      build: (): MatrixRequest => ({
        method: 'POST',
        url: api('/finance/write-offs'),
        body: { partnerId: recordSets.ownA.payee, amount: '1.00' },
        headers: withKey(),
      }),
    },
    {
      name: 'POST /finance/corrections',
      role,
      build: (): MatrixRequest => ({
        method: 'POST',
        url: api('/finance/corrections'),
        body: { transferId: recordSets.ownA.transfer, comment: 'CSRF' },
        headers: withKey(),
      }),
    },
  ]),
  {
    name: 'POST /finance/exchange-rates',
    role: 'superAdmin',
    build: () => ({
      method: 'POST',
      url: api('/finance/exchange-rates'),
      body: { baseCurrency: 'KZT', quoteCurrency: 'RUB', validFrom: nextRateDay(), rate: '0.2' },
    }),
  },
  {
    name: 'POST /billing/runs',
    role: 'superAdmin',
    build: () => ({ method: 'POST', url: api('/billing/runs'), body: { day: today() } }),
  },
];

describe('an unsafe money request needs the session’s CSRF token', () => {
  const cases = unsafeRequests.flatMap((request) =>
    (['missing', 'another session’s'] as const).map((token) => ({
      title: `${request.name} · ${roleLabels[request.role]} with the ${token} token → 403 csrf`,
      token,
      request,
    })),
  );

  it.each(cases)('$title', async ({ token, request }) => {
    const session = sessions[request.role];
    const other = request.role === 'superAdmin' ? sessions.partnerAdmin : root;
    const client = new TestClient(context.app, session.cookie, token === 'missing' ? null : other.csrfToken);
    const before = await counts();
    const response = await send(client, request.build());
    expect(response.statusCode, response.body).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({ code: 'csrf', status: 403 });
    expect(await counts()).toEqual(before);
  });

  it('a blocked partner’s administrator without a token is told there is no session (401), not csrf', async () => {
    const blocked = sessions.blockedPartnerAdmin;
    const client = new TestClient(context.app, blocked.cookie, null);
    for (const request of unsafeRequests) {
      const response = await send(client, request.build());
      expect(response.statusCode, `${request.name} ${response.body}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthorized' });
    }
  });

  it('a session that signed out gets 401 on every money endpoint', async () => {
    const spare = await signInAsPartner(context.app, partners.A);
    expect((await spare.post(api('/auth/logout'))).statusCode).toBe(204);
    const requests: MatrixRequest[] = [
      ...moneyEndpointsWithoutRecord.map((endpoint) => endpoint.build(missingMoneyRecords)),
      ...moneyEndpointsWithRecord.map((endpoint) => endpoint.build(recordSets.ownA)),
      ...adminOnlyEndpoints.map((endpoint) => endpoint.build(billingRunId)),
    ];
    for (const request of requests) {
      const response = await send(spare, request);
      expect(response.statusCode, `${request.method} ${request.url} ${response.body}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthorized' });
    }
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Lists, exports, statements and idempotency keys                                                   */
/* ------------------------------------------------------------------------------------------------ */

interface TransferList {
  items: TransferBody[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

async function transactions(client: TestClient, query = ''): Promise<TransferList> {
  return expectStatus<TransferList>(await client.get(api(`/finance/transactions?pageSize=200${query}`)), 200);
}

const idsIn = (list: TransferList) => list.items.map((item) => item.id);

describe('foreign money never leaks through transactions, exports, statements or keys', () => {
  it("A's transactions hold its subtree's transfers only; A1's, its own only", async () => {
    const all = await transactions(root);
    expect(all.total).toBe(all.items.length);
    const ofA = idsIn(await transactions(sessions.partnerAdmin));
    const ofA1 = idsIn(await transactions(sessions.subPartnerAdmin));
    const built = (sets: RecordSet[]) =>
      sets.flatMap((set) => [recordSets[set].transfer, recordSets[set].charge]);
    for (const id of built(['ownA', 'ownA1', 'parentTreeA'])) expect(ofA).toContain(id);
    for (const id of built(['foreignB', 'platform', 'blockedC'])) {
      expect(idsIn(all)).toContain(id);
      expect(ofA).not.toContain(id);
    }
    for (const id of built(['ownA1'])) expect(ofA1).toContain(id);
    for (const id of built(['ownA', 'parentTreeA', 'foreignB', 'platform', 'blockedC'])) {
      expect(ofA1).not.toContain(id);
    }
    // A's charge by the platform is A's business, not A1's; A1's charge by A is both's.
    expect(ofA).toContain(recordSets.ownBalanceA.charge);
    expect(ofA1).not.toContain(recordSets.ownBalanceA.charge);
    expect(ofA1).toContain(recordSets.ownBalanceA1.charge);
  });

  it.each([
    ['partnerId', () => partners.B.id],
    ['partnerId (own account)', () => partners.B.id],
    ['contractId', () => recordSets.foreignB.contract],
    ['partnerId of its parent', () => partners.A.id],
  ] as const)(
    'the transactions filtered by a foreign %s are empty, as for a missing one',
    async (filter, id) => {
      const client = filter === 'partnerId of its parent' ? sessions.subPartnerAdmin : sessions.partnerAdmin;
      const key = filter.startsWith('contractId') ? 'contractId' : 'partnerId';
      const own = filter === 'partnerId (own account)' ? '&own=true' : '';
      expect((await transactions(root, `&${key}=${id()}${own}`)).total).toBeGreaterThan(0);
      const foreign = await transactions(client, `&${key}=${id()}${own}`);
      const missing = await transactions(client, `&${key}=${MISSING_ID}${own}`);
      expect(foreign).toEqual({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 200 });
      expect(foreign).toEqual(missing);
    },
  );

  it("A's csv export of transactions names A's own contracts and nothing of trees B and C", async () => {
    const response = await sessions.partnerAdmin.get(api('/finance/transactions/export?format=csv'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    for (const name of namesOf.A.slice(2)) expect(response.body).toContain(name);
    for (const name of [...namesOf.B, ...namesOf.B2, ...namesOf.C]) expect(response.body).not.toContain(name);
  });

  it("A1's csv export of transactions names nothing of its parent A or its sibling A2", async () => {
    const response = await sessions.subPartnerAdmin.get(api('/finance/transactions/export?format=csv'));
    expect(response.statusCode).toBe(200);
    for (const name of namesOf.A1.slice(2)) expect(response.body).toContain(name);
    for (const name of [...namesOf.A, ...namesOf.A2, ...namesOf.B]) expect(response.body).not.toContain(name);
  });

  it("who entered a transfer is named only for the people of the enterer's subtree", async () => {
    const intoA1 = await pay(sessions.partnerAdmin, { partnerId: partners.A1.id }, '2.00');
    const seenBy = async (client: TestClient) =>
      (await transactions(client, `&partnerId=${partners.A1.id}`)).items.find(
        (item) => item.id === intoA1.id,
      );
    const aLogin = partners.A.login;
    expect((await seenBy(root))?.actorLogin).toBe(aLogin);
    expect((await seenBy(sessions.partnerAdmin))?.actorLogin).toBe(aLogin);
    const ofA1 = await seenBy(sessions.subPartnerAdmin);
    expect(ofA1).toMatchObject({ id: intoA1.id, actorLogin: null });
    expect(JSON.stringify(ofA1)).not.toContain(aLogin);
  });

  it("A1's statement as its own people read it does not name its parent A; A's does", async () => {
    const query = `/finance/statements?partnerId=${partners.A1.id}&month=${month()}`;
    const ofA1 = await sessions.subPartnerAdmin.get(api(query));
    expect(ofA1.statusCode).toBe(200);
    expect(ofA1.json()).toMatchObject({ seller: { type: 'partner', id: null, name: null } });
    expect(ofA1.body).not.toContain(partners.A.name);
    const ofA = expectStatus(await sessions.partnerAdmin.get(api(query)), 200);
    expect(ofA).toMatchObject({ seller: { type: 'partner', id: partners.A.id, name: partners.A.name } });
  });

  it("another user's Idempotency-Key is not replayed: A gets its own answer, never the root's", async () => {
    const key = newIdempotencyKey();
    const body = { contractId: recordSets.foreignB.contract, amount: '4.00', comment: 'Shared key' };
    expectStatus(await moneyRequest(root, 'payments', body, key), 201);
    const foreign = await moneyRequest(sessions.partnerAdmin, 'payments', body, key);
    const missing = await moneyRequest(
      sessions.partnerAdmin,
      'payments',
      { ...body, contractId: MISSING_ID },
      newIdempotencyKey(),
    );
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect(problemBody(foreign)).toEqual(problemBody(missing));
    for (const name of namesOf.B) expect(foreign.body).not.toContain(name);
    // The key is A's to use: its own payment with it is a new transfer of A's.
    const own = expectStatus<TransferBody>(
      await moneyRequest(
        sessions.partnerAdmin,
        'payments',
        { ...body, contractId: recordSets.ownA.contract },
        key,
      ),
      201,
    );
    expect(own).toMatchObject({ contractId: recordSets.ownA.contract, amount: '4.00' });
  });

  it('a refused foreign payment moved no money and claimed no key', async () => {
    const before = await counts();
    const key = newIdempotencyKey();
    for (const body of [
      { contractId: recordSets.foreignB.contract, amount: '9.00' },
      { partnerId: partners.B.id, amount: '9.00' },
      { partnerId: partners.A.id, amount: '9.00' },
    ]) {
      expect((await moneyRequest(sessions.partnerAdmin, 'payments', body, key)).statusCode).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });
});
