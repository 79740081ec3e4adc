import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import {
  anyCaller,
  bodyOf,
  dateText,
  encode,
  fuzzSenders,
  idAmong,
  jsonValue,
  nullable,
  signedIn,
  text,
  textUpTo,
  versionNumber,
  type Method,
} from './fuzz.js';
import { createStaffUser } from './staff-builders.js';
import { useTestWorld } from './test-suite.js';
import { MISSING_ID } from './test-world.js';

/*
 * The staff and API tokens endpoints under random input: never a 500, every refusal a well-formed
 * problem answer (expectWellFormed in fuzz.ts), whoever sends it.
 */

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const { context, world } = useTestWorld();
const ids = { partners: [] as number[], staff: [] as number[] };
const { caller, sendJson } = fuzzSenders(context, world);

beforeAll(async () => {
  for (const key of ['A', 'B'] as const) {
    ids.partners.push(world.partners[key].id);
    ids.staff.push(
      (await createStaffUser(world.builderOf[key], world.partners[key].id, ['contracts:read'])).id,
    );
  }
  for (const list of Object.values(ids)) list.push(MISSING_ID);
});

const rightText = fc.oneof(
  fc.constantFrom('contracts:read', 'finance:write', 'staff:write', 'portal:login', 'billing:write'),
  textUpTo(40),
);
const rightsValue = fc.oneof(fc.array(rightText, { maxLength: 40 }), text);

describe('random input to staff users and API tokens never produces a 500', () => {
  it('POST and PATCH with the real fields holding random values', async () => {
    const staffShape = {
      partnerId: nullable(idAmong(ids.partners)),
      login: fc.oneof(fc.stringMatching(/^[a-z0-9._@-]{1,64}$/), textUpTo(64)),
      password: fc.oneof(fc.constant('Quiet-harbour-lantern-73'), textUpTo(200)),
      rights: rightsValue,
      name: nullable(textUpTo(200)),
      email: nullable(textUpTo(254)),
      blocked: fc.boolean(),
    };
    const cases: fc.Arbitrary<{ url: string; method: Method; body: unknown }> = fc.oneof(
      bodyOf(staffShape, ['partnerId', 'login', 'password', 'rights']).map((body) => ({
        url: '/api/v1/staff',
        method: 'POST' as const,
        body,
      })),
      fc
        .tuple(idAmong(ids.staff), bodyOf({ version: versionNumber, ...staffShape }, ['version']))
        .map(([id, body]) => ({ url: `/api/v1/staff/${id}`, method: 'PATCH' as const, body })),
      bodyOf(
        { name: textUpTo(250), rights: rightsValue, expiresAt: nullable(fc.oneof(dateText, textUpTo(40))) },
        ['name', 'rights'],
      ).map((body) => ({ url: '/api/v1/api-tokens', method: 'POST' as const, body })),
    );
    await fc.assert(
      fc.asyncProperty(signedIn, cases, async (name, { url, method, body }) => {
        await sendJson(caller(name), method, url, body);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('any JSON value as the body, and any text as the query, of every endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCaller,
        fc.constantFrom(
          'POST /staff',
          'PATCH /staff/:staff',
          'POST /api-tokens',
          'GET /staff',
          'GET /staff/:staff/login-history',
        ),
        jsonValue(4),
        textUpTo(60),
        fc.nat(),
        async (name, endpoint, body, query, pick) => {
          const [method, path] = endpoint.split(' ') as [Method, string];
          const url = `/api/v1${path.replace(':staff', String(ids.staff[pick % ids.staff.length]))}`;
          if (method === 'GET') {
            await sendJson(
              caller(name),
              method,
              `${url}?search=${encode(query)}&sort=${encode(query)}`,
              undefined,
            );
          } else {
            await sendJson(caller(name), method, url, body);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
