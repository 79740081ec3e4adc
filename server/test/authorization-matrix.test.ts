import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPartner,
  createSuperAdmin,
  createTariff,
  partnerInput,
  PARTNER_PASSWORD,
  signInAsPartner,
  unique,
  type CreatedPartner,
  type PartnerResponseBody,
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
 * The authorisation matrix of every /api/v1 endpoint: who may call it, on which records, and with
 * which exact status. PRODUCT.md: "A record outside the caller's subtree does not exist for the
 * caller: 404, never 403, never a leak through search, counts, exports or error messages."
 *
 * The world built in beforeAll, all through the API:
 *
 *   platform ─┬─ A (partner administrator) ─┬─ A1 (sub-partner administrator) ─┬─ A1x (leaf)
 *             │                             │                                  └─ A1y (archived)
 *             │                             ├─ A2 (owns tariff A2)
 *             │                             ├─ A3 (blocked by A's administrator in a test)
 *             │                             ├─ Ax (leaf), Ay (archived), Az (archived)
 *             ├─ B (foreign tree) ─┬─ B1 (priced by tariff B), B2 (archived)
 *             │                    ├─ Bx (leaf), By (archived), tariff Bx: the super administrator's targets
 *             │                    └─ Bm ── Bm1 (priced by tariff B): moved into A's tree at the end
 *             └─ C (blocked after its administrator signed in)
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The records a by-id endpoint case acts on: ids only, so a case can also be built for missing ids. */
interface Records {
  /** A partner to read, change and read the history of. */
  partner: number;
  /** A partner without live sub-partners, to archive. */
  leaf: number;
  /** An archived partner, to restore. */
  archived: number;
  tariff: number;
}

type RecordSet = 'platformB' | 'ownA' | 'ownA1' | 'foreignB' | 'parentTreeA' | 'blockedC';

interface Request {
  method: Method;
  url: string;
  body?: unknown;
  /** Send it with the role's spare session (logout ends the session it is sent with). */
  spareSession?: boolean;
}

interface EndpointCase extends MatrixEndpoint {
  build(records: Records): Request | Promise<Request>;
}

interface Tariff {
  id: number;
  name: string;
  version: number;
  currency: string;
}

let context: TestContext;
let root: TestClient;
const sessions = {} as Record<Role, TestClient>;
const spareSessions = {} as Record<Role, TestClient>;
const partners = {} as Record<
  | 'A'
  | 'A1'
  | 'A1x'
  | 'A1y'
  | 'A2'
  | 'A3'
  | 'Ax'
  | 'Ay'
  | 'Az'
  | 'B'
  | 'B1'
  | 'B2'
  | 'Bx'
  | 'By'
  | 'Bm'
  | 'Bm1'
  | 'C',
  CreatedPartner
>;
const tariffs = {} as Record<'platform' | 'A' | 'A1' | 'A2' | 'B' | 'Bx', Tariff>;
const recordSets = {} as Record<RecordSet, Records>;

/** An id no record has: what a foreign record must look like to the caller. */
const MISSING_ID = 987_654_321;
const missingRecords: Records = {
  partner: MISSING_ID,
  leaf: MISSING_ID,
  archived: MISSING_ID,
  tariff: MISSING_ID,
};

const api = (path: string) => `/api/v1${path}`;

async function currentVersion(kind: 'partners' | 'tariffs', id: number): Promise<number> {
  const response = await root.get(api(`/${kind}/${id}`));
  return response.statusCode === 200 ? response.json<{ version: number }>().version : 1;
}

function send(client: TestClient, request: Request) {
  return client.request(request.method, request.url, request.body);
}

function clientOf(role: Role, spare = false): TestClient {
  if (role === 'noSession') return anonymous(context.app);
  return spare ? spareSessions[role] : sessions[role];
}

async function archive(id: number) {
  expectStatus(await root.delete(api(`/partners/${id}`)), 200);
}

beforeAll(async () => {
  context = await createTestApp();
  const { app, database } = context;
  root = await createSuperAdmin(app, database.db);
  sessions.superAdmin = root;
  spareSessions.superAdmin = await createSuperAdmin(app, database.db);

  tariffs.platform = await createTariff(root, { name: unique('Platform tariff ') });

  partners.A = await createPartner(root, { name: unique('Alpha ') });
  partners.A1 = await createPartner(root, { name: unique('Alpha sub '), parentId: partners.A.id });
  partners.B = await createPartner(root, { name: unique('Foreign Bravo ') });
  partners.C = await createPartner(root, { name: unique('Charlie ') });

  sessions.partnerAdmin = await signInAsPartner(app, partners.A);
  spareSessions.partnerAdmin = await signInAsPartner(app, partners.A);
  sessions.subPartnerAdmin = await signInAsPartner(app, partners.A1);
  spareSessions.subPartnerAdmin = await signInAsPartner(app, partners.A1);
  sessions.blockedPartnerAdmin = await signInAsPartner(app, partners.C);
  spareSessions.blockedPartnerAdmin = await signInAsPartner(app, partners.C);

  // Tariffs: each owned by the partner that created it, B's and A2's created for them by the platform.
  tariffs.A = await createTariff(sessions.partnerAdmin, { name: unique('Alpha tariff ') });
  tariffs.A1 = await createTariff(sessions.subPartnerAdmin, { name: unique('Alpha sub tariff ') });
  tariffs.B = await createTariff(root, {
    name: unique('Foreign Bravo tariff '),
    ownerPartnerId: partners.B.id,
  });
  tariffs.Bx = await createTariff(root, {
    name: unique('Foreign Bravo spare tariff '),
    ownerPartnerId: partners.B.id,
  });

  const admin = sessions.partnerAdmin;
  partners.A2 = await createPartner(admin, { name: unique('Alpha two ') });
  partners.A3 = await createPartner(admin, { name: unique('Alpha three ') });
  partners.Ax = await createPartner(admin, { name: unique('Alpha leaf ') });
  partners.Ay = await createPartner(admin, { name: unique('Alpha archived ') });
  partners.Az = await createPartner(admin, { name: unique('Alpha archived too ') });
  partners.A1x = await createPartner(sessions.subPartnerAdmin, { name: unique('Alpha sub leaf ') });
  partners.A1y = await createPartner(sessions.subPartnerAdmin, { name: unique('Alpha sub archived ') });
  tariffs.A2 = await createTariff(admin, {
    name: unique('Alpha two tariff '),
    ownerPartnerId: partners.A2.id,
  });

  partners.B1 = await createPartner(root, {
    name: unique('Foreign Bravo sub '),
    parentId: partners.B.id,
    priceTariffId: tariffs.B.id,
  });
  partners.B2 = await createPartner(root, {
    name: unique('Foreign Bravo archived '),
    parentId: partners.B.id,
  });
  partners.Bx = await createPartner(root, { name: unique('Foreign Bravo leaf '), parentId: partners.B.id });
  partners.By = await createPartner(root, {
    name: unique('Foreign Bravo restorable '),
    parentId: partners.B.id,
  });
  // A subtree of B whose child is priced by B's tariff, moved into A's tree by the last test.
  partners.Bm = await createPartner(root, { name: unique('Mover '), parentId: partners.B.id });
  partners.Bm1 = await createPartner(root, {
    name: unique('Mover child '),
    parentId: partners.Bm.id,
    priceTariffId: tariffs.B.id,
  });

  for (const key of ['Ay', 'Az', 'A1y', 'B2', 'By'] as const) await archive(partners[key].id);

  // C's administrator signed in (twice) before the block; the block must end both sessions at once.
  expectStatus(
    await root.patch(api(`/partners/${partners.C.id}`), {
      version: await currentVersion('partners', partners.C.id),
      blocked: true,
    }),
    200,
  );

  Object.assign(recordSets, {
    platformB: {
      partner: partners.B.id,
      leaf: partners.Bx.id,
      archived: partners.By.id,
      tariff: tariffs.Bx.id,
    },
    ownA: { partner: partners.A.id, leaf: partners.Ax.id, archived: partners.Ay.id, tariff: tariffs.A.id },
    ownA1: {
      partner: partners.A1.id,
      leaf: partners.A1x.id,
      archived: partners.A1y.id,
      tariff: tariffs.A1.id,
    },
    foreignB: {
      partner: partners.B.id,
      leaf: partners.B1.id,
      archived: partners.B2.id,
      tariff: tariffs.B.id,
    },
    // What a sub-partner administrator must not see: its parent, a sibling, the sibling's tariff.
    parentTreeA: {
      partner: partners.A.id,
      leaf: partners.A2.id,
      archived: partners.Az.id,
      tariff: tariffs.A2.id,
    },
    blockedC: {
      partner: partners.C.id,
      leaf: partners.C.id,
      archived: partners.C.id,
      tariff: tariffs.platform.id,
    },
  } satisfies Record<RecordSet, Records>);
});

afterAll(() => context.close());

/* ------------------------------------------------------------------------------------------------ */
/* The endpoints                                                                                     */
/* ------------------------------------------------------------------------------------------------ */

/** Endpoints that take no record: every signed-in role may call them. */
const endpointsWithoutRecord: EndpointCase[] = [
  { name: 'GET /auth/me', allowed: 200, build: () => ({ method: 'GET', url: api('/auth/me') }) },
  {
    name: 'POST /auth/logout',
    allowed: 204,
    build: () => ({ method: 'POST', url: api('/auth/logout'), body: {}, spareSession: true }),
  },
  {
    name: 'GET /reference/regions',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/regions?country=RU') }),
  },
  {
    name: 'GET /reference/currencies',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/currencies') }),
  },
  {
    name: 'GET /reference/organization-types',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/organization-types?country=KZ') }),
  },
  {
    name: 'GET /reference/account-types',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/account-types') }),
  },
  {
    name: 'GET /reference/vat-rates',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/vat-rates?country=RU&date=2026-02-01') }),
  },
  { name: 'GET /tariffs', allowed: 200, build: () => ({ method: 'GET', url: api('/tariffs') }) },
  {
    name: 'GET /tariffs/choices (no partner)',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/tariffs/choices?purpose=price&currencies=RUB') }),
  },
  {
    name: 'POST /tariffs',
    allowed: 201,
    build: () => ({
      method: 'POST',
      url: api('/tariffs'),
      body: { name: unique('Matrix tariff '), currency: 'RUB', period: 'day', price: '10.00' },
    }),
  },
  { name: 'GET /partners', allowed: 200, build: () => ({ method: 'GET', url: api('/partners') }) },
  {
    name: 'GET /partners/export (csv)',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/partners/export?format=csv') }),
  },
  {
    name: 'GET /partners/export (xlsx)',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/partners/export?format=xlsx') }),
  },
  {
    name: 'POST /partners',
    allowed: 201,
    build: () => ({ method: 'POST', url: api('/partners'), body: partnerInput() }),
  },
];

/** Endpoints that act on a record: in scope they answer `allowed`, outside it 404. */
const endpointsWithRecord: EndpointCase[] = [
  {
    name: 'GET /partners/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/partners/${r.partner}`) }),
  },
  {
    name: 'PATCH /partners/:id',
    allowed: 200,
    build: async (r) => ({
      method: 'PATCH',
      url: api(`/partners/${r.partner}`),
      body: { version: await currentVersion('partners', r.partner), comment: unique('Checked ') },
    }),
  },
  {
    name: 'DELETE /partners/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/partners/${r.leaf}`) }),
  },
  {
    name: 'POST /partners/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/partners/${r.archived}/restore`), body: {} }),
  },
  {
    name: 'GET /partners/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/partners/${r.partner}/history`) }),
  },
  {
    name: 'GET /tariffs/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/tariffs/${r.tariff}`) }),
  },
  {
    name: 'PATCH /tariffs/:id',
    allowed: 200,
    build: async (r) => ({
      method: 'PATCH',
      url: api(`/tariffs/${r.tariff}`),
      body: { version: await currentVersion('tariffs', r.tariff), name: unique('Renamed tariff ') },
    }),
  },
  {
    name: 'GET /tariffs/choices?partnerId',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/tariffs/choices?purpose=price&partnerId=${r.partner}&currencies=RUB`),
    }),
  },
  {
    name: 'GET /tariffs/choices?parentId',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/tariffs/choices?purpose=partnerPrice&parentId=${r.partner}&currencies=RUB`),
    }),
  },
];

