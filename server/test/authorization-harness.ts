import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestClient } from './client.js';
import { clientOf, type Role, type World } from './test-world.js';

/*
 * What the authorisation matrices share: the roles, the requests, the expected outcome of a call, the
 * cases built from endpoints × roles × record sets, and the one assertion of an answer.
 */

export type Expectation = 'allowed' | 'not_found' | 'unauthorized';

/** Where the API is mounted; a matrix names its routes below it. */
export const API_PREFIX = '/api/v1';
export const api = (path: string) => `${API_PREFIX}${path}`;

export interface MatrixRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send it with the role's spare session (logout ends the session it is sent with). */
  spareSession?: boolean;
}

export function send(client: TestClient, request: MatrixRequest) {
  return client.request(request.method, request.url, request.body, request.headers);
}

/** An endpoint as a matrix declares it: the route it calls, what it answers, how to call it. */
export interface MatrixEndpoint<Records = unknown> {
  name: string;
  /** The registered route it calls, below the API prefix: "GET /partners/:id". */
  route: string;
  /** The status of an allowed call. */
  allowed: number;
  /** What a foreign (or missing) record gets: 404 for a record in the path, 400 for one in a body. */
  foreign?: number;
  build(records: Records, world: World): MatrixRequest | Promise<MatrixRequest>;
}

/** Asserts a request goes to the route its endpoint declares, so the declared routes can be trusted. */
export function expectSentToRoute(request: MatrixRequest, route: string) {
  const [method, path = ''] = route.split(' ');
  const pathPattern = api(path).replace(/:[^/]+/g, '[^/]+');
  const [requestPath] = request.url.split('?');
  expect(`${request.method} ${requestPath}`).toMatch(new RegExp(`^${method} ${pathPattern}$`));
}

export const roleLabels: Record<Role, string> = {
  superAdmin: 'super administrator',
  partnerAdmin: 'partner administrator (A)',
  subPartnerAdmin: 'sub-partner administrator (A1)',
  blockedPartnerAdmin: 'administrator of blocked partner C',
  noSession: 'no session',
};

/** Endpoints that take no record: every signed-in role may call them. */
const roleRows: { role: Role; expect: Expectation }[] = [
  { role: 'superAdmin', expect: 'allowed' },
  { role: 'partnerAdmin', expect: 'allowed' },
  { role: 'subPartnerAdmin', expect: 'allowed' },
  { role: 'blockedPartnerAdmin', expect: 'unauthorized' },
  { role: 'noSession', expect: 'unauthorized' },
];

export interface RecordRow<RecordSet> {
  role: Role;
  records: RecordSet;
  expect: Expectation;
  label: string;
}

/**
 * The record sets of a matrix, each built of the world's trees: the super administrator's targets in
 * tree B, A's and A1's own, tree B's as a foreigner sees them, A's and A2's as A1 must not see them, C's.
 */
export type RecordSet = 'platform' | 'ownA' | 'ownA1' | 'foreignB' | 'parentTreeA' | 'blockedC';

/** Which roles reach which record sets, and what they must get; the labels name them in the titles. */
export function recordRows(labels: { own: string; parentTree: string }): RecordRow<RecordSet>[] {
  return [
    { role: 'superAdmin', records: 'platform', expect: 'allowed', label: "any partner's records" },
    { role: 'partnerAdmin', records: 'ownA', expect: 'allowed', label: labels.own },
    { role: 'partnerAdmin', records: 'foreignB', expect: 'not_found', label: "foreign tree B's records" },
    { role: 'subPartnerAdmin', records: 'ownA1', expect: 'allowed', label: labels.own },
    { role: 'subPartnerAdmin', records: 'foreignB', expect: 'not_found', label: "foreign tree B's records" },
    { role: 'subPartnerAdmin', records: 'parentTreeA', expect: 'not_found', label: labels.parentTree },
    { role: 'blockedPartnerAdmin', records: 'blockedC', expect: 'unauthorized', label: 'own records' },
    {
      role: 'blockedPartnerAdmin',
      records: 'foreignB',
      expect: 'unauthorized',
      label: "foreign tree B's records",
    },
    { role: 'noSession', records: 'ownA', expect: 'unauthorized', label: "A's records" },
  ];
}

