import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/lib/clock.js';
import { createContract, createObject, createPartner, createTariff, signInAsPartner } from './builders.js';
import { expectStatus, type TestClient } from './client.js';
import {
  bodyOf,
  currencyText,
  dateText,
  decimalText,
  anyCaller,
  encode,
  fuzzSenders,
  idAmong,
  jsonValue,
  nullable,
  signedIn,
  text,
  textUpTo,
  type Method,
  type Shape,
} from './fuzz.js';
import { newIdempotencyKey, pay, postCharge, type TransferBody } from './money-builders.js';
import { itForEach, useTestWorld } from './test-suite.js';
import { MISSING_ID } from './test-world.js';

/*
 * The money endpoints (payments, write-offs, corrections, transactions, balances, statements,
 * revenue, exchange rates, billing runs) under random input: never a 500, every refusal a well-formed
 * problem answer (expectWellFormed in fuzz.ts), and every 400 names the fields it refuses — the
 * Idempotency-Key header included (missing, empty, too long, control characters, not ASCII).
 */

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** What the server accepts as an Idempotency-Key: 1 to 200 visible ASCII characters. */
const validKey = /^[\x21-\x7E]{1,200}$/;

const { context, world } = useTestWorld();
let root: TestClient;
let partnerAdmin: TestClient;
/** Own, foreign and missing ids per kind, which random requests pick from. */
const ids = {
  partners: [] as number[],
  contracts: [] as number[],
  transfers: [] as number[],
  runs: [] as number[],
};
/** A contract of the partner administrator's, for requests that must get past every rule. */
let ownContract: number;
/** A's sub-partner, whose balance the partner administrator moves. */
let subPartner: number;

beforeAll(async () => {
  root = world.root;
  partnerAdmin = world.sessions.partnerAdmin;
  const { A1, B } = world.partners;
  subPartner = A1.id;
  // A's records (the partner administrator's own, USD allowed) and B's (foreign): the world's contract
  // and object, a second contract, payments into both balances and a charge.
  for (const [client, key, payee, second] of [
    [partnerAdmin, 'A', A1.id, 'USD'],
    [root, 'B', B.id, 'RUB'],
  ] as const) {
    const partnerId = world.partners[key].id;
    const contract = world.contracts[key];
    const usd = await createContract(client, partnerId, { currency: second });
    ids.partners.push(partnerId, payee);
    ids.contracts.push(contract.id, usd.id);
    for (const amount of ['100.00', '0.01', '250.50']) {
      ids.transfers.push((await pay(root, { contractId: contract.id }, amount)).id);
    }
    ids.transfers.push((await pay(root, { partnerId: payee }, '40.00')).id);
    ids.transfers.push(
      await postCharge(context.database.db, {
        objectId: world.objects[key].id,
        contractId: contract.id,
        partnerId,
        level: 0,
        day: '2025-02-01',
        amount: '9.99',
      }),
    );
  }
  ownContract = ids.contracts[0]!;
  const run = expectStatus<{ runs: { id: number }[] }>(
    await root.post('/api/v1/billing/runs', { day: today() }),
    201,
  );
  ids.runs.push(run.runs[0]!.id);
  for (const list of Object.values(ids)) list.push(MISSING_ID);
});

/* ------------------------------------------------------------------------------------------------ */
/* Sending, and the contract of an answer                                                            */
/* ------------------------------------------------------------------------------------------------ */

interface Problem {
  code: string;
  errors: { field: string; code: string; message: string }[];
}

/** Beyond expectWellFormed: a 400 says which fields are wrong, each by a name a form can show. */
function expectFieldsNamed(response: LightMyRequestResponse, request: string) {
  if (response.statusCode !== 400) return;
  const where = `${request}\n→ 400 ${response.body.slice(0, 500)}`;
  const problem = response.json<Problem>();
  expect(problem.errors.length, where).toBeGreaterThan(0);
  for (const error of problem.errors) expect(error.field.length, where).toBeGreaterThan(0);
}

const { caller, sendJson } = fuzzSenders(context, world, (response, request) =>
  expectFieldsNamed(
    response,
    `${request.method} ${request.url} ${String(request.payload ?? '').slice(0, 300)}`,
  ),
);