/* ------------------------------------------------------------------------------------------------ */
/* The matrix                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

/** Which roles reach which record sets, and what they must get. */
const recordRows: RecordRow<RecordSet>[] = [
  { role: 'superAdmin', records: 'platformB', expect: 'allowed', label: "any partner's records" },
  { role: 'partnerAdmin', records: 'ownA', expect: 'allowed', label: 'own subtree' },
  { role: 'partnerAdmin', records: 'foreignB', expect: 'not_found', label: "foreign tree B's records" },
  { role: 'subPartnerAdmin', records: 'ownA1', expect: 'allowed', label: 'own subtree' },
  { role: 'subPartnerAdmin', records: 'foreignB', expect: 'not_found', label: "foreign tree B's records" },
  {
    role: 'subPartnerAdmin',
    records: 'parentTreeA',
    expect: 'not_found',
    label: "its parent A's, a sibling's and the sibling's tariff",
  },
  { role: 'blockedPartnerAdmin', records: 'blockedC', expect: 'unauthorized', label: 'own records' },
  {
    role: 'blockedPartnerAdmin',
    records: 'foreignB',
    expect: 'unauthorized',
    label: "foreign tree B's records",
  },
  { role: 'noSession', records: 'ownA', expect: 'unauthorized', label: "A's records" },
];