const expectedStatus = (endpoint: Pick<MatrixEndpoint, 'allowed' | 'foreign'>, expectation: Expectation) =>
  expectation === 'allowed'
    ? endpoint.allowed
    : expectation === 'not_found'
      ? (endpoint.foreign ?? 404)
      : 401;

/** Every endpoint without a record × every role, and every endpoint with one × every record row. */
export function matrixCases<Endpoint extends Pick<MatrixEndpoint, 'name' | 'allowed' | 'foreign'>, RecordSet>(
  withoutRecord: Endpoint[],
  withRecord: Endpoint[],
  recordRows: RecordRow<RecordSet>[],
) {
  return [
    ...withoutRecord.flatMap((endpoint) =>
      roleRows.map((row) => ({
        title: `${endpoint.name} · ${roleLabels[row.role]} → ${expectedStatus(endpoint, row.expect)}`,
        role: row.role,
        endpoint,
        records: null as RecordSet | null,
        expect: row.expect,
      })),
    ),
    ...withRecord.flatMap((endpoint) =>
      recordRows.map((row) => ({
        title: `${endpoint.name} · ${roleLabels[row.role]} on ${row.label} → ${expectedStatus(endpoint, row.expect)}`,
        role: row.role,
        endpoint,
        records: row.records,
        expect: row.expect,
      })),
    ),
  ];
}

/** A problem answer without its request id, for comparing two answers. */
export function problemBody(response: LightMyRequestResponse) {
  const body = response.json<Record<string, unknown>>();
  delete body.requestId;
  return body;
}

/**
 * The assertion of one case. Outside the subtree the answer is exactly what a record that does not
 * exist gets (`sendMissing` sends the same request with missing ids), never a 403.
 */
export async function expectOutcome(
  response: LightMyRequestResponse,
  endpoint: Pick<MatrixEndpoint, 'allowed' | 'foreign'>,
  expectation: Expectation,
  sendMissing: () => Promise<LightMyRequestResponse>,
) {
  if (expectation === 'allowed') {
    expect(response.statusCode, response.body).toBe(endpoint.allowed);
    return;
  }
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  if (expectation === 'unauthorized') {
    expect(response.statusCode, response.body).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthorized', status: 401 });
    return;
  }
  const status = endpoint.foreign ?? 404;
  expect(response.statusCode, response.body).toBe(status);
  const missing = await sendMissing();
  expect(missing.statusCode, missing.body).toBe(status);
  expect(problemBody(response)).toEqual(problemBody(missing));
  if (status === 404) {
    expect(problemBody(response)).toMatchObject({ code: 'not_found', status: 404, errors: [] });
  }
}

/**
 * Runs one case of a matrix: builds its request on the case's records (or, for an endpoint without
 * one, on missing ids), checks it goes to the declared route, sends it as the case's role and asserts
 * the outcome. Returns the answer for checks a matrix adds.
 */
export async function checkMatrixCase<Records, Set>(
  world: World,
  matrixCase: {
    role: Role;
    endpoint: MatrixEndpoint<Records>;
    records: Set | null;
    expect: Expectation;
  },
  recordsOf: (set: Set) => Records,
  missing: Records,
) {
  const { role, endpoint, records, expect: expectation } = matrixCase;
  const request = await endpoint.build(records === null ? missing : recordsOf(records), world);
  expectSentToRoute(request, endpoint.route);
  const client = clientOf(world, role, { spare: request.spareSession });
  const response = await send(client, request);
  await expectOutcome(response, endpoint, expectation, async () =>
    send(client, await endpoint.build(missing, world)),
  );
  return response;
}
