import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/lib/clock.js';
import {
  createContract,
  createObject,
  createPartner,
  createPortalUser,
  createSuperAdmin,
  createTariff,
  signInAsPartner,
  unique,
  uniqueImei,
  type CreatedPartner,
} from './builders.js';
import { anonymous, expectStatus, type TestClient } from './client.js';
import {
  expectOutcome,
  matrixCases,
  problemBody,
  type MatrixEndpoint,
  type RecordRow,
  type Role,
} from './authorization-harness.js';
import { createTestApp, type TestContext } from './test-app.js';

/*
 * The authorisation matrix of the contracts, objects and portal-users endpoints: every endpoint ×
 * every role × own and foreign records, with exact statuses. A record outside the caller's subtree
 * must be answered exactly as a record that does not exist (PRODUCT.md: 404, never 403, never a leak),
 * and a foreign id inside a body exactly as a missing id.
 *
 *   platform ─┬─ A (partner administrator) ─┬─ A1 (sub-partner administrator)
 *             │                             └─ A2 (A1's sibling)
 *             ├─ B (foreign tree) ── B2 (the super administrator's targets)
 *             └─ C (blocked after its administrator signed in)
 *
 * Every partner has contracts (one to act on, a spare to archive, an archived one to restore, a
 * target to move objects to), objects and portal users of the same kinds.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type RecordSet = 'platformB2' | 'ownA' | 'ownA1' | 'foreignB' | 'parentTreeA' | 'blockedC';

interface Records {
  partner: number;
  contract: number;
  spareContract: number;
  archivedContract: number;
  targetContract: number;
  object: number;
  spareObject: number;
  archivedObject: number;
  user: number;
  spareUser: number;
  archivedUser: number;
}

interface Request {
  method: Method;
  url: string;
  body?: unknown;
}

interface EndpointCase extends MatrixEndpoint {
  build(records: Records): Request | Promise<Request>;
}

const MISSING_ID = 987_654_321;
const missingRecords: Records = {
  partner: MISSING_ID,
  contract: MISSING_ID,
  spareContract: MISSING_ID,
  archivedContract: MISSING_ID,
  targetContract: MISSING_ID,
  object: MISSING_ID,
  spareObject: MISSING_ID,
  archivedObject: MISSING_ID,
  user: MISSING_ID,
  spareUser: MISSING_ID,
  archivedUser: MISSING_ID,
};

let context: TestContext;
let root: TestClient;
let platformTariff: { id: number; name: string };
const sessions = {} as Record<Exclude<Role, 'noSession'>, TestClient>;
const partners = {} as Record<'A' | 'A1' | 'A2' | 'B' | 'B2' | 'C', CreatedPartner>;
const recordSets = {} as Record<RecordSet, Records>;
type Kind = 'contracts' | 'objects' | 'users';
/** Names of the contracts and objects and logins of the users built, by partner: what must never leak. */
const namesOf = {} as Record<'A' | 'A1' | 'A2' | 'B' | 'B2' | 'C', Record<Kind, string[]>>;

const api = (path: string) => `/api/v1${path}`;

async function currentVersion(kind: 'contracts' | 'objects' | 'users', id: number): Promise<number> {
  const response = await root.get(api(`/${kind}/${id}`));
  return response.statusCode === 200 ? response.json<{ version: number }>().version : 1;
}

function send(client: TestClient, request: Request) {
  return client.request(request.method, request.url, request.body);
}

/** Builds a partner's records through the API, as its own administrator would. */
async function buildRecords(key: keyof typeof partners, client: TestClient): Promise<Records> {
  const partnerId = partners[key].id;
  const names: Record<Kind, string[]> = { contracts: [], objects: [], users: [] };
  const contract = async () => {
    const name = unique(`Contract of ${key} `);
    names.contracts.push(name);
    return (await createContract(client, partnerId, { name })).id;
  };
  const [mainContract, spareContract, archivedContract, targetContract] = [
    await contract(),
    await contract(),
    await contract(),
    await contract(),
  ];
  const object = async () => {
    const name = unique(`Truck of ${key} `);
    names.objects.push(name);
    return (await createObject(client, mainContract, { name })).id;
  };
  const [mainObject, spareObject, archivedObject] = [await object(), await object(), await object()];
  const user = async () => {
    const login = unique(`user${key.toLowerCase()}`);
    names.users.push(login);
    return (await createPortalUser(client, mainContract, { login })).id;
  };
  const [mainUser, spareUser, archivedUser] = [await user(), await user(), await user()];
  expectStatus(await client.delete(api(`/contracts/${archivedContract}`)), 200);
  expectStatus(await client.delete(api(`/objects/${archivedObject}`)), 200);
  expectStatus(await client.delete(api(`/users/${archivedUser}`)), 200);
  namesOf[key] = names;
  return {
    partner: partnerId,
    contract: mainContract,
    spareContract,
    archivedContract,
    targetContract,
    object: mainObject,
    spareObject,
    archivedObject,
    user: mainUser,
    spareUser,
    archivedUser,
  };
}

