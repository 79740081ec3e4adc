import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTariff, partnerInput } from './builders.js';
import { anonymous, type TestClient } from './client.js';
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
  notPrototypeName,
  nullable,
  signedIn,
  text,
  textUpTo,
  versionNumber,
  type CallerName,
  type Method,
  type Shape,
} from './fuzz.js';
import { itForEach, useTestWorld } from './test-suite.js';
import { MISSING_ID } from './test-world.js';

/*
 * No input a user can send produces a 500, and every refusal is a well-formed problem answer
 * (application/problem+json with code, title and a list of {field, code, message}).
 *
 * Properties run with a fixed number of runs each; fast-check prints the seed and the shrunk
 * counterexample of a failure, which replays with `fc.assert(..., { seed, path })`.
 */

/** Runs per property; FUZZ_RUNS=2000 for a longer hunt. */
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const { context, world } = useTestWorld();
let root: TestClient;
let partnerAdmin: TestClient;

/** Record ids each caller fuzzes by-id endpoints with (the partner administrator's include foreign ones). */
const idPools = { root: [] as number[], partnerAdmin: [] as number[], tariffs: [] as number[] };
const { caller, send: sendAs, sendJson } = fuzzSenders(context, world);

beforeAll(async () => {
  root = world.root;
  partnerAdmin = world.sessions.partnerAdmin;
  // The partner administrator's tree A, and tree B that only the super administrator fuzzes, so
  // that no random request of the super administrator can block or archive the partner administrator.
  const { A, A1, B, B2 } = world.partners;
  const ownTariff = await createTariff(partnerAdmin);
  const foreignTariff = await createTariff(root, { ownerPartnerId: B.id });
  idPools.root = [B.id, B2.id, MISSING_ID];
  idPools.partnerAdmin = [A.id, A1.id, B.id, B2.id, MISSING_ID];
  idPools.tariffs = [world.tariffs.platform.id, ownTariff.id, foreignTariff.id, MISSING_ID];
});

/* ------------------------------------------------------------------------------------------------ */
/* The assertion                                                                                     */
/* ------------------------------------------------------------------------------------------------ */

/** Ids of real records (own, foreign, missing) and any other id the schema accepts. */
const anyId = () => idAmong([...idPools.partnerAdmin, ...idPools.tariffs], 3);
/** Every field of PartnerCreate with a value of its own JSON type and limits, and random content. */
function partnerShape(): Shape {
  return {
    name: fc.oneof(textUpTo(200), fc.constantFrom('Partner', '  ')),
    email: nullable(
      fc.oneof(
        fc.emailAddress().filter((email) => email.length <= 254),
        textUpTo(254),
      ),
    ),
    phone: nullable(
      fc.oneof(fc.constantFrom('+79161234567', '89161234567', '+7 701 123 45 67', '+1'), textUpTo(40)),
    ),
    deposit: nullable(decimalText),
    iin: nullable(
      fc.oneof(fc.stringMatching(/^\d{9,13}$/), fc.constantFrom('7707083893', '500100732259'), textUpTo(32)),
    ),
    kpp: nullable(fc.oneof(fc.stringMatching(/^\d{4}[0-9A-Z]{2}\d{3}$/), textUpTo(32))),
    vatPercent: nullable(decimalText),
    code1c: nullable(textUpTo(64)),
    region: nullable(fc.oneof(fc.constantFrom('RU-MOW', 'KZ-ALA', 'US-CA', 'XX-YY', 'ru-mow'), textUpTo(16))),
    blocked: fc.boolean(),
    usersBlocked: fc.boolean(),
    parentId: nullable(anyId()),
    additionalCurrencies: fc.array(currencyText, { maxLength: 20 }),
    priceTariffId: nullable(anyId()),
    partnerPriceTariffId: nullable(anyId()),
    organizationType: nullable(
      fc.oneof(fc.constantFrom('ru_ooo', 'ru_ip', 'kz_too', 'llc', 'other'), textUpTo(40)),
    ),
    userPasswordPolicy: fc.constantFrom('simple', 'complex'),
    showUserPassword: fc.boolean(),
    comment: nullable(textUpTo(2000)),
    currency: currencyText,
    accountType: fc.constantFrom('prepayment', 'postpayment', 'postpayment_light'),
    login: fc.oneof(fc.stringMatching(/^[a-z0-9._@-]{1,64}$/), textUpTo(64)),
    password: fc.oneof(fc.string({ minLength: 8, maxLength: 128 }), textUpTo(128)),
  };
}

