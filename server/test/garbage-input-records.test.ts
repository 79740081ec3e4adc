import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueImei } from './builders.js';
import { type TestClient } from './client.js';
import {
  bodyOf,
  currencyText,
  dateText,
  decimalText,
  anyCaller,
  callerOf,
  encode,
  idAmong,
  jsonRequest,
  jsonValue,
  nullable,
  sendAs,
  signedIn,
  text,
  textUpTo,
  versionNumber,
  type CallerName,
  type Method,
  type RawRequest,
  type Shape,
} from './fuzz.js';
import { createTestApp, type TestContext } from './test-app.js';
import { buildWorld, MISSING_ID, type World } from './test-world.js';

/*
 * The contracts, objects, portal users and portal login endpoints under random input: never a 500,
 * every refusal a well-formed problem answer (the contract is expectWellFormed in fuzz.ts).
 */

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100);

let context: TestContext;
let world: World;
/** Own, foreign and missing ids per kind, which random requests pick from. */
const ids = {
  partners: [] as number[],
  contracts: [] as number[],
  objects: [] as number[],
  users: [] as number[],
};

const caller = (name: CallerName) => callerOf(world, name);

beforeAll(async () => {
  context = await createTestApp();
  world = await buildWorld(context);
  // A's records (the partner administrator's own, USD allowed) and B's (foreign), from the world.
  for (const key of ['A', 'B'] as const) {
    ids.partners.push(world.partners[key].id);
    ids.contracts.push(world.contracts[key].id);
    ids.objects.push(world.objects[key].id);
    ids.users.push(world.users[key].id);
  }
  for (const list of Object.values(ids)) list.push(MISSING_ID);
});

afterAll(() => context.close());

const send = (client: TestClient, request: RawRequest) => sendAs(context.app, client, request);
const sendJson = (client: TestClient, method: Method, url: string, body?: unknown) =>
  send(client, jsonRequest(method, url, body));

const idOf = (kind: keyof typeof ids) => idAmong(ids[kind]);
const phoneText = nullable(fc.oneof(fc.constantFrom('+79161234567', '8 916 123 45 67', '+1'), textUpTo(40)));

function contractShape(): Shape {
  return {
    partnerId: idOf('partners'),
    name: textUpTo(200),
    email: nullable(textUpTo(254)),
    phone: phoneText,
    deposit: nullable(decimalText),
    iin: nullable(fc.oneof(fc.constantFrom('7707083893', '500100732259'), textUpTo(32))),
    kpp: nullable(textUpTo(32)),
    currency: currencyText,
    tariffId: nullable(idOf('contracts')),
    organizationType: nullable(textUpTo(40)),
    accountType: fc.constantFrom('prepayment', 'postpayment', 'postpayment_light'),
    blockingLimit: nullable(decimalText),
    code1c: nullable(textUpTo(64)),
    active: fc.boolean(),
    isWarehouse: fc.boolean(),
    blocked: fc.boolean(),
    userPasswordPolicy: fc.constantFrom('inherit', 'simple', 'complex'),
    comment: nullable(textUpTo(2000)),
  };
}

function objectShape(): Shape {
  return {
    contractId: idOf('contracts'),
    name: textUpTo(200),
    deviceId: fc.oneof(fc.constant(uniqueImei()), fc.stringMatching(/^\d{15}$/), textUpTo(70)),
    deviceType: nullable(textUpTo(100)),
    simPhone: phoneText,
    sim2Phone: phoneText,
    iccid: nullable(fc.oneof(fc.stringMatching(/^\d{18,21}$/), textUpTo(30))),
    simProvider: nullable(textUpTo(100)),
    plateNumber: nullable(textUpTo(30)),
    active: fc.boolean(),
  };
}

function userShape(): Shape {
  return {
    contractId: idOf('contracts'),
    login: fc.oneof(fc.stringMatching(/^[a-z0-9._@-]{1,64}$/), textUpTo(64)),
    name: nullable(textUpTo(200)),
    phone: phoneText,
    email: nullable(textUpTo(254)),
    password: fc.oneof(fc.constant('Quiet-harbour-lantern-73'), textUpTo(200)),
    type: fc.oneof(fc.constantFrom('administrator', 'user'), textUpTo(20)),
    blocked: fc.boolean(),
  };
}

/** An update's shape: the version, and every field but the contract (moved by its own endpoint). */
const withVersion = (shape: Shape): Shape => ({
  version: versionNumber,
  ...Object.fromEntries(Object.entries(shape).filter(([field]) => field !== 'contractId')),
});