const matrix = matrixCases(endpointsWithoutRecord, endpointsWithRecord, recordRows);

describe('authorisation matrix', () => {
  it.each(matrix)('$title', async ({ role, endpoint, records, expect: expectation }) => {
    const request = await endpoint.build(records === null ? missingRecords : recordSets[records]);
    const client = clientOf(role, request.spareSession);
    const response = await send(client, request);

    await expectOutcome(response, endpoint, expectation, async () =>
      send(client, await endpoint.build(missingRecords)),
    );
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Lists, totals, searches and exports                                                               */
/* ------------------------------------------------------------------------------------------------ */

interface ListItem {
  id: number;
  name: string;
  parent: { id: number; name: string } | null;
  tariff: { id: number; name: string } | null;
}
interface List<T = ListItem> {
  items: T[];
  total: number;
}

async function list<T = ListItem>(client: TestClient, path: string): Promise<List<T>> {
  return expectStatus<List<T>>(await client.get(api(path)), 200);
}

/** The ids of a partner's subtree (itself included) as the super administrator's list shows it. */
async function subtreeIds(rootId: number, showDeleted: boolean): Promise<number[]> {
  const all = await list(root, `/partners?pageSize=500${showDeleted ? '&showDeleted=true' : ''}`);
  expect(all.total).toBe(all.items.length);
  const ids = new Set([rootId]);
  let grown = true;
  while (grown) {
    grown = false;
    for (const item of all.items) {
      if (item.parent && ids.has(item.parent.id) && !ids.has(item.id)) {
        ids.add(item.id);
        grown = true;
      }
    }
  }
  return [...ids].filter((id) => all.items.some((item) => item.id === id)).sort((a, b) => a - b);
}

const sortedIds = (items: { id: number }[]) => items.map((item) => item.id).sort((a, b) => a - b);

async function exportCsv(client: TestClient, query = '') {
  const response = await client.get(api(`/partners/export?format=csv${query}`));
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  return response.body;
}

async function exportXlsxCells(client: TestClient): Promise<string[]> {
  const response = await client.get(api('/partners/export?format=xlsx'));
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  // exceljs types its Buffer against older @types/node; the bytes are the same.
  await workbook.xlsx.load(response.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells;
}

describe('foreign records never leak through lists, totals, searches and exports', () => {
  it.each([
    ['partner administrator (A)', 'partnerAdmin', 'A'],
    ['sub-partner administrator (A1)', 'subPartnerAdmin', 'A1'],
  ] as const)(
    'the %s lists exactly its subtree, with and without archived partners',
    async (_, role, key) => {
      for (const showDeleted of [false, true]) {
        const expected = await subtreeIds(partners[key].id, showDeleted);
        const seen = await list(
          sessions[role],
          `/partners?pageSize=500${showDeleted ? '&showDeleted=true' : ''}`,
        );
        expect(sortedIds(seen.items)).toEqual(expected);
        expect(seen.total).toBe(expected.length);
      }
    },
  );

  it("the sub-partner administrator's list leaves out its parent and its siblings", async () => {
    const seen = await list(sessions.subPartnerAdmin, '/partners?pageSize=500&showDeleted=true');
    const ids = seen.items.map((item) => item.id);
    for (const hidden of [partners.A, partners.A2, partners.Ax, partners.Az, partners.B, partners.B1]) {
      expect(ids).not.toContain(hidden.id);
    }
  });

  it.each([
    ["B's unique name", () => `search=${encodeURIComponent(partners.B.name)}`],
    ["B1's unique name", () => `search=${encodeURIComponent(partners.B1.name)}`],
    ["B1's login", () => `search=${encodeURIComponent(partners.B1.login)}`],
    ["the name filter with B's name", () => `name=${encodeURIComponent(partners.B.name)}`],
    ["the login filter with B's login", () => `login=${encodeURIComponent(partners.B.login)}`],
    ["B's id", () => `id=${partners.B.id}`],
    ['children of B', () => `parentId=${partners.B.id}`],
    ["priced by B's tariff", () => `priceTariffId=${tariffs.B.id}`],
  ] as const)(
    'a search or filter for %s finds it for the super administrator, and nothing for A or A1',
    async (_, query) => {
      const everything = await list(root, `/partners?showDeleted=true&${query()}`);
      expect(everything.total).toBeGreaterThan(0);
      for (const role of ['partnerAdmin', 'subPartnerAdmin'] as const) {
        for (const showDeleted of ['', '&showDeleted=true']) {
          expect(await list(sessions[role], `/partners?${query()}${showDeleted}`)).toEqual({
            items: [],
            total: 0,
          });
        }
      }
    },
  );

  it("A's csv export holds its subtree and no name or login of tree B", async () => {
    const csv = await exportCsv(sessions.partnerAdmin);
    expect(csv).toContain(partners.A1.name);
    expect(csv).toContain(partners.A2.name);
    for (const foreign of [partners.B, partners.B1, partners.Bx]) {
      expect(csv).not.toContain(foreign.name);
      expect(csv).not.toContain(foreign.login);
    }
    expect(csv).not.toContain(tariffs.B.name);
    // A search for a foreign name exports the header row alone.
    const searched = await exportCsv(sessions.partnerAdmin, `&search=${encodeURIComponent(partners.B.name)}`);
    expect(searched.trim().split('\n')).toHaveLength(1);
    // The super administrator's export does hold B, so the check above can fail.
    expect(await exportCsv(root)).toContain(partners.B.name);
  });

  it("A1's csv export leaves out its parent A and its parent's other sub-partners", async () => {
    const csv = await exportCsv(sessions.subPartnerAdmin, '&showDeleted=true');
    expect(csv).toContain(partners.A1x.name);
    expect(csv).toContain(partners.A1y.name);
    for (const hidden of [partners.A2, partners.Ax, partners.Az, partners.B])
      expect(csv).not.toContain(hidden.name);
    // Not even A1's own row names its parent: A lies outside A1's subtree.
    expect(csv).not.toContain(partners.A.name);
  });

  it("A's xlsx export holds its subtree and no name of tree B", async () => {
    const cells = await exportXlsxCells(sessions.partnerAdmin);
    expect(cells).toContain(partners.A1.name);
    for (const foreign of [partners.B.name, partners.B1.name, partners.B1.login, tariffs.B.name]) {
      expect(cells).not.toContain(foreign);
    }
    expect(await exportXlsxCells(root)).toContain(partners.B.name);
  });

  it("A's tariff list and searches leave out B's tariff; A1's leave out its sibling's", async () => {
    const ofA = await list<{ id: number }>(sessions.partnerAdmin, '/tariffs?pageSize=500');
    expect(ofA.total).toBe(ofA.items.length);
    expect(ofA.items.map((item) => item.id)).toEqual(expect.arrayContaining([tariffs.A.id, tariffs.A2.id]));
    expect(ofA.items.map((item) => item.id)).not.toContain(tariffs.B.id);
    const foreignSearch = `/tariffs?search=${encodeURIComponent(tariffs.B.name)}`;
    expect((await list(root, foreignSearch)).total).toBe(1);
    expect(await list(sessions.partnerAdmin, foreignSearch)).toEqual({ items: [], total: 0 });
    expect(await list(sessions.partnerAdmin, `/tariffs?ownerPartnerId=${partners.B.id}`)).toEqual({
      items: [],
      total: 0,
    });

    const ofA1 = await list<{ id: number }>(sessions.subPartnerAdmin, '/tariffs?pageSize=500');
    expect(ofA1.total).toBe(ofA1.items.length);
    expect(ofA1.items.map((item) => item.id)).not.toContain(tariffs.A2.id);
    expect(ofA1.items.map((item) => item.id)).not.toContain(tariffs.B.id);
    expect(
      await list(sessions.subPartnerAdmin, `/tariffs?search=${encodeURIComponent(tariffs.A2.name)}`),
    ).toEqual({ items: [], total: 0 });
  });

  it("the Price and Partner price choices of A's partners never offer B's tariff", async () => {
    for (const query of [
      `purpose=price&partnerId=${partners.A1.id}&currencies=RUB`,
      `purpose=partnerPrice&partnerId=${partners.A1.id}&currencies=RUB`,
      `purpose=partnerPrice&parentId=${partners.A.id}&currencies=RUB`,
    ]) {
      const choices = await list<{ id: number }>(sessions.partnerAdmin, `/tariffs/choices?${query}`);
      expect(choices.items.map((item) => item.id)).not.toContain(tariffs.B.id);
      expect(choices.total).toBe(choices.items.length);
    }
  });

  it("a sub-partner administrator sees its parent's tariff, which it may sell, but cannot change it", async () => {
    expectStatus(await sessions.subPartnerAdmin.get(api(`/tariffs/${tariffs.A.id}`)), 200);
    const response = await sessions.subPartnerAdmin.patch(api(`/tariffs/${tariffs.A.id}`), {
      version: await currentVersion('tariffs', tariffs.A.id),
      name: 'Taken over',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'tariff_owner_forbidden' });
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Foreign ids given as references in bodies                                                         */
/* ------------------------------------------------------------------------------------------------ */

describe('a foreign id in a request body is answered like a missing one', () => {
  const referenceCases: {
    title: string;
    role: 'partnerAdmin' | 'subPartnerAdmin';
    foreign: () => number;
    request: (id: number) => Promise<Request> | Request;
    status: number;
    errors: { field: string; code: string }[];
  }[] = [
    {
      title: 'A creates a partner under B → 400 parentId parent_not_found',
      role: 'partnerAdmin',
      foreign: () => partners.B.id,
      request: (id) => ({ method: 'POST', url: api('/partners'), body: partnerInput({ parentId: id }) }),
      status: 400,
      errors: [{ field: 'parentId', code: 'parent_not_found' }],
    },
    {
      title: "A creates a partner under B's sub-partner B1 → 400 parentId parent_not_found",
      role: 'partnerAdmin',
      foreign: () => partners.B1.id,
      request: (id) => ({ method: 'POST', url: api('/partners'), body: partnerInput({ parentId: id }) }),
      status: 400,
      errors: [{ field: 'parentId', code: 'parent_not_found' }],
    },
    {
      title: "A creates a partner under B's archived B2 → 400 parentId parent_not_found (not 409)",
      role: 'partnerAdmin',
      foreign: () => partners.B2.id,
      request: (id) => ({ method: 'POST', url: api('/partners'), body: partnerInput({ parentId: id }) }),
      status: 400,
      errors: [{ field: 'parentId', code: 'parent_not_found' }],
    },
    {
      title: 'A1 creates a partner under its parent A → 400 parentId parent_not_found',
      role: 'subPartnerAdmin',
      foreign: () => partners.A.id,
      request: (id) => ({ method: 'POST', url: api('/partners'), body: partnerInput({ parentId: id }) }),
      status: 400,
      errors: [{ field: 'parentId', code: 'parent_not_found' }],
    },
    {
      title: 'A moves its sub-partner A1 under B → 400 parentId parent_not_found',
      role: 'partnerAdmin',
      foreign: () => partners.B.id,
      request: async (id) => ({
        method: 'PATCH',
        url: api(`/partners/${partners.A1.id}`),
        body: { version: await currentVersion('partners', partners.A1.id), parentId: id },
      }),
      status: 400,
      errors: [{ field: 'parentId', code: 'parent_not_found' }],
    },
    {
      title: "A prices its sub-partner A1 with B's tariff → 400 priceTariffId tariff_not_available",
      role: 'partnerAdmin',
      foreign: () => tariffs.B.id,
      request: async (id) => ({
        method: 'PATCH',
        url: api(`/partners/${partners.A1.id}`),
        body: { version: await currentVersion('partners', partners.A1.id), priceTariffId: id },
      }),
      status: 400,
      errors: [{ field: 'priceTariffId', code: 'tariff_not_available' }],
    },
    {
      title: "A creates a partner with B's tariff as its Partner price → 400 tariff_not_available",
      role: 'partnerAdmin',
      foreign: () => tariffs.B.id,
      request: (id) => ({
        method: 'POST',
        url: api('/partners'),
        body: partnerInput({ partnerPriceTariffId: id }),
      }),
      status: 400,
      errors: [{ field: 'partnerPriceTariffId', code: 'tariff_not_available' }],
    },
    {
      title: 'A creates a tariff owned by B → 400 ownerPartnerId parent_not_found',
      role: 'partnerAdmin',
      foreign: () => partners.B.id,
      request: (id) => ({
        method: 'POST',
        url: api('/tariffs'),
        body: { name: 'Planted', currency: 'RUB', period: 'month', price: '1.00', ownerPartnerId: id },
      }),
      status: 400,
      errors: [{ field: 'ownerPartnerId', code: 'parent_not_found' }],
    },
    {
      title: 'A1 creates a tariff owned by its parent A → 400 ownerPartnerId parent_not_found',
      role: 'subPartnerAdmin',
      foreign: () => partners.A.id,
      request: (id) => ({
        method: 'POST',
        url: api('/tariffs'),
        body: { name: 'Planted', currency: 'RUB', period: 'month', price: '1.00', ownerPartnerId: id },
      }),
      status: 400,
      errors: [{ field: 'ownerPartnerId', code: 'parent_not_found' }],
    },
  ];

  it.each(referenceCases)('$title', async ({ role, foreign, request, status, errors }) => {
    const client = sessions[role];
    const withForeign = await send(client, await request(foreign()));
    expect(withForeign.statusCode, withForeign.body).toBe(status);
    expect(withForeign.json<{ errors: unknown[] }>().errors).toEqual(
      errors.map((error) => ({ ...error, message: expect.any(String) })),
    );
    const withMissing = await send(client, await request(MISSING_ID));
    expect(withMissing.statusCode).toBe(status);
    expect(problemBody(withForeign)).toEqual(problemBody(withMissing));
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* What a partner administrator may do to its own partner and to its sub-partners                     */
/* ------------------------------------------------------------------------------------------------ */

describe("a partner administrator and its own partner's parent-only fields", () => {
  const parentOnly: { field: string; value: () => unknown }[] = [
    { field: 'blocked', value: () => true },
    { field: 'usersBlocked', value: () => true },
    { field: 'parentId', value: () => partners.A2.id },
    { field: 'partnerPriceTariffId', value: () => tariffs.platform.id },
  ];

  it.each(parentOnly)('A cannot change its own $field → 403 field_forbidden', async ({ field, value }) => {
    const response = await sessions.partnerAdmin.patch(api(`/partners/${partners.A.id}`), {
      version: await currentVersion('partners', partners.A.id),
      [field]: value(),
    });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'field_forbidden',
      errors: [{ field, code: 'field_forbidden', message: expect.any(String) }],
    });
  });

  it('A changing all four at once is told every field, and nothing changes', async () => {
    const before = expectStatus<PartnerResponseBody>(await root.get(api(`/partners/${partners.A.id}`)), 200);
    const response = await sessions.partnerAdmin.patch(api(`/partners/${partners.A.id}`), {
      version: before.version,
      name: 'Should not stick',
      ...Object.fromEntries(parentOnly.map(({ field, value }) => [field, value()])),
    });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json<{ errors: { field: string; code: string }[] }>().errors).toEqual(
      parentOnly.map(({ field }) => ({ field, code: 'field_forbidden', message: expect.any(String) })),
    );
    const after = expectStatus<PartnerResponseBody>(await root.get(api(`/partners/${partners.A.id}`)), 200);
    expect(after).toEqual(before);
  });

  it('A1 cannot block itself or move itself either', async () => {
    const response = await sessions.subPartnerAdmin.patch(api(`/partners/${partners.A1.id}`), {
      version: await currentVersion('partners', partners.A1.id),
      blocked: true,
      parentId: partners.A2.id,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toEqual([
      'blocked',
      'parentId',
    ]);
  });

  it('A may change its own name, and resend the parent-only fields unchanged', async () => {
    const name = unique('Alpha renamed ');
    const response = await sessions.partnerAdmin.patch(api(`/partners/${partners.A.id}`), {
      version: await currentVersion('partners', partners.A.id),
      name,
      blocked: false,
      usersBlocked: false,
      parentId: null,
      partnerPriceTariffId: null,
    });
    expect(expectStatus<PartnerResponseBody>(response, 200).name).toBe(name);
    partners.A.name = name;
  });

  it.each([
    ['A', 'partnerAdmin', 'A'],
    ['A1', 'subPartnerAdmin', 'A1'],
  ] as const)('%s cannot archive itself → 403 self_archive', async (_, role, key) => {
    const response = await sessions[role].delete(api(`/partners/${partners[key].id}`));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'self_archive' });
    expect((await sessions[role].get(api('/auth/me'))).statusCode).toBe(200);
  });

  it("A can block its sub-partner A3: A3's open session ends and its login is refused; unblocking lets it in", async () => {
    const subSession = await signInAsPartner(context.app, partners.A3);
    expect((await subSession.get(api('/auth/me'))).statusCode).toBe(200);

    const blocked = await sessions.partnerAdmin.patch(api(`/partners/${partners.A3.id}`), {
      version: await currentVersion('partners', partners.A3.id),
      blocked: true,
    });
    expect(expectStatus<{ blocked: boolean }>(blocked, 200).blocked).toBe(true);
    expect((await subSession.get(api('/auth/me'))).statusCode).toBe(401);
    const login = await anonymous(context.app).post(api('/auth/login'), {
      login: partners.A3.login,
      password: PARTNER_PASSWORD,
    });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toMatchObject({ code: 'blocked' });

    expectStatus(
      await sessions.partnerAdmin.patch(api(`/partners/${partners.A3.id}`), {
        version: await currentVersion('partners', partners.A3.id),
        blocked: false,
      }),
      200,
    );
    expect((await (await signInAsPartner(context.app, partners.A3)).get(api('/auth/me'))).statusCode).toBe(
      200,
    );
  });
});

describe('moving a subtree between trees', () => {
  it("never shows A the tariffs of B that the moved subtree's partners were priced with", async () => {
    // The super administrator moves Bm (unpriced) with its child Bm1 (priced by B's tariff) under A.
    // Either the move is refused, or B's tariff may not follow Bm1 into a tree that cannot use it.
    const move = await root.patch(api(`/partners/${partners.Bm.id}`), {
      version: await currentVersion('partners', partners.Bm.id),
      parentId: partners.A.id,
    });
    expect(move.statusCode, move.body).toBeLessThan(500);

    const admin = sessions.partnerAdmin;
    const child = await admin.get(api(`/partners/${partners.Bm1.id}`));
    expect([200, 404]).toContain(child.statusCode);
    expect(child.body).not.toContain(tariffs.B.name);
    expect((await admin.get(api(`/partners?pageSize=500`))).body).not.toContain(tariffs.B.name);
    expect(await exportCsv(admin)).not.toContain(tariffs.B.name);
    expect((await admin.get(api(`/tariffs/${tariffs.B.id}`))).statusCode).toBe(404);
  });
});
