import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { allRights, type Right, type RouteRight } from '../src/modules/auth/auth.public.js';
import { signIn, type TestClient } from './client.js';
import { PARTNER_PASSWORD } from './builders.js';
import {
  API_PREFIX,
  expectSentToRoute,
  send,
  type MatrixEndpoint,
  type MatrixRequest,
} from './authorization-harness.js';
import {
  missingMoneyRecords,
  moneyEndpointsWithoutRecord,
  moneyEndpointsWithRecord,
} from './authorization-endpoints-money.js';
import {
  missingPartnerRecords,
  partnerEndpointsWithoutRecord,
  partnerEndpointsWithRecord,
} from './authorization-endpoints-partners.js';
import {
  contractEndpointsWithoutRecord,
  contractEndpointsWithRecord,
  missingContractRecords,
} from './authorization-endpoints-records.js';
import {
  missingStaffRecords,
  staffEndpointsWithoutRecord,
  staffEndpointsWithRecord,
} from './authorization-endpoints-staff.js';
import { createStaffUser } from './staff-builders.js';
import { createTestApp, type TestContext } from './test-app.js';
import { itForEach, useTestWorld } from './test-suite.js';
import type { World } from './test-world.js';

/*
 * The rights matrix: every endpoint of the matrices × its right off and on, for staff users of
 * partner A (test-world.ts). The right a route needs is read from the route's own declaration.
 *   - Without it, the answer is 403 right_missing naming the right — the same for a record of A's
 *     subtree, a foreign one and a missing one: the right is checked before any record is looked up,
 *     so a refusal tells nothing about what exists.
 *   - With it (and nothing else), the answer is exactly the partner administrator's for the same
 *     request: on A's own records (reads), on no record (lists, exports, creation), on foreign or
 *     missing ids (404, or 400 for an id in a body).
 * Routes every signed-in user may call (right 'none') answer a staff user without rights as they
 * answer the administrator.
 */

const { world } = useTestWorld();
let routesApp: TestContext;
const declaredRights = new Map<string, RouteRight>();

beforeAll(async () => {
  routesApp = await createTestApp({
    onRoute: (route: RouteOptions) => {
      if (route.config?.right === undefined) return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods)
        declaredRights.set(`${method} ${route.url.slice(API_PREFIX.length)}`, route.config.right);
    },
  });
});
afterAll(() => routesApp.close());

type AnyEndpoint = MatrixEndpoint<never>;
interface Case {
  title: string;
  endpoint: AnyEndpoint;
  records: 'own' | 'missing' | 'none';
  group: Group;
  held: 'without' | 'with';
}
interface Group {
  missing: unknown;
  own: (world: World) => unknown;
}

const partnerGroup: Group = {
  missing: missingPartnerRecords,
  own: (w) => ({ ...missingPartnerRecords, partner: w.partners.A.id }),
};
const contractGroup: Group = {
  missing: missingContractRecords,
  own: (w) => ({
    ...missingContractRecords,
    partner: w.partners.A.id,
    contract: w.contracts.A.id,
    object: w.objects.A.id,
    user: w.users.A.id,
  }),
};
const moneyGroup: Group = {
  missing: missingMoneyRecords,
  own: (w) => ({ ...missingMoneyRecords, partner: w.partners.A.id, contract: w.contracts.A.id }),
};
const staffGroup: Group = { missing: missingStaffRecords, own: () => missingStaffRecords };

const groups: { group: Group; without: MatrixEndpoint<never>[]; with: MatrixEndpoint<never>[] }[] = [
  { group: partnerGroup, without: partnerEndpointsWithoutRecord, with: partnerEndpointsWithRecord },
  { group: contractGroup, without: contractEndpointsWithoutRecord, with: contractEndpointsWithRecord },
  { group: moneyGroup, without: moneyEndpointsWithoutRecord, with: moneyEndpointsWithRecord },
  { group: staffGroup, without: staffEndpointsWithoutRecord, with: staffEndpointsWithRecord },
];