beforeAll(async () => {
  context = await createTestApp();
  const { app, database } = context;
  root = await createSuperAdmin(app, database.db);
  sessions.superAdmin = root;
  platformTariff = await createTariff(root, { name: unique('Platform tariff ') });
  const priced = { priceTariffId: platformTariff.id };

  partners.A = await createPartner(root, { name: unique('Alpha '), ...priced });
  partners.A1 = await createPartner(root, { name: unique('Alpha sub '), parentId: partners.A.id });
  partners.A2 = await createPartner(root, { name: unique('Alpha two '), parentId: partners.A.id });
  partners.B = await createPartner(root, { name: unique('Foreign Bravo '), ...priced });
  partners.B2 = await createPartner(root, { name: unique('Foreign Bravo two '), parentId: partners.B.id });
  partners.C = await createPartner(root, { name: unique('Charlie '), ...priced });

  sessions.partnerAdmin = await signInAsPartner(app, partners.A);
  sessions.subPartnerAdmin = await signInAsPartner(app, partners.A1);
  sessions.blockedPartnerAdmin = await signInAsPartner(app, partners.C);

  Object.assign(recordSets, {
    ownA: await buildRecords('A', sessions.partnerAdmin),
    ownA1: await buildRecords('A1', sessions.subPartnerAdmin),
    parentTreeA: await buildRecords('A2', sessions.partnerAdmin),
    foreignB: await buildRecords('B', root),
    platformB2: await buildRecords('B2', root),
    blockedC: await buildRecords('C', sessions.blockedPartnerAdmin),
  } satisfies Record<RecordSet, Records>);
  // What A1 must not see of its parent: A's own records, not only its sibling's.
  recordSets.parentTreeA = { ...recordSets.parentTreeA, partner: partners.A.id };

  const c = await root.get(api(`/partners/${partners.C.id}`));
  expectStatus(
    await root.patch(api(`/partners/${partners.C.id}`), {
      version: c.json<{ version: number }>().version,
      blocked: true,
    }),
    200,
  );
});

afterAll(() => context.close());

/* ------------------------------------------------------------------------------------------------ */
/* The endpoints                                                                                     */
/* ------------------------------------------------------------------------------------------------ */

const endpointsWithoutRecord: EndpointCase[] = [
  { name: 'GET /contracts', allowed: 200, build: () => ({ method: 'GET', url: api('/contracts') }) },
  {
    name: 'GET /contracts/export (csv)',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/contracts/export?format=csv') }),
  },
  {
    name: 'GET /contracts/export (xlsx)',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/contracts/export?format=xlsx') }),
  },
  { name: 'GET /objects', allowed: 200, build: () => ({ method: 'GET', url: api('/objects') }) },
  {
    name: 'GET /objects/export (csv)',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/objects/export?format=csv') }),
  },
  { name: 'GET /users', allowed: 200, build: () => ({ method: 'GET', url: api('/users') }) },
];