function tariffCreateShape(): Shape {
  return {
    name: textUpTo(200).filter((name) => name.length > 0),
    currency: currencyText,
    period: fc.constantFrom('month', 'day'),
    price: decimalText,
    ownerPartnerId: nullable(anyId()),
    effectiveFrom: dateText,
  };
}

function tariffUpdateShape(): Shape {
  const { name, price, effectiveFrom } = tariffCreateShape();
  return { version: versionNumber, name: name!, price: price!, effectiveFrom: effectiveFrom! };
}

const validPartnerBase = fc.record({
  name: fc.string({ minLength: 1, maxLength: 60 }).filter((name) => name.trim() !== ''),
  currency: fc.constantFrom('RUB', 'KZT', 'USD'),
  accountType: fc.constantFrom('prepayment', 'postpayment', 'postpayment_light'),
  login: fc.stringMatching(/^[a-z][a-z0-9._-]{5,20}$/),
  password: fc.oneof(fc.constant('Gentle-river-stone-42'), fc.string({ minLength: 12, maxLength: 40 })),
});
const validTariffBase = fc.record({
  name: fc.string({ minLength: 1, maxLength: 60 }).filter((name) => name.trim() !== ''),
  currency: fc.constantFrom('RUB', 'KZT'),
  period: fc.constantFrom('month', 'day'),
  price: fc.constantFrom('1.00', '0', '300.5', '9999999999999999.99'),
});

/** An id a caller may name in a path: its own records, foreign ones, missing ones. */
const partnerIdOf = (name: CallerName) =>
  fc.constantFrom(...(name === 'root' ? idPools.root : idPools.partnerAdmin));

const queryKeys = [
  'page',
  'pageSize',
  'sort',
  'order',
  'search',
  'showDeleted',
  'format',
  'id',
  'name',
  'email',
  'phone',
  'login',
  'comment',
  'parentId',
  'partnerId',
  'priceTariffId',
  'ownerPartnerId',
  'currency',
  'currencies',
  'region',
  'accountType',
  'blocked',
  'purpose',
  'country',
  'date',
];
const queryValues = fc.oneof(
  fc.constantFrom(
    '1',
    '0',
    '-1',
    '2',
    '500',
    '501',
    '1000001',
    '1.5',
    '1e3',
    'abc',
    '',
    'true',
    'false',
    'yes',
    'asc',
    'desc',
    'name',
    'tariff',
    'balance',
    'parent',
    'createdAt',
    'csv',
    'xlsx',
    'pdf',
    'price',
    'partnerPrice',
    'RU',
    'ru',
    'KZ',
    'RUS',
    'RUB',
    'RUB,KZT',
    ',,,',
    '2026-01-01',
    '2024-02-30',
    '0000-01-01',
    '99999999999999999999',
    '9007199254740991',
    '9007199254740992',
    String(MISSING_ID),
  ),
  text,
);
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...queryKeys) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      ),
      queryValues,
    ),
    { maxLength: 6 },
  )
  .map((pairs) =>
    pairs
      .filter(([key]) => notPrototypeName(key))
      .map(([key, value]) => `${encode(key)}=${encode(value)}`)
      .join('&'),
  );

const getEndpoints = [
  '/api/v1/auth/me',
  '/api/v1/reference/regions',
  '/api/v1/reference/currencies',
  '/api/v1/reference/organization-types',
  '/api/v1/reference/account-types',
  '/api/v1/reference/vat-rates',
  '/api/v1/tariffs',
  '/api/v1/tariffs/choices',
  '/api/v1/partners',
  '/api/v1/partners/export',
  '/api/v1/partners/tree',
  '/api/v1/partners/:partner',
  '/api/v1/partners/:partner/history',
  '/api/v1/tariffs/:tariff',
];

const pathParams = fc.oneof(
  fc.constantFrom(
    'abc',
    '-1',
    '0',
    '1.5',
    '1e3',
    '0x10',
    ' 1',
    '1 ',
    '+1',
    '00001',
    'null',
    'true',
    '[]',
    '99999999999999999999',
    '9007199254740991',
    '9007199254740992',
    '9223372036854775807',
    '9223372036854775808',
    '-9223372036854775809',
    String(MISSING_ID),
  ),
  fc.integer().map(String),
  // Longer than the router's 100 characters is the dedicated test's business, below.
  fc.string({ unit: 'grapheme', maxLength: 30 }).filter((param) => param.length <= 100),
);