describe('random input to contracts, objects and users never produces a 500', () => {
  it('POST and PATCH with the real fields holding random values', async () => {
    const cases: fc.Arbitrary<{ url: string; method: Method; body: unknown }> = fc.oneof(
      bodyOf(contractShape(), ['partnerId', 'name', 'currency', 'accountType']).map((body) => ({
        url: '/api/v1/contracts',
        method: 'POST' as const,
        body,
      })),
      fc.tuple(idOf('contracts'), bodyOf(withVersion(contractShape()), ['version'])).map(([id, body]) => ({
        url: `/api/v1/contracts/${id}`,
        method: 'PATCH' as const,
        body,
      })),
      bodyOf(objectShape(), ['contractId', 'name', 'deviceId']).map((body) => ({
        url: '/api/v1/objects',
        method: 'POST' as const,
        body,
      })),
      fc.tuple(idOf('objects'), bodyOf(withVersion(objectShape()), ['version'])).map(([id, body]) => ({
        url: `/api/v1/objects/${id}`,
        method: 'PATCH' as const,
        body,
      })),
      bodyOf(userShape(), ['contractId', 'login', 'password']).map((body) => ({
        url: '/api/v1/users',
        method: 'POST' as const,
        body,
      })),
      fc.tuple(idOf('users'), bodyOf(withVersion(userShape()), ['version'])).map(([id, body]) => ({
        url: `/api/v1/users/${id}`,
        method: 'PATCH' as const,
        body,
      })),
      bodyOf(
        {
          contractId: idOf('contracts'),
          partnerId: idOf('partners'),
          tariffId: fc.oneof(fc.constant(MISSING_ID), idOf('objects')),
          effectiveFrom: dateText,
        },
        ['tariffId', 'effectiveFrom'],
      ).map((body) => ({ url: '/api/v1/objects/reprice', method: 'POST' as const, body })),
      fc
        .tuple(idOf('objects'), bodyOf({ contractId: idOf('contracts') }, ['contractId']))
        .map(([id, body]) => ({ url: `/api/v1/objects/${id}/move`, method: 'POST' as const, body })),
    );
    await fc.assert(
      fc.asyncProperty(signedIn, cases, async (name, { url, method, body }) => {
        await sendJson(caller(name), method, url, body);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('any JSON value as the body of every endpoint that takes one', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom(
          'POST /contracts',
          'PATCH /contracts/:contract',
          'POST /contracts/:contract/clone',
          'POST /objects',
          'PATCH /objects/:object',
          'POST /objects/:object/move',
          'POST /objects/reprice',
          'POST /users',
          'PATCH /users/:user',
          'POST /users/generate-password',
          'POST /users/:user/reset-password',
          'POST /portal/login',
        ),
        jsonValue(4),
        fc.nat(),
        async (name, endpoint, body, pick) => {
          const [method, path] = endpoint.split(' ') as [Method, string];
          const url = `/api/v1${path
            .replace(':contract', String(ids.contracts[pick % ids.contracts.length]))
            .replace(':object', String(ids.objects[pick % ids.objects.length]))
            .replace(':user', String(ids.users[pick % ids.users.length]))}`;
          await sendJson(caller(name), method, url, body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('lists and exports with random query strings', async () => {
    const keys = [
      'page',
      'pageSize',
      'sort',
      'order',
      'search',
      'showDeleted',
      'format',
      'partnerId',
      'contractId',
      'tariffId',
      'currency',
      'accountType',
      'active',
      'isWarehouse',
      'blocked',
      'type',
      'name',
    ];
    const values = fc.oneof(
      fc.constantFrom('1', '0', '-1', '501', 'abc', '', 'true', 'asc', 'desc', 'name', 'csv', 'xlsx', 'RUB'),
      fc.constantFrom(...ids.contracts.map(String)),
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
          '/api/v1/contracts',
          '/api/v1/contracts/export',
          '/api/v1/objects',
          '/api/v1/objects/export',
          '/api/v1/users',
          '/api/v1/users/password-policy',
          `/api/v1/users/${ids.users[0]}/login-history`,
        ),
        query,
        async (name, path, queryText) => {
          await sendJson(caller(name), 'GET', `${path}?${queryText}`);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('every by-id endpoint with random path parameters', async () => {
    const params = fc.oneof(
      fc.constantFrom('abc', '-1', '0', '1.5', '1e3', '00001', '9007199254740992', '99999999999999999999'),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom<[Method, string]>(
          ['GET', '/api/v1/contracts/:id'],
          ['PATCH', '/api/v1/contracts/:id'],
          ['POST', '/api/v1/contracts/:id/restore'],
          ['GET', '/api/v1/contracts/:id/history'],
          ['GET', '/api/v1/objects/:id'],
          ['POST', '/api/v1/objects/:id/move'],
          ['GET', '/api/v1/objects/:id/history'],
          ['GET', '/api/v1/users/:id'],
          ['POST', '/api/v1/users/:id/block'],
          ['GET', '/api/v1/users/:id/login-history'],
        ),
        params,
        async (name, [method, path], param) => {
          const body =
            method === 'PATCH' ? { version: 1, comment: 'fuzz' } : method === 'POST' ? {} : undefined;
          await sendJson(caller(name), method, path.replace(':id', encode(param)), body);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('object import under random files', () => {
  const contentTypes = [
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/plain',
    'application/octet-stream',
    'application/json',
  ];

  it('random bytes, random csv text and broken xlsx get a report or a problem, never a 500', async () => {
    const header = fc.constantFrom(
      'Name,Device ID',
      'name;deviceId;iccid',
      'Name\tDevice ID\tActive',
      '',
      'x',
    );
    const csvText = fc
      .tuple(header, fc.array(fc.array(textUpTo(40), { maxLength: 5 }), { maxLength: 8 }))
      .map(([head, rows]) => [head, ...rows.map((cells) => cells.join(','))].join('\n'));
    const payload = fc.oneof(
      csvText.map((value) => Buffer.from(value, 'utf8')),
      fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
      // The start of a zip archive, as an xlsx begins, followed by garbage.
      fc
        .uint8Array({ maxLength: 200 })
        .map((bytes) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(bytes)])),
    );
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        payload,
        fc.constantFrom(...contentTypes),
        fc.option(fc.constantFrom(...ids.contracts.map(String), 'abc', '-1'), { nil: undefined }),
        async (name, body, contentType, contractId) => {
          const response = await send(caller(name), {
            method: 'POST' as const,
            url: `/api/v1/objects/import${contractId === undefined ? '' : `?contractId=${encode(contractId)}`}`,
            payload: body,
            headers: { 'content-type': contentType },
          });
          if (response.statusCode === 200) {
            const report = response.json<{ created: number; refused: { row: number }[] }>();
            expect(report.created).toBeGreaterThanOrEqual(0);
            for (const refused of report.refused) expect(refused.row).toBeGreaterThanOrEqual(2);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