const endpointsWithRecord: EndpointCase[] = [
  // Contracts
  {
    name: 'POST /contracts (partnerId)',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/contracts'),
      body: { partnerId: r.partner, name: unique('Matrix '), currency: 'RUB', accountType: 'prepayment' },
    }),
  },
  {
    name: 'GET /contracts/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/contracts/${r.contract}`) }),
  },
  {
    name: 'PATCH /contracts/:id',
    allowed: 200,
    build: async (r) => ({
      method: 'PATCH',
      url: api(`/contracts/${r.contract}`),
      body: { version: await currentVersion('contracts', r.contract), comment: unique('Checked ') },
    }),
  },
  {
    name: 'DELETE /contracts/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/contracts/${r.spareContract}`) }),
  },
  {
    name: 'POST /contracts/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/contracts/${r.archivedContract}/restore`), body: {} }),
  },
  {
    name: 'POST /contracts/:id/clone',
    allowed: 201,
    build: (r) => ({ method: 'POST', url: api(`/contracts/${r.contract}/clone`), body: {} }),
  },
  {
    name: 'GET /contracts/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/contracts/${r.contract}/history`) }),
  },
  // Objects
  {
    name: 'POST /objects (contractId)',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/objects'),
      body: { contractId: r.contract, name: unique('Matrix truck '), deviceId: uniqueImei() },
    }),
  },
  {
    name: 'GET /objects/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/objects/${r.object}`) }),
  },
  {
    name: 'PATCH /objects/:id',
    allowed: 200,
    build: async (r) => ({
      method: 'PATCH',
      url: api(`/objects/${r.object}`),
      body: { version: await currentVersion('objects', r.object), plateNumber: unique('A') },
    }),
  },
  {
    name: 'DELETE /objects/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/objects/${r.spareObject}`) }),
  },
  {
    name: 'POST /objects/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/objects/${r.archivedObject}/restore`), body: {} }),
  },
  {
    name: 'GET /objects/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/objects/${r.object}/history`) }),
  },
  {
    name: 'POST /objects/:id/move',
    allowed: 200,
    build: (r) => ({
      method: 'POST',
      url: api(`/objects/${r.object}/move`),
      body: { contractId: r.targetContract },
    }),
  },
  {
    name: 'POST /objects/reprice (contractId)',
    allowed: 200,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/objects/reprice'),
      body: { contractId: r.targetContract, tariffId: platformTariff.id, effectiveFrom: today() },
    }),
  },
  // Portal users
  {
    name: 'POST /users (contractId)',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/users'),
      body: {
        contractId: r.contract,
        login: unique('matrixuser'),
        name: 'Matrix',
        password: 'Quiet-harbour-lantern-73',
        type: 'user',
      },
    }),
  },
  {
    name: 'GET /users/password-policy (contractId)',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/password-policy?contractId=${r.contract}`) }),
  },
  { name: 'GET /users/:id', allowed: 200, build: (r) => ({ method: 'GET', url: api(`/users/${r.user}`) }) },
  {
    name: 'PATCH /users/:id',
    allowed: 200,
    build: async (r) => ({
      method: 'PATCH',
      url: api(`/users/${r.user}`),
      body: { version: await currentVersion('users', r.user), name: unique('Renamed ') },
    }),
  },
  {
    name: 'POST /users/:id/block',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.spareUser}/block`), body: {} }),
  },
  {
    name: 'POST /users/:id/unblock',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.user}/unblock`), body: {} }),
  },
  {
    name: 'POST /users/:id/reset-password',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.user}/reset-password`), body: {} }),
  },
  {
    name: 'DELETE /users/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/users/${r.spareUser}`) }),
  },
  {
    name: 'POST /users/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/users/${r.archivedUser}/restore`), body: {} }),
  },
  {
    name: 'GET /users/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/${r.user}/history`) }),
  },
  {
    name: 'GET /users/:id/login-history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/${r.user}/login-history`) }),
  },
  {
    name: 'GET /users/:id/login-history (csv)',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/users/${r.user}/login-history?format=csv`) }),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* The matrix                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

const recordRows: RecordRow<RecordSet>[] = [
  { role: 'superAdmin', records: 'platformB2', expect: 'allowed', label: "any partner's records" },
  { role: 'partnerAdmin', records: 'ownA', expect: 'allowed', label: 'own records' },
  { role: 'partnerAdmin', records: 'foreignB', expect: 'not_found', label: "foreign tree B's records" },
  { role: 'subPartnerAdmin', records: 'ownA1', expect: 'allowed', label: 'own records' },
  { role: 'subPartnerAdmin', records: 'foreignB', expect: 'not_found', label: "foreign tree B's records" },
  {
    role: 'subPartnerAdmin',
    records: 'parentTreeA',
    expect: 'not_found',
    label: "its parent's and its sibling's records",
  },
  { role: 'blockedPartnerAdmin', records: 'blockedC', expect: 'unauthorized', label: 'own records' },
  { role: 'noSession', records: 'ownA', expect: 'unauthorized', label: "A's records" },
];

const clientOf = (role: Role) => (role === 'noSession' ? anonymous(context.app) : sessions[role]);

const matrix = matrixCases(endpointsWithoutRecord, endpointsWithRecord, recordRows);

describe('authorisation matrix of contracts, objects and portal users', () => {
  it.each(matrix)('$title', async ({ role, endpoint, records, expect: expectation }) => {
    const request = await endpoint.build(records === null ? missingRecords : recordSets[records]);
    const client = clientOf(role);
    const response = await send(client, request);

    await expectOutcome(response, endpoint, expectation, async () =>
      send(client, await endpoint.build(missingRecords)),
    );
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Lists, searches, exports and references                                                           */
/* ------------------------------------------------------------------------------------------------ */

interface List {
  items: { id: number; name?: string; login?: string }[];
  total: number;
}

async function list(client: TestClient, path: string): Promise<List> {
  return expectStatus<List>(await client.get(api(path)), 200);
}

const namesIn = (page: List) => page.items.map((item) => item.login ?? item.name ?? '');

describe('foreign contracts, objects and users never leak through lists, searches and exports', () => {
  it.each(['contracts', 'objects', 'users'] as const)(
    'the %s list of A holds its subtree only; of A1, its own only',
    async (kind) => {
      const ofA = namesIn(await list(sessions.partnerAdmin, `/${kind}?pageSize=500&showDeleted=true`));
      const ofA1 = namesIn(await list(sessions.subPartnerAdmin, `/${kind}?pageSize=500&showDeleted=true`));
      const all = namesIn(await list(root, `/${kind}?pageSize=500&showDeleted=true`));
      const built = (keys: (keyof typeof namesOf)[]) =>
        keys.flatMap((key) => namesOf[key][kind]).filter((name) => all.includes(name));
      // Each list holds its tree's records, and none of another tree's (the root's list holds them).
      expect(built(['B', 'B2', 'C']).length).toBeGreaterThan(0);
      for (const name of built(['A', 'A1', 'A2'])) expect(ofA).toContain(name);
      for (const name of built(['B', 'B2', 'C'])) expect(ofA).not.toContain(name);
      for (const name of built(['A1'])) expect(ofA1).toContain(name);
      for (const name of built(['A', 'A2', 'B', 'B2', 'C'])) expect(ofA1).not.toContain(name);
    },
  );

  it.each(['contracts', 'objects', 'users'] as const)(
    "a search for B's %s finds them for the super administrator, and nothing for A or A1",
    async (kind) => {
      const search = namesOf.B[kind][0]!;
      const query = `/${kind}?showDeleted=true&search=${encodeURIComponent(search)}`;
      expect((await list(root, query)).total).toBe(1);
      expect(await list(sessions.partnerAdmin, query)).toEqual({ items: [], total: 0 });
      expect(await list(sessions.subPartnerAdmin, query)).toEqual({ items: [], total: 0 });
    },
  );

  it.each([
    ['contracts', 'partnerId'],
    ['objects', 'partnerId'],
    ['objects', 'contractId'],
    ['users', 'partnerId'],
    ['users', 'contractId'],
  ] as const)('the %s list filtered by a foreign %s is empty', async (kind, filter) => {
    const id = filter === 'partnerId' ? partners.B.id : recordSets.foreignB.contract;
    const query = `/${kind}?${filter}=${id}&showDeleted=true`;
    expect((await list(root, query)).total).toBeGreaterThan(0);
    expect(await list(sessions.partnerAdmin, query)).toEqual({ items: [], total: 0 });
  });

  it.each(['contracts', 'objects'] as const)(
    'the %s csv export of A names nothing of tree B',
    async (kind) => {
      const response = await sessions.partnerAdmin.get(api(`/${kind}/export?format=csv&showDeleted=true`));
      expect(response.statusCode).toBe(200);
      for (const name of namesOf.A[kind]) expect(response.body).toContain(name);
      for (const name of [...namesOf.B[kind], ...namesOf.B2[kind], partners.B.name]) {
        expect(response.body).not.toContain(name);
      }
    },
  );

  it('moving an object into a foreign contract is answered like a missing contract', async () => {
    const object = recordSets.ownA.object;
    const foreign = await sessions.partnerAdmin.post(api(`/objects/${object}/move`), {
      contractId: recordSets.foreignB.contract,
    });
    const missing = await sessions.partnerAdmin.post(api(`/objects/${object}/move`), {
      contractId: MISSING_ID,
    });
    expect(foreign.statusCode).toBe(400);
    expect(problemBody(foreign)).toEqual(problemBody(missing));
  });

  it("a device ID taken in tree B is refused without naming B's object", async () => {
    const taken = await root.get(api(`/objects/${recordSets.foreignB.object}`));
    const { deviceId } = taken.json<{ deviceId: string }>();
    const response = await sessions.partnerAdmin.post(api('/objects'), {
      contractId: recordSets.ownA.contract,
      name: unique('Duplicate '),
      deviceId,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'device_id_taken' });
    for (const name of [...namesOf.B.objects, ...namesOf.B.contracts, partners.B.name]) {
      expect(response.body).not.toContain(name);
    }
    // The field error that names the holder is only for holders inside the caller's subtree.
    expect(response.json<{ errors: { field: string; code: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: 'deviceId', code: 'device_id_taken' }),
    ]);
  });

  it('moving a contract to a foreign partner is answered like a missing partner', async () => {
    const contract = recordSets.ownA.contract;
    const version = await currentVersion('contracts', contract);
    const foreign = await sessions.partnerAdmin.patch(api(`/contracts/${contract}`), {
      version,
      partnerId: partners.B.id,
    });
    const missing = await sessions.partnerAdmin.patch(api(`/contracts/${contract}`), {
      version,
      partnerId: MISSING_ID,
    });
    expect(foreign.statusCode).toBe(400);
    expect(problemBody(foreign)).toEqual(problemBody(missing));
  });
});