/* ------------------------------------------------------------------------------------------------ */
/* Properties                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

describe('random input never produces a 500', () => {
  it('any JSON value as the body of every endpoint that takes one', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom(
          'POST /auth/login',
          'POST /auth/logout',
          'POST /partners',
          'PATCH /partners/:id',
          'POST /partners/:id/restore',
          'POST /tariffs',
          'PATCH /tariffs/:id',
        ),
        jsonValue(4),
        fc.nat(),
        async (name, endpoint, body, pick) => {
          const [method, path] = endpoint.split(' ') as [Method, string];
          // Logging out with a random body would end the session the other runs use.
          const client = endpoint === 'POST /auth/logout' ? anonymous(context.app) : caller(name);
          const partnerIds = name === 'root' ? idPools.root : idPools.partnerAdmin;
          const url = `/api/v1${path.replace(
            ':id',
            String(
              path.startsWith('/tariffs')
                ? idPools.tariffs[pick % idPools.tariffs.length]
                : partnerIds[pick % partnerIds.length],
            ),
          )}`;
          await sendJson(client, method, url, body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('POST /partners with the real fields holding random values', async () => {
    await fc.assert(
      fc.asyncProperty(
        signedIn,
        bodyOf(partnerShape(), ['name', 'currency', 'accountType', 'login', 'password'], validPartnerBase),
        async (name, body) => {
          await sendJson(caller(name), 'POST', '/api/v1/partners', body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('PATCH /partners/:id with the real fields holding random values', async () => {
    await fc.assert(
      fc.asyncProperty(
        signedIn.chain((name) => fc.tuple(fc.constant(name), partnerIdOf(name))),
        bodyOf(
          { version: versionNumber, ...partnerShape() },
          ['version'],
          fc.record({ version: fc.integer({ min: 1, max: 4 }) }),
        ),
        async ([name, id], body) => {
          await sendJson(caller(name), 'PATCH', `/api/v1/partners/${id}`, body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('POST and PATCH /tariffs with the real fields holding random values', async () => {
    await fc.assert(
      fc.asyncProperty(
        signedIn,
        fc.oneof(
          bodyOf(tariffCreateShape(), ['name', 'currency', 'period', 'price'], validTariffBase).map(
            (body) => ({
              method: 'POST' as const,
              id: null,
              body,
            }),
          ),
          fc
            .tuple(
              fc.nat(),
              bodyOf(
                tariffUpdateShape(),
                ['version'],
                fc.record({ version: fc.integer({ min: 1, max: 4 }) }),
              ),
            )
            .map(([pick, body]) => ({ method: 'PATCH' as const, id: pick, body })),
        ),
        async (name, { method, id, body }) => {
          const url =
            id === null
              ? '/api/v1/tariffs'
              : `/api/v1/tariffs/${idPools.tariffs[id % idPools.tariffs.length]}`;
          await sendJson(caller(name), method, url, body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('POST /auth/login with the real fields holding random values', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodyOf(
          { login: textUpTo(200), password: fc.oneof(textUpTo(1024), fc.constant('Gentle-river-stone-42')) },
          ['login', 'password'],
        ),
        async (body) => {
          await sendJson(anonymous(context.app), 'POST', '/api/v1/auth/login', body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('GET endpoints with random query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom(...getEndpoints),
        queryString,
        fc.nat(),
        async (name, endpoint, query, pick) => {
          const partnerIds = name === 'root' ? idPools.root : idPools.partnerAdmin;
          const path = endpoint
            .replace(':partner', String(partnerIds[pick % partnerIds.length]))
            .replace(':tariff', String(idPools.tariffs[pick % idPools.tariffs.length]));
          await sendJson(caller(name), 'GET', `${path}${query ? `?${query}` : ''}`);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('every by-id endpoint with random path parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom<[Method, string]>(
          ['GET', '/api/v1/partners/:id'],
          ['PATCH', '/api/v1/partners/:id'],
          ['DELETE', '/api/v1/partners/:id'],
          ['POST', '/api/v1/partners/:id/restore'],
          ['GET', '/api/v1/partners/:id/history'],
          ['GET', '/api/v1/tariffs/:id'],
          ['PATCH', '/api/v1/tariffs/:id'],
        ),
        pathParams,
        async (name, [method, path], param) => {
          const url = path.replace(':id', encode(param));
          const body =
            method === 'PATCH' ? { version: 1, comment: 'fuzz' } : method === 'POST' ? {} : undefined;
          // A random number may be a real id: never let it archive the partner administrator's tree.
          const asNumber = Number(param);
          if (method === 'DELETE' && name !== 'anonymous' && asNumber >= 1 && asNumber < 1000) return;
          await sendJson(caller(name), method, url, body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('random cookies, CSRF tokens and languages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(undefined),
          text.map((value) => `fd_session=${encode(value)}`),
          fc.string({ maxLength: 60 }),
        ),
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 60 })),
        fc.oneof(
          fc.constant(undefined),
          fc.string({ maxLength: 40 }),
          fc.constantFrom('ru', 'ru;q=x', 'en;q=0', '*', ',,;'),
        ),
        fc.constantFrom<[Method, string]>(
          ['GET', '/api/v1/auth/me'],
          ['GET', '/api/v1/partners'],
          ['POST', '/api/v1/partners'],
          ['POST', '/api/v1/auth/logout'],
          ['PATCH', `/api/v1/tariffs/${MISSING_ID}`],
        ),
        async (cookie, csrf, language, [method, url]) => {
          const headers: Record<string, string> = {};
          if (cookie !== undefined) headers.cookie = cookie;
          if (csrf !== undefined) headers['x-csrf-token'] = csrf;
          if (language !== undefined) headers['accept-language'] = language;
          await sendAs(anonymous(context.app), {
            method,
            url,
            headers: { ...headers, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
            ...(method === 'GET' ? {} : { payload: '{}' }),
          });
        },
      ),
      { numRuns: Math.ceil((NUM_RUNS * 2) / 3) },
    );
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Raw malformed requests                                                                            */
/* ------------------------------------------------------------------------------------------------ */