/* ------------------------------------------------------------------------------------------------ */
/* Arbitraries                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

const idOf = (kind: keyof typeof ids) => idAmong(ids[kind]);

/** Amounts as a person types them, near every limit: scale, 16 integer digits, zero, negative. */
const amountText = fc.oneof(
  decimalText,
  fc.constantFrom(
    '0.01',
    '1',
    '1.5',
    '9999999999999999.99',
    '10000000000000000',
    '0.001',
    '-5',
    '1.00 ',
    '00012.30',
  ),
);

/** Days near today (so a billing range is short enough to run) and random days far off. */
const nearDay = fc
  .integer({ min: -90, max: 3 })
  .map((offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10));
const dayText = fc.oneof(
  nearDay,
  dateText,
  fc.constantFrom('2024-02-30', '2024-1-1', '', 'today', '1999-12-31T00:00:00Z'),
);

/** Idempotency-Key headers a careless or hostile client sends; undefined leaves the header out. */
const garbageKeys = [
  undefined,
  '',
  ' ',
  'a'.repeat(201),
  'a'.repeat(1000),
  'key with spaces',
  'tab\tkey',
  'line\nbreak',
  'nul\u0000key',
  'bell\u0007',
  '\u007f',
  'escape\u001b[31m',
  'ключ',
  '😀',
  'caf\u00e9',
];
const keyHeader = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null).map(() => newIdempotencyKey()) },
  { weight: 2, arbitrary: fc.constantFrom(...garbageKeys) },
  { weight: 1, arbitrary: fc.constantFrom('x', '!', '~'.repeat(200), 'a'.repeat(200)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 250 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
const keyHeaders = (key: string | undefined): Record<string, string> =>
  key === undefined ? {} : { 'idempotency-key': key };

function moveShape(): Shape {
  return {
    contractId: idOf('contracts'),
    partnerId: idOf('partners'),
    amount: amountText,
    valueDate: dayText,
    comment: nullable(textUpTo(600)),
  };
}

function correctionShape(): Shape {
  return {
    transferId: idOf('transfers'),
    comment: fc.oneof(textUpTo(600), fc.constantFrom('', '   ', 'Mistake')),
  };
}

function exchangeRateShape(): Shape {
  return {
    baseCurrency: currencyText,
    quoteCurrency: currencyText,
    validFrom: dayText,
    rate: fc.oneof(
      decimalText,
      fc.constantFrom('0.00000001', '0.000000001', '999999999999.99999999', '1000000000000', '90.5', '0'),
    ),
  };
}

function billingRunShape(): Shape {
  return { day: dayText, from: dayText, to: dayText };
}

/* ------------------------------------------------------------------------------------------------ */
/* Properties                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

describe('random input to the money endpoints never produces a 500', () => {
  it('payments, write-offs and corrections with the real fields holding random values and random keys', async () => {
    const cases = fc.oneof(
      fc
        .tuple(fc.constantFrom('payments', 'write-offs'), bodyOf(moveShape(), ['amount']))
        .map(([path, body]) => ({ url: `/api/v1/finance/${path}`, body })),
      bodyOf(correctionShape(), ['transferId', 'comment']).map((body) => ({
        url: '/api/v1/finance/corrections',
        body,
      })),
    );
    await fc.assert(
      fc.asyncProperty(signedIn, cases, keyHeader, async (name, { url, body }, key) => {
        const response = await sendJson(caller(name), 'POST', url, body, keyHeaders(key));
        if (response.statusCode === 201) {
          // Only a key the server takes moves money, and it moved exactly what was asked.
          expect(key === undefined ? '' : key).toMatch(validKey);
          const transfer = response.json<TransferBody>();
          expect(transfer.amount).toMatch(/^\d{1,16}\.\d{2}$/);
        }
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('the Idempotency-Key header holding random text, with a body that passes every rule', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('payments', 'write-offs'), keyHeader, async (path, key) => {
        const body = {
          contractId: ownContract,
          amount: '0.01',
          comment: `A key of ${key?.length ?? 0} characters`,
        };
        const response = await sendJson(
          partnerAdmin,
          'POST',
          `/api/v1/finance/${path}`,
          body,
          keyHeaders(key),
        );
        if (key !== undefined && validKey.test(key)) {
          // A key used before with another body is refused as reused; else the money moves.
          expect([201, 422], response.body).toContain(response.statusCode);
          if (response.statusCode === 422) {
            expect(response.json()).toMatchObject({ code: 'idempotency_key_reused' });
          }
        } else if (key === undefined || !validKey.test(key.trim())) {
          expect(response.statusCode, response.body).toBe(400);
          expect(response.json<Problem>().errors).toEqual([
            {
              field: 'idempotencyKey',
              code: key === undefined || key === '' ? 'required' : 'idempotency_key_format',
              message: expect.any(String),
            },
          ]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('POST /finance/exchange-rates and POST /billing/runs with the real fields holding random values', async () => {
    const cases = fc.oneof(
      bodyOf(exchangeRateShape(), ['baseCurrency', 'quoteCurrency', 'validFrom', 'rate']).map((body) => ({
        url: '/api/v1/finance/exchange-rates',
        body,
      })),
      bodyOf(billingRunShape(), []).map((body) => ({ url: '/api/v1/billing/runs', body })),
    );
    await fc.assert(
      fc.asyncProperty(signedIn, cases, async (name, { url, body }) => {
        const response = await sendJson(caller(name), 'POST', url, body);
        if (name === 'partnerAdmin' && response.statusCode !== 400) expect(response.statusCode).toBe(403);
        if (url.endsWith('/billing/runs') && response.statusCode === 201) {
          // A day the request may ask for is billed: garbage never leaves a failed run behind.
          const { runs } = response.json<{ runs: { status: string; error: string | null }[] }>();
          for (const run of runs)
            expect(run, response.body.slice(0, 500)).toMatchObject({ status: 'completed' });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('any JSON value as the body of every money endpoint that takes one', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom(
          '/api/v1/finance/payments',
          '/api/v1/finance/write-offs',
          '/api/v1/finance/corrections',
          '/api/v1/finance/exchange-rates',
          '/api/v1/billing/runs',
        ),
        jsonValue(4),
        keyHeader,
        async (name, url, body, key) => {
          await sendJson(caller(name), 'POST', url, body, keyHeaders(key));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('lists, statements, revenue, balances, rates and runs with random query strings', async () => {
    const keys = [
      'partnerId',
      'contractId',
      'own',
      'from',
      'to',
      'kind',
      'page',
      'pageSize',
      'sort',
      'order',
      'format',
      'month',
      'currency',
      'baseCurrency',
      'quoteCurrency',
    ];
    const values = fc.oneof(
      fc.constantFrom(
        '1',
        '0',
        '-1',
        '200',
        '201',
        '501',
        'abc',
        '',
        'true',
        'false',
        'asc',
        'desc',
        'amount',
        'valueDate',
        'createdAt',
        'csv',
        'xlsx',
        'pdf',
        'payment',
        'charge',
        'RUB',
        'usd',
        today().slice(0, 7),
        '2025-02',
        '2025-13',
        '0999-01',
        '9999-12',
        today(),
        '2025-02-30',
        '1000-01-01',
        '9999-12-31',
      ),
      fc.constantFrom(...ids.contracts.map(String), ...ids.partners.map(String)),
      dayText,
      text,
    );
    const query = fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), values), {
        maxLength: 5,
      })
      .map((pairs) => pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&'));
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom(
          '/api/v1/finance/transactions',
          '/api/v1/finance/transactions/export',
          '/api/v1/finance/statements',
          '/api/v1/finance/statements/export',
          '/api/v1/finance/revenue',
          '/api/v1/finance/exchange-rates',
          '/api/v1/billing/runs',
          '/api/v1/billing/runs/:run/issues',
          '/api/v1/contracts/:contract/balance',
          '/api/v1/partners/:partner/balance',
        ),
        query,
        fc.nat(),
        async (name, path, queryText, pick) => {
          const url = path
            .replace(':run', String(ids.runs[pick % ids.runs.length]))
            .replace(':contract', String(ids.contracts[pick % ids.contracts.length]))
            .replace(':partner', String(ids.partners[pick % ids.partners.length]));
          await sendJson(caller(name), 'GET', `${url}?${queryText}`);
        },
      ),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('every by-id money endpoint with random path parameters', async () => {
    const params = fc.oneof(
      fc.constantFrom(
        'abc',
        '-1',
        '0',
        '1.5',
        '1e3',
        '0x10',
        ' 1',
        '00001',
        'null',
        '9007199254740991',
        '9007199254740992',
        '9223372036854775808',
        '99999999999999999999',
        String(MISSING_ID),
      ),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom(
          '/api/v1/contracts/:id/balance',
          '/api/v1/partners/:id/balance',
          '/api/v1/billing/runs/:id',
          '/api/v1/billing/runs/:id/issues',
        ),
        params,
        async (name, path, param) => {
          await sendJson(caller(name), 'GET', path.replace(':id', encode(param)));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* The Idempotency-Key header                                                                        */
/* ------------------------------------------------------------------------------------------------ */

/** The money table a refused request must leave alone. */
async function transferCount() {
  const row = await context.database.db
    .selectFrom('ledger_transfers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the Idempotency-Key header', () => {
  const endpoints = [
    { path: 'payments', body: () => ({ contractId: ownContract, amount: '1.00' }) },
    { path: 'write-offs', body: () => ({ partnerId: subPartner, amount: '1.00' }) },
    { path: 'corrections', body: () => ({ transferId: MISSING_ID, comment: 'Mistake' }) },
  ];
  const cases = endpoints.flatMap((endpoint) =>
    garbageKeys.map((key) => ({
      title: `POST /finance/${endpoint.path} with ${key === undefined ? 'no key' : `the key ${JSON.stringify(key.length > 24 ? `${key.slice(0, 8)}…(${key.length})` : key)}`} → 400 idempotencyKey`,
      endpoint,
      key,
    })),
  );

  itForEach(cases, async ({ endpoint, key }) => {
    const before = await transferCount();
    const response = await sendJson(
      partnerAdmin,
      'POST',
      `/api/v1/finance/${endpoint.path}`,
      endpoint.body(),
      keyHeaders(key),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<Problem>().errors).toEqual([
      {
        field: 'idempotencyKey',
        code: key === undefined || key === '' ? 'required' : 'idempotency_key_format',
        message: expect.any(String),
      },
    ]);
    expect(await transferCount()).toBe(before);
  });

  it('the header twice is refused as malformed, naming the key', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/finance/payments',
      payload: { contractId: ownContract, amount: '1.00' },
      headers: {
        cookie: partnerAdmin.cookie!,
        'x-csrf-token': partnerAdmin.csrfToken!,
        // Node's HTTP parser joins a repeated header of this kind with ", ": what the server receives.
        'idempotency-key': 'first-key, second-key',
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<Problem>().errors.map((error) => error.field)).toEqual(['idempotencyKey']);
  });

  it('200 visible ASCII characters are a key; the same key and body answer the first transfer again', async () => {
    const key = `${'~'.repeat(100)}${'!'.repeat(99)}k`;
    const body = { contractId: ownContract, amount: '3.21', comment: 'Retried' };
    const first = await sendJson(partnerAdmin, 'POST', '/api/v1/finance/payments', body, keyHeaders(key));
    expect(first.statusCode, first.body).toBe(201);
    const before = await transferCount();
    const again = await sendJson(partnerAdmin, 'POST', '/api/v1/finance/payments', body, keyHeaders(key));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await sendJson(
      partnerAdmin,
      'POST',
      '/api/v1/finance/payments',
      { ...body, amount: '3.22' },
      keyHeaders(key),
    );
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await transferCount()).toBe(before);
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Specific inputs                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

interface Case {
  title: string;
  request: () => [TestClient, Method, string, unknown?];
  /** The exact status, when the input has one answer. */
  status?: number;
  /** A field the 4xx answer must name. */
  field?: string;
}

describe('specific inputs to the money endpoints', () => {
  // Ids are known once beforeAll has run: the bodies are built when a case runs.
  const payment =
    (body: Record<string, unknown> | (() => Record<string, unknown>)): Case['request'] =>
    () => [
      root,
      'POST',
      '/api/v1/finance/payments',
      { contractId: ownContract, amount: '1.00', ...(typeof body === 'function' ? body() : body) },
    ];
  const cases: Case[] = [
    {
      title: 'a payment of 16 integer digits',
      request: payment({ amount: '9999999999999999.99' }),
      status: 201,
    },
    {
      title: 'a payment of 17 integer digits',
      request: payment({ amount: '10000000000000000' }),
      status: 400,
      field: 'amount',
    },
    {
      title: 'a payment with 3 decimals',
      request: payment({ amount: '1.001' }),
      status: 400,
      field: 'amount',
    },
    { title: 'a payment of zero', request: payment({ amount: '0.00' }), status: 400, field: 'amount' },
    { title: 'a negative payment', request: payment({ amount: '-1.00' }), status: 400, field: 'amount' },
    { title: 'an amount as a JSON number', request: payment({ amount: 10 }), status: 400, field: 'amount' },
    {
      title: 'an amount in exponent notation',
      request: payment({ amount: '1e3' }),
      status: 400,
      field: 'amount',
    },
    {
      title: 'a value date tomorrow',
      request: payment({ valueDate: '9999-12-31' }),
      status: 400,
      field: 'valueDate',
    },
    { title: 'a value date in year 1000', request: payment({ valueDate: '1000-01-01' }), status: 201 },
    {
      title: 'a value date in year 0999',
      request: payment({ valueDate: '0999-12-31' }),
      status: 400,
      field: 'valueDate',
    },
    {
      title: 'a value date of 30 February',
      request: payment({ valueDate: '2024-02-30' }),
      status: 400,
      field: 'valueDate',
    },
    {
      title: 'a NUL in the comment',
      request: payment({ comment: 'a\u0000b' }),
      status: 400,
      field: 'comment',
    },
    {
      title: 'a lone surrogate in the comment',
      request: payment({ comment: '\ud800' }),
      status: 400,
      field: 'comment',
    },
    {
      title: 'a comment of 501 characters',
      request: payment({ comment: 'x'.repeat(501) }),
      status: 400,
      field: 'comment',
    },
    { title: 'a comment of 500 characters', request: payment({ comment: 'x'.repeat(500) }), status: 201 },
    {
      title: 'no contract and no partner',
      request: payment({ contractId: undefined }),
      status: 400,
      field: 'contractId',
    },
    {
      title: 'both a contract and a partner',
      request: payment(() => ({ partnerId: subPartner })),
      status: 400,
      field: 'partnerId',
    },
    { title: 'a contract id of 0', request: payment({ contractId: 0 }), status: 400, field: 'contractId' },
    {
      title: 'a contract id as text',
      request: payment({ contractId: '1' }),
      status: 400,
      field: 'contractId',
    },
    {
      title: 'a contract id beyond 2^53',
      request: payment({ contractId: 2 ** 53 }),
      status: 400,
      field: 'contractId',
    },
    {
      title: 'the largest contract id',
      request: payment({ contractId: Number.MAX_SAFE_INTEGER }),
      status: 404,
    },
    { title: 'an unknown field', request: payment({ currency: 'USD' }), status: 400, field: 'currency' },
    {
      title: 'a correction without a comment',
      request: () => [root, 'POST', '/api/v1/finance/corrections', { transferId: ids.transfers[0] }],
      status: 400,
      field: 'comment',
    },
    {
      title: 'a correction with a blank comment',
      request: () => [
        root,
        'POST',
        '/api/v1/finance/corrections',
        { transferId: ids.transfers[0], comment: '  ' },
      ],
      status: 400,
      field: 'comment',
    },
    {
      title: 'an exchange rate with 9 decimals',
      request: () => [
        root,
        'POST',
        '/api/v1/finance/exchange-rates',
        { baseCurrency: 'USD', quoteCurrency: 'RUB', validFrom: '2024-01-01', rate: '0.000000001' },
      ],
      status: 400,
      field: 'rate',
    },
    {
      title: 'an exchange rate of 13 integer digits',
      request: () => [
        root,
        'POST',
        '/api/v1/finance/exchange-rates',
        { baseCurrency: 'USD', quoteCurrency: 'RUB', validFrom: '2024-01-02', rate: '1000000000000' },
      ],
      status: 400,
      field: 'rate',
    },
    {
      title: 'the largest exchange rate',
      request: () => [
        root,
        'POST',
        '/api/v1/finance/exchange-rates',
        { baseCurrency: 'USD', quoteCurrency: 'RUB', validFrom: '2024-01-03', rate: '999999999999.99999999' },
      ],
      status: 201,
    },
    {
      title: 'an exchange rate of a currency to itself',
      request: () => [
        root,
        'POST',
        '/api/v1/finance/exchange-rates',
        { baseCurrency: 'rub', quoteCurrency: 'RUB', validFrom: '2024-01-04', rate: '1' },
      ],
      status: 400,
      field: 'quoteCurrency',
    },
    {
      title: 'an exchange rate of an unknown currency',
      request: () => [
        root,
        'POST',
        '/api/v1/finance/exchange-rates',
        { baseCurrency: 'XXX', quoteCurrency: 'RUB', validFrom: '2024-01-05', rate: '1' },
      ],
      status: 400,
      field: 'baseCurrency',
    },
    {
      title: 'a billing run of a day and a range at once',
      request: () => [root, 'POST', '/api/v1/billing/runs', { day: today(), from: today(), to: today() }],
      status: 400,
      field: 'day',
    },
    {
      title: 'a billing run of no day',
      request: () => [root, 'POST', '/api/v1/billing/runs', {}],
      status: 400,
      field: 'day',
    },
    {
      title: 'a billing run of a future day',
      request: () => [root, 'POST', '/api/v1/billing/runs', { day: '9999-12-31' }],
      status: 400,
      field: 'day',
    },
    {
      title: 'a billing range of 63 days',
      request: () => [root, 'POST', '/api/v1/billing/runs', { from: '2024-01-01', to: '2024-03-03' }],
      status: 400,
      field: 'to',
    },
    {
      title: 'a billing range ending before it starts',
      request: () => [root, 'POST', '/api/v1/billing/runs', { from: '2024-01-02', to: '2024-01-01' }],
      status: 400,
      field: 'to',
    },
    {
      title: 'a billing range with no end',
      request: () => [root, 'POST', '/api/v1/billing/runs', { from: '2024-01-02' }],
      status: 400,
      field: 'to',
    },
    {
      title: 'a billing run of day 1000-01-01',
      request: () => [root, 'POST', '/api/v1/billing/runs', { day: '1000-01-01' }],
      status: 201,
    },
    {
      title: 'a page of 201 transactions',
      request: () => [partnerAdmin, 'GET', '/api/v1/finance/transactions?pageSize=201'],
      status: 400,
      field: 'pageSize',
    },
    {
      title: 'the last page of transactions there is',
      request: () => [
        partnerAdmin,
        'GET',
        '/api/v1/finance/transactions?page=1000000&pageSize=200&sort=amount',
      ],
      status: 200,
    },
    {
      title: 'transactions of an unknown kind',
      request: () => [partnerAdmin, 'GET', '/api/v1/finance/transactions?kind=refund'],
      status: 400,
      field: 'kind',
    },
    {
      title: 'transactions filtered by a repeated contract',
      request: () => [
        partnerAdmin,
        'GET',
        `/api/v1/finance/transactions?contractId=${ownContract}&contractId=1`,
      ],
      status: 400,
      field: 'contractId',
    },
    {
      title: 'transactions over every day there is',
      request: () => [root, 'GET', '/api/v1/finance/transactions?from=1000-01-01&to=9999-12-31&own=true'],
      status: 200,
    },
    {
      title: 'a transactions export in pdf',
      request: () => [partnerAdmin, 'GET', '/api/v1/finance/transactions/export?format=pdf'],
      status: 400,
      field: 'format',
    },
    {
      title: 'a statement without a month',
      request: () => [partnerAdmin, 'GET', `/api/v1/finance/statements?contractId=${ownContract}`],
      status: 400,
      field: 'month',
    },
    {
      title: 'a statement of month 13',
      request: () => [
        partnerAdmin,
        'GET',
        `/api/v1/finance/statements?contractId=${ownContract}&month=2025-13`,
      ],
      status: 400,
      field: 'month',
    },
    {
      title: 'a statement of December 9999',
      request: () => [
        partnerAdmin,
        'GET',
        `/api/v1/finance/statements?contractId=${ownContract}&month=9999-12`,
      ],
      status: 200,
    },
    {
      title: 'a statement of no contract and no partner',
      request: () => [partnerAdmin, 'GET', `/api/v1/finance/statements?month=2025-02`],
      status: 400,
      field: 'contractId',
    },
    {
      title: 'a statement in an unknown currency',
      request: () => [
        partnerAdmin,
        'GET',
        `/api/v1/finance/statements?partnerId=${subPartner}&month=2025-02&currency=%00`,
      ],
      status: 400,
      field: 'currency',
    },
    {
      title: 'revenue over a period that ends before it starts',
      request: () => [partnerAdmin, 'GET', '/api/v1/finance/revenue?from=2025-02-02&to=2025-02-01'],
      status: 400,
      field: 'to',
    },
    {
      title: 'revenue from a start after today and no end',
      request: () => [partnerAdmin, 'GET', '/api/v1/finance/revenue?from=9999-12-31'],
      status: 400,
      field: 'to',
    },
    {
      title: 'revenue over every day there is',
      request: () => [root, 'GET', '/api/v1/finance/revenue?from=1000-01-01&to=9999-12-31'],
      status: 200,
    },
    {
      title: 'exchange rates of a NUL currency',
      request: () => [partnerAdmin, 'GET', '/api/v1/finance/exchange-rates?baseCurrency=%00'],
      status: 400,
      field: 'baseCurrency',
    },
    {
      title: 'a page of 501 billing runs',
      request: () => [root, 'GET', '/api/v1/billing/runs?pageSize=501'],
      status: 400,
      field: 'pageSize',
    },
    {
      title: 'a billing run id beyond 2^53',
      request: () => [root, 'GET', '/api/v1/billing/runs/9007199254740992'],
      status: 400,
      field: 'id',
    },
    {
      title: 'the balance of contract 0',
      request: () => [root, 'GET', '/api/v1/contracts/0/balance'],
      status: 400,
      field: 'id',
    },
    {
      title: 'the balance of the largest partner id',
      request: () => [root, 'GET', `/api/v1/partners/${Number.MAX_SAFE_INTEGER}/balance`],
      status: 404,
    },
  ];

  itForEach(cases, async ({ request, status, field }) => {
    const [client, method, url, body] = request();
    const headers =
      url.includes('/finance/payments') || url.includes('/finance/corrections')
        ? keyHeaders(newIdempotencyKey())
        : {};
    const response = await sendJson(client, method, url, body, headers);
    if (status !== undefined) expect(response.statusCode, response.body).toBe(status);
    if (field !== undefined) {
      expect(
        response.json<Problem>().errors.map((error) => error.field),
        response.body,
      ).toContain(field);
    }
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'an unknown field named like an Object.prototype member (%s) is reported under its own name',
    async (key) => {
      const response = await sendJson(
        root,
        'POST',
        '/api/v1/finance/payments',
        JSON.parse(`{"contractId": ${ownContract}, "amount": "1.00", ${JSON.stringify(key)}: 1}`),
        keyHeaders(newIdempotencyKey()),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json<Problem>().errors[0]).toMatchObject({ field: key, code: 'unknown_field' });
    },
  );
});

/* ------------------------------------------------------------------------------------------------ */
/* Amounts the ledger cannot hold                                                                    */
/* ------------------------------------------------------------------------------------------------ */

describe('the largest amounts are held exactly and never stop the billing', () => {
  /*
   * Every amount typed is at most 16 integer digits, and balances sum them: a hundred of the largest
   * payments into one contract, or a hundred object-days at the largest daily price, must still be
   * held exactly (balances are unbounded numeric, charges numeric(38, 2)).
   */
  it('the largest payments, again and again, are all recorded and the balance stays exact', async () => {
    const contract = await createContract(root, ids.partners.at(-2)!);
    for (let count = 0; count < 110; count += 1) {
      const response = await sendJson(
        root,
        'POST',
        '/api/v1/finance/payments',
        { contractId: contract.id, amount: '9999999999999999.99' },
        keyHeaders(newIdempotencyKey()),
      );
      expect(response.statusCode, response.body).toBe(201);
    }
    const balance = expectStatus<{ balance: string }>(
      await root.get(`/api/v1/contracts/${contract.id}/balance`),
      200,
    );
    expect(balance.balance).toBe('1099999999999999998.90');
  });

  it("one partner's largest daily price on a hundred objects does not stop the billing of the others", async () => {
    const tariff = await createTariff(root);
    const innocent = await createPartner(root, { priceTariffId: tariff.id });
    const innocentContract = await createContract(root, innocent.id);
    await createObject(root, innocentContract.id);
    const reckless = await createPartner(root, { priceTariffId: tariff.id });
    const recklessAdmin = await signInAsPartner(context.app, reckless);
    const huge = await createTariff(recklessAdmin, { price: '9999999999999999.99', period: 'day' });
    const contract = await createContract(recklessAdmin, reckless.id, { tariffId: huge.id });
    for (let count = 0; count < 101; count += 1) await createObject(recklessAdmin, contract.id);

    const response = await sendJson(root, 'POST', '/api/v1/billing/runs', { day: today() });
    expect(response.statusCode, response.body).toBe(201);
    const balance = expectStatus<{ balance: string; dailyCharge: string }>(
      await root.get(`/api/v1/contracts/${innocentContract.id}/balance`),
      200,
    );
    // The innocent contract was charged its day, whatever became of the reckless partner's charges.
    expect(balance.balance, response.body.slice(0, 600)).toBe(`-${balance.dailyCharge}`);
  });
});
