import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/*
 * What the authorisation matrices share: the roles, the expected outcome of a call, the cases built
 * from endpoints × roles × record sets, and the one assertion of an answer.
 */

export type Role = 'superAdmin' | 'partnerAdmin' | 'subPartnerAdmin' | 'blockedPartnerAdmin' | 'noSession';
export type Expectation = 'allowed' | 'not_found' | 'unauthorized';

export interface MatrixEndpoint {
  name: string;
  /** The status of an allowed call. */
  allowed: number;
  /** What a foreign (or missing) record gets: 404 for a record in the path, 400 for one in a body. */
  foreign?: number;
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

const expectedStatus = (endpoint: MatrixEndpoint, expectation: Expectation) =>
  expectation === 'allowed'
    ? endpoint.allowed
    : expectation === 'not_found'
      ? (endpoint.foreign ?? 404)
      : 401;

/** Every endpoint without a record × every role, and every endpoint with one × every record row. */
export function matrixCases<Endpoint extends MatrixEndpoint, RecordSet>(
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
  endpoint: MatrixEndpoint,
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