const bodyEndpoints: [Method, string][] = [
  ['POST', '/api/v1/auth/login'],
  ['POST', '/api/v1/partners'],
  ['PATCH', `/api/v1/partners/${MISSING_ID}`],
  ['POST', '/api/v1/tariffs'],
  ['PATCH', `/api/v1/tariffs/${MISSING_ID}`],
  ['DELETE', `/api/v1/partners/${MISSING_ID}`],
  ['POST', `/api/v1/partners/${MISSING_ID}/restore`],
];

const TWO_MEGABYTES = 2 * 1024 * 1024;

const rawBodies: { title: string; contentType: string | null; payload: string | Buffer; status?: number }[] =
  [
    { title: 'invalid JSON', contentType: 'application/json', payload: '{"name": ', status: 400 },
    {
      title: 'JSON followed by garbage',
      contentType: 'application/json',
      payload: '{"name":"x"} trailing',
      status: 400,
    },
    {
      title: 'single-quoted pseudo-JSON',
      contentType: 'application/json',
      payload: "{'name':'x'}",
      status: 400,
    },
    { title: 'an empty body declared as JSON', contentType: 'application/json', payload: '', status: 400 },
    { title: 'whitespace declared as JSON', contentType: 'application/json', payload: '   \n', status: 400 },
    { title: 'JSON null', contentType: 'application/json', payload: 'null' },
    { title: 'a JSON string', contentType: 'application/json', payload: '"partner"' },
    { title: 'a JSON array', contentType: 'application/json', payload: '[1,2,3]' },
    { title: 'a JSON number', contentType: 'application/json', payload: '1e999' },
    {
      title: 'prototype pollution through __proto__',
      contentType: 'application/json',
      payload: '{"__proto__":{"admin":true},"name":"x"}',
      status: 400,
    },
    {
      title: 'constructor.prototype pollution',
      contentType: 'application/json',
      payload: '{"constructor":{"prototype":{"admin":true}}}',
      status: 400,
    },
    {
      title: 'bytes that are not UTF-8',
      contentType: 'application/json',
      payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    },
    {
      title: 'a deeply nested array',
      contentType: 'application/json',
      payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    },
    {
      title: 'JSON with a charset that is not UTF-8',
      contentType: 'application/json; charset=utf-16',
      payload: '{}',
    },
    { title: 'plain text', contentType: 'text/plain', payload: 'name=x' },
    {
      title: 'a form',
      contentType: 'application/x-www-form-urlencoded',
      payload: 'name=x&login=y',
      status: 415,
    },
    { title: 'XML', contentType: 'application/xml', payload: '<partner/>', status: 415 },
    { title: 'multipart', contentType: 'multipart/form-data; boundary=x', payload: '--x--', status: 415 },
    { title: 'a nonsense content type', contentType: '*/*;;;=', payload: '{}' },
    { title: 'no content type', contentType: null, payload: '{"name":"x"}' },
    {
      title: 'a 2 MB JSON body',
      contentType: 'application/json',
      payload: JSON.stringify({ name: 'x'.repeat(TWO_MEGABYTES) }),
      status: 413,
    },
    { title: 'a 2 MB text body', contentType: 'text/plain', payload: 'x'.repeat(TWO_MEGABYTES), status: 413 },
  ];

