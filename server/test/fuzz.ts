import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../src/app.js';
import type { TestClient } from './client.js';
import { clientOf, type World } from './test-world.js';

/*
 * The pieces of the garbage-input tests: the contract of an answer to garbage, and arbitraries of
 * what a careless or hostile client may send. Shared by every file that fuzzes a section of the API.
 */

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Problem {
  code: unknown;
  title: unknown;
  errors: unknown;
}

/** A request as sent to inject(): method, url, optional raw payload and headers. */
export interface RawRequest {
  method: Method;
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

function describeRequest({ method, url, payload }: RawRequest): string {
  const shown = Buffer.isBuffer(payload) ? `<${payload.length} bytes>` : (payload ?? '').slice(0, 500);
  return `${method} ${url} ${shown}`;
}

/** The whole contract of an answer to garbage: never a 5xx, and every 4xx a problem document. */
export function expectWellFormed(response: LightMyRequestResponse, request: string) {
  const where = `${request}\n→ ${response.statusCode} ${response.body.slice(0, 500)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(response.headers['content-type'], where).toBe('application/problem+json; charset=utf-8');
  const body = JSON.parse(response.body) as Problem;
  expect(typeof body.code, where).toBe('string');
  expect(typeof body.title, where).toBe('string');
  expect((body.title as string).length, where).toBeGreaterThan(0);
  expect(Array.isArray(body.errors), where).toBe(true);
  for (const error of body.errors as Record<string, unknown>[]) {
    expect(Object.keys(error).sort(), where).toEqual(['code', 'field', 'message']);
    for (const key of ['field', 'code', 'message']) expect(typeof error[key], where).toBe('string');
    // A message is text for a person: never a JavaScript value or an unfilled placeholder that
    // slipped into a template (the field's own name, which the caller chose, is left out of this).
    const ownText = String(error.message).split(String(error.field)).join('');
    expect(ownText, where).not.toMatch(/\[native code\]|\[object \w+\]|undefined|\{\w+\}/);
  }
}

/** A JSON body as a client sends it, with its content type; without a body, neither. */
export function jsonRequest(
  method: Method,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): RawRequest {
  return body === undefined
    ? { method, url, headers }
    : {
        method,
        url,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      };
}

/** Who sends a random request: the super administrator, A's partner administrator, or nobody. */
export type CallerName = 'root' | 'partnerAdmin' | 'anonymous';

export function callerOf(world: World, name: CallerName): TestClient {
  if (name === 'root') return world.root;
  return clientOf(world, name === 'partnerAdmin' ? 'partnerAdmin' : 'noSession');
}

export const signedIn = fc.constantFrom<CallerName>('root', 'partnerAdmin');
export const anyCaller = fc.constantFrom<CallerName>('root', 'partnerAdmin', 'anonymous');

/** Mostly one of the given ids of real records (own, foreign, missing), else any id the schema accepts. */
export const idAmong = (ids: readonly number[], weight = 4) =>
  fc.oneof(
    { weight, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) },
  );

/** Sends a request as the client and checks the answer is well-formed. */
export async function sendAs(app: App, client: TestClient, options: RawRequest) {
  const response = await app.inject({
    ...options,
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      ...options.headers,
    },
  });
  expectWellFormed(response, describeRequest(options));
  return response;
}

/* ------------------------------------------------------------------------------------------------ */
/* Arbitraries                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

/*
 * Names of Object.prototype members are left out of the random keys: the test 'an unknown field
 * named like an Object.prototype member' covers them on its own, so its failure cannot hide others.
 */
/** encodeURIComponent, which refuses lone surrogates: those go through the replacement character. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));
export const notPrototypeName = (key: string) => !prototypeNames.has(key);
/** Renames object keys that are Object.prototype member names, at any depth (fc.jsonValue favours them). */
function withoutPrototypeNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypeNames);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      notPrototypeName(key) ? key : `${key}_`,
      withoutPrototypeNames(inner),
    ]),
  );
}
export const jsonValue = (maxDepth: number) => fc.jsonValue({ maxDepth }).map(withoutPrototypeNames);

const edgeStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\n\r',
  '\ud800',
  '\udfff\ud800',
  '😀'.repeat(50),
  'Ω≈ç√∫˜µ≤≥÷',
  'ООО «Ромашка»',
  '<script>alert(1)</script>',
  "'; drop table partners; --",
  '%',
  '%00',
  '\\',
  '_%',
  '=1+1',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '1_000',
  '١٢٣',
  '99999999999999999999',
  '9007199254740993',
  '-9223372036854775809',
  '1.005',
  '0.000000000000000000001',
  '12345678901234567.89',
  '2024-02-30',
  '0000-01-01',
  '9999-12-31',
  '+002024-01-01',
  '2024-1-1',
  'RUB',
  'rub',
  'XXX',
  'XTS',
  'RU-MOW',
  'KZ-ALA',
  'ru-mow',
  'prepayment',
  'month',
  'day',
  'simple',
  'complex',
  'Gentle-river-stone-42',
  'password',
  'a'.repeat(129),
  'a'.repeat(2001),
];

export const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 80 }),
  fc.constantFrom(...edgeStrings),
);

const hugeNumbers = fc.constantFrom(
  2 ** 31,
  2 ** 53,
  2 ** 63,
  -(2 ** 63),
  1e20,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.EPSILON,
  -0,
  0.1 + 0.2,
);

/** Any value of any JSON type: what a careless or hostile client may put in a field. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: hugeNumbers },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.array(fc.array(fc.oneof(text, fc.integer(), fc.constant(null)), { maxLength: 3 })),
  },
  { weight: 1, arbitrary: jsonValue(3) },
);

export const textUpTo = (max: number) => text.map((value) => [...value].slice(0, max).join(''));
export const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 5 });
export const currencyText = fc.oneof(
  fc.constantFrom('RUB', 'KZT', 'USD', 'eur', 'XXX', 'XTS', 'ZZZ', 'R', ' RU'),
  fc.string({ minLength: 1, maxLength: 3 }),
);
export const decimalText = fc.oneof(
  fc.stringMatching(/^-?\d{1,20}(\.\d{0,4})?$/),
  fc.constantFrom(
    '0',
    '0.00',
    '100',
    '100.01',
    '22',
    '16.5',
    '-1',
    '-0',
    '1e3',
    '1,5',
    ' 7 ',
    '.5',
    '5.',
    '',
  ),
  textUpTo(40),
);
export const dateText = fc.oneof(
  fc.constantFrom(
    '2026-01-01',
    '2025-12-31',
    '2024-02-29',
    '1970-01-01',
    '0001-01-01',
    '0000-01-01',
    '9999-12-31',
  ),
  fc
    .date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') })
    .map((date) => date.toISOString().slice(0, 10)),
);
export const versionNumber = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53 - 1) },
);

export type Shape = Record<string, fc.Arbitrary<unknown>>;

export const pick = (shape: Shape, keys: readonly string[]): Shape =>
  Object.fromEntries(keys.map((key) => [key, shape[key]!]));

/*
 * Bodies with a schema's real field names: a valid base with a few random well-typed fields (gets
 * past validation and reaches the rules, the database and the audit log), every field well-typed
 * with random content, one field of a random type, every field of a random type plus unknown ones.
 */
export function bodyOf(
  shape: Shape,
  required: string[],
  validBase: fc.Arbitrary<Record<string, unknown>> = fc.record(pick(shape, required)),
): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(shape);
  const optional = fields.filter((field) => !required.includes(field));
  const fewFields = fc
    .tuple(validBase, fc.subarray(optional, { maxLength: Math.min(3, optional.length) }))
    .chain(([base, keys]) => fc.record(pick(shape, keys)).map((extra) => ({ ...base, ...extra })));
  const wellTyped = fc.record(shape, { requiredKeys: required });
  const oneWrong = fc
    .tuple(wellTyped, fc.constantFrom(...fields), anyValue)
    .map(([body, field, value]) => ({ ...body, [field]: value }));
  const unknownFields = fc.dictionary(fc.string({ maxLength: 12 }).filter(notPrototypeName), anyValue, {
    minKeys: 1,
    maxKeys: 3,
  });
  const anyTypes = fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((field) => [field, anyValue])), { requiredKeys: [] }),
      fc.option(unknownFields, { nil: {} }),
    )
    .map(([known, unknown]) => ({ ...unknown, ...known }));
  return fc.oneof(
    { weight: 3, arbitrary: fewFields },
    { weight: 2, arbitrary: wellTyped },
    { weight: 2, arbitrary: oneWrong },
    { weight: 1, arbitrary: anyTypes },
  );
}