const isRead = (endpoint: AnyEndpoint) => endpoint.route.startsWith('GET ');

const cases: Case[] = groups.flatMap(({ group, without, with: withRecord }) => [
  ...without.flatMap((endpoint) =>
    (['without', 'with'] as const).map((held) => ({
      title: `${endpoint.name} · right ${held === 'with' ? 'on' : 'off'}`,
      endpoint,
      records: 'none' as const,
      group,
      held,
    })),
  ),
  ...withRecord.flatMap((endpoint) =>
    (['without', 'with'] as const).flatMap((held) =>
      (isRead(endpoint) ? (['own', 'missing'] as const) : (['missing'] as const)).map((records) => ({
        title: `${endpoint.name} · right ${held === 'with' ? 'on' : 'off'} · ${records === 'own' ? "A's own record" : 'a foreign or missing record'}`,
        endpoint,
        records,
        group,
        held,
      })),
    ),
  ),
]);

/*
 * A partner administrator holds every right, so making one (a partner, with its administrator's
 * password) needs them all: with partners:write alone the answer names the first right missing.
 */
const needsEveryRight = new Set(['POST /partners']);

function neededOf(route: string): readonly Right[] {
  const declared = declaredRights.get(route);
  if (declared === undefined) throw new Error(`${route} declares no right`);
  if (declared === 'none') return [];
  return typeof declared === 'string' ? [declared] : declared;
}

/** What a staff user holds: every right but those the route needs, or just the first one it needs. */
function heldRights(needed: readonly Right[], held: 'without' | 'with'): string[] {
  if (held === 'with') return needed.length === 0 ? [] : [needed[0]!];
  const refused = new Set<string>(needed);
  // Without x:read means without x:write too (write implies read).
  for (const right of needed) if (right.endsWith(':read')) refused.add(right.replace(':read', ':write'));
  return allRights.filter((right) => !refused.has(right));
}

const staffSessions = new Map<string, TestClient>();
async function staffHolding(rights: string[], fresh: boolean): Promise<TestClient> {
  const key = rights.join(',');
  const known = staffSessions.get(key);
  if (known && !fresh) return known;
  const staff = await createStaffUser(world.sessions.partnerAdmin, world.partners.A.id, rights);
  const client = await signIn(world.context.app, staff.login, PARTNER_PASSWORD);
  if (!fresh) staffSessions.set(key, client);
  return client;
}

async function build(testCase: Case): Promise<MatrixRequest> {
  const records = testCase.records === 'own' ? testCase.group.own(world) : testCase.group.missing;
  const request = await testCase.endpoint.build(records as never, world);
  expectSentToRoute(request, testCase.endpoint.route);
  return request;
}

describe('rights matrix: every endpoint × its right off and on × own and foreign records', () => {
  itForEach(cases, async (testCase) => {
    const needed = neededOf(testCase.endpoint.route);
    const request = await build(testCase);
    const staff = await staffHolding(heldRights(needed, testCase.held), request.spareSession === true);
    const response = await send(staff, request);
    if (testCase.held === 'without' && needed.length > 0) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ code: 'right_missing', right: needed[0] });
      return;
    }
    if (needsEveryRight.has(testCase.endpoint.route) && testCase.held === 'with') {
      expect(response.json()).toMatchObject({ status: 403, code: 'right_missing', right: 'contracts:read' });
      return;
    }
    // A request that ends its session (logout) goes with a session of its own.
    const admin = request.spareSession
      ? await signIn(world.context.app, world.partners.A.login, PARTNER_PASSWORD)
      : world.sessions.partnerAdmin;
    const answer = await send(admin, await build(testCase));
    expect(response.statusCode, response.body).toBe(answer.statusCode);
    if (answer.statusCode >= 400) expect(response.json().code).toBe(answer.json().code);
  });
});