describe('raw malformed bodies get a problem answer, never a 500', () => {
  itForEach(rawBodies, async ({ contentType, payload, status }) => {
    for (const [method, url] of bodyEndpoints) {
      const nobody = anonymous(context.app);
      for (const client of [root, partnerAdmin, nobody]) {
        const response = await sendAs(client, {
          method,
          url,
          payload,
          headers: contentType === null ? {} : { 'content-type': contentType },
        });
        // Without a session the answer is 401 before the body is even read, except on the login route.
        const expected = client === nobody && url !== '/api/v1/auth/login' ? 401 : status;
        if (expected !== undefined) expect(response.statusCode, `${method} ${url}`).toBe(expected);
        else expect(response.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      }
    }
    // Nothing of it ended a session or changed who the callers are.
    expect((await root.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await partnerAdmin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a Content-Length that does not match the body', async () => {
    const response = await sendAs(root, {
      method: 'POST',
      url: '/api/v1/partners',
      payload: JSON.stringify(partnerInput()),
      headers: { 'content-type': 'application/json', 'content-length': '5' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Specific inputs                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

/** The fields a problem answer names. */
const fieldsOf = (response: LightMyRequestResponse) =>
  response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);

type Case = { title: string; request: () => [TestClient, Method, string, unknown?]; status?: number };

async function sendCase({ request }: Case) {
  const [client, method, url, body] = request();
  return sendJson(client, method, url, body);
}

describe('values the database refuses are reported against their field', () => {
  /*
   * These pass validation and are refused by the database (NUL in text, year 0, a version beyond a
   * 32-bit integer). PRODUCT.md: errors carry "a list of {field, code, message} for each invalid
   * field"; a 400 with an empty list leaves the form unable to say which field is wrong.
   */
  const cases: (Case & { field: string })[] = [
    {
      title: 'POST /partners with NUL in the name',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ name: 'a\u0000b' })],
      field: 'name',
    },
    {
      title: 'POST /tariffs with NUL in the name',
      request: () => [
        root,
        'POST',
        '/api/v1/tariffs',
        { name: 'a\u0000', currency: 'RUB', period: 'day', price: '1' },
      ],
      field: 'name',
    },
    {
      title: 'GET /partners with NUL in the search',
      request: () => [partnerAdmin, 'GET', '/api/v1/partners?search=%00'],
      field: 'search',
    },
    {
      title: 'POST /tariffs with a price version on day 0000-01-01',
      request: () => [
        root,
        'POST',
        '/api/v1/tariffs',
        { name: 'Year zero', currency: 'RUB', period: 'day', price: '1', effectiveFrom: '0000-01-01' },
      ],
      field: 'effectiveFrom',
    },
    {
      title: 'GET /reference/vat-rates on day 0000-01-01',
      request: () => [root, 'GET', '/api/v1/reference/vat-rates?country=RU&date=0000-01-01'],
      field: 'date',
    },
    {
      title: 'PATCH /tariffs/:id with a version beyond a 32-bit integer',
      request: () => [root, 'PATCH', `/api/v1/tariffs/${idPools.tariffs[0]}`, { version: 2 ** 31 }],
      field: 'version',
    },
    {
      title: 'PATCH /partners/:id with a version beyond a 32-bit integer',
      request: () => [
        root,
        'PATCH',
        `/api/v1/partners/${idPools.root[0]}`,
        { version: 2 ** 31, comment: 'x' },
      ],
      field: 'version',
    },
  ];

  const titled = cases.map((testCase) => ({
    ...testCase,
    title: `${testCase.title} → 4xx naming ${testCase.field}`,
  }));
  itForEach(titled, async (testCase) => {
    const response = await sendCase(testCase);
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(fieldsOf(response), response.body).toContain(testCase.field);
  });
});

describe('specific inputs', () => {
  const cases: Case[] = [
    {
      title: 'POST /partners with NUL in the comment',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ comment: '\u0000' })],
    },
    {
      title: 'POST /partners with a lone surrogate in the name',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ name: '\ud800' })],
    },
    {
      title: 'POST /partners with control characters in the name',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ name: 'a\u0001\u001fb' })],
    },
    {
      title: 'POST /partners with the largest deposit (16 integer digits)',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ deposit: '9999999999999999.99' })],
      status: 201,
    },
    {
      title: 'POST /partners with a deposit of 17 integer digits',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ deposit: '99999999999999999' })],
      status: 400,
    },
    {
      title: 'POST /partners with VAT 100',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ vatPercent: '100' })],
      status: 201,
    },
    {
      title: 'POST /partners with VAT 100.001',
      request: () => [root, 'POST', '/api/v1/partners', partnerInput({ vatPercent: '100.001' })],
      status: 400,
    },
    {
      title: 'PATCH /tariffs/:id with a version of 1e308',
      request: () => [root, 'PATCH', `/api/v1/tariffs/${idPools.tariffs[0]}`, { version: 1e308 }],
    },
    {
      title: 'PATCH /tariffs/:id with a price of 17 integer digits',
      request: () => [
        root,
        'PATCH',
        `/api/v1/tariffs/${idPools.tariffs[0]}`,
        { version: 1, price: '12345678901234567' },
      ],
      status: 400,
    },
    {
      title: 'GET /partners with NUL in a filter',
      request: () => [root, 'GET', '/api/v1/partners?name=a%00b'],
    },
    {
      title: 'GET /partners/export with NUL in the search',
      request: () => [partnerAdmin, 'GET', '/api/v1/partners/export?format=csv&search=%00'],
    },
    {
      title: 'GET /tariffs with NUL in the search',
      request: () => [partnerAdmin, 'GET', '/api/v1/tariffs?search=%00'],
    },
    {
      title: 'GET /reference/vat-rates with a NUL country',
      request: () => [root, 'GET', '/api/v1/reference/vat-rates?country=%00'],
    },
    {
      title: 'GET /partners with an encoded lone surrogate in the search',
      request: () => [root, 'GET', '/api/v1/partners?search=x%ED%A0%80'],
    },
    {
      title: 'GET /partners with malformed percent-encoding in a value',
      request: () => [root, 'GET', '/api/v1/partners?search=%E0%A4%A'],
    },
    {
      title: 'GET /partners with a repeated parameter',
      request: () => [root, 'GET', '/api/v1/partners?page=1&page=2'],
      status: 400,
    },
    { title: 'GET /partners with an empty key', request: () => [root, 'GET', '/api/v1/partners?=1'] },
    {
      title: 'GET /partners with a key without value',
      request: () => [root, 'GET', '/api/v1/partners?showDeleted'],
    },
    {
      title: 'GET /partners with the last page there is',
      request: () => [partnerAdmin, 'GET', '/api/v1/partners?page=1000000&pageSize=500'],
      status: 200,
    },
    {
      title: 'GET /reference/vat-rates on day 9999-12-31',
      request: () => [root, 'GET', '/api/v1/reference/vat-rates?country=RU&date=9999-12-31'],
      status: 200,
    },
  ];

  itForEach(cases, async (testCase) => {
    const response = await sendCase(testCase);
    if (testCase.status !== undefined) expect(response.statusCode, response.body).toBe(testCase.status);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'an unknown field named like an Object.prototype member (%s) is reported under its own name',
    async (key) => {
      for (const [method, url, body] of [
        ['POST', '/api/v1/partners', { ...partnerInput(), [key]: 1 }],
        ['GET', `/api/v1/partners?${key}=1`, undefined],
      ] as const) {
        const response = await sendJson(root, method, url, body);
        expect(response.statusCode).toBe(400);
        const error = response.json<{ errors: { field: string; code: string; message: string }[] }>()
          .errors[0];
        expect(error).toMatchObject({ field: key, code: 'unknown_field' });
        expect(error?.message).toContain(key);
      }
    },
  );

  it('a path with malformed percent-encoding gets a problem answer', async () => {
    for (const url of ['/api/v1/partners/%', '/api/v1/partners/%E0%A4%A', '/api/v1/tariffs/%zz']) {
      const response = await sendJson(root, 'GET', url);
      expect(response.statusCode, url).toBe(400);
    }
  });

  it('a path parameter longer than the router allows gets a problem answer', async () => {
    const response = await sendJson(root, 'GET', `/api/v1/partners/${'1'.repeat(101)}`);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });
});
