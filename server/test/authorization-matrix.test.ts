import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPartner,
  createTariff,
  partnerInput,
  PARTNER_PASSWORD,
  signInAsPartner,
  unique,
  type CreatedPartner,
  type PartnerResponseBody,
  type TariffResponseBody,
} from './builders.js';
import { anonymous, expectStatus, type TestClient } from './client.js';
import {
  api,
  checkMatrixCase,
  matrixCases,
  problemBody,
  recordRows,
  send,
  type MatrixRequest,
  type RecordSet,
} from './authorization-harness.js';
import {
  missingPartnerRecords,
  partnerEndpointsWithoutRecord,
  partnerEndpointsWithRecord,
  SETTING_TO_DELETE,
  type PartnerRecords,
} from './authorization-endpoints-partners.js';
import { itForEach, useTestWorld } from './test-suite.js';
import { addDays, today } from '../src/lib/clock.js';
import { currentVersion, MISSING_ID, type World } from './test-world.js';

/*
 * The authorisation matrix of the partners, tariffs, reference, partner settings and session endpoints:
 * who may call it, on which records, and with which exact status. PRODUCT.md: "A record outside the
 * caller's subtree does not exist for the caller: 404, never 403, never a leak through search, counts,
 * exports or error messages."
 *
 * The test world (test-world.ts), and what this file adds to it, all through the API:
 *
 *   platform ─┬─ A (partner administrator) ─┬─ A1 (sub-partner administrator) ─┬─ A1x (leaf)
 *             │                             │                                  └─ A1y (archived)
 *             │                             ├─ A2 (owns tariff A2)
 *             │                             ├─ A3 (blocked by A's administrator in a test)
 *             │                             ├─ Ax (leaf), Ay (archived), Az (archived)
 *             ├─ B (foreign tree) ─┬─ B1 (priced by tariff B), Bz (archived)
 *             │                    ├─ Bx (leaf), By (archived), tariff Bx: the super administrator's targets
 *             │                    ├─ B2
 *             │                    └─ Bm ── Bm1 (priced by tariff B): moved into A's tree at the end
 *             └─ C (blocked after its administrator signed in)
 */

type PartnerKey = 'A1x' | 'A1y' | 'A3' | 'Ax' | 'Ay' | 'Az' | 'B1' | 'Bz' | 'Bx' | 'By' | 'Bm' | 'Bm1';

const { context, world } = useTestWorld();
let root: TestClient;
let sessions: World['sessions'];
let partners: World['partners'] & Record<PartnerKey, CreatedPartner>;
let tariffs: Record<'platform' | 'A' | 'A1' | 'A2' | 'B' | 'Bx', TariffResponseBody>;
let recordSets: Record<RecordSet, PartnerRecords>;

async function archive(id: number) {
  expectStatus(await root.delete(api(`/partners/${id}`)), 200);
}

/** Gives a tariff a price from 30 days on (the super administrator changes any); answers its id. */
async function schedulePrice(tariffId: number): Promise<number> {
  const changed = expectStatus<TariffResponseBody>(
    await root.patch(api(`/tariffs/${tariffId}`), {
      version: await currentVersion(world, 'tariffs', tariffId),
      price: '1.00',
      effectiveFrom: addDays(today(), 30),
    }),
    200,
  );
  return changed.versions.at(-1)!.id;
}

beforeAll(async () => {
  ({ root, sessions } = world);
  const admin = sessions.partnerAdmin;
  const subAdmin = sessions.subPartnerAdmin;
  const { A, A2, B } = world.partners;

  // Tariffs: each owned by the partner that created it, B's and A2's created for them.
  tariffs = {
    platform: world.tariffs.platform,
    A: await createTariff(admin, { name: unique('Alpha tariff ') }),
    A1: await createTariff(subAdmin, { name: unique('Alpha sub tariff ') }),
    A2: await createTariff(admin, { name: unique('Alpha two tariff '), ownerPartnerId: A2.id }),
    B: await createTariff(root, { name: unique('Foreign Bravo tariff '), ownerPartnerId: B.id }),
    Bx: await createTariff(root, { name: unique('Foreign Bravo spare tariff '), ownerPartnerId: B.id }),
  };

  const underB = (name: string, more: { priceTariffId?: number; parentId?: number } = {}) =>
    createPartner(root, { name: unique(name), parentId: B.id, ...more });
  const Bm = await underB('Mover ');
  partners = {
    ...world.partners,
    A3: await createPartner(admin, { name: unique('Alpha three ') }),
    Ax: await createPartner(admin, { name: unique('Alpha leaf ') }),
    Ay: await createPartner(admin, { name: unique('Alpha archived ') }),
    Az: await createPartner(admin, { name: unique('Alpha archived too ') }),
    A1x: await createPartner(subAdmin, { name: unique('Alpha sub leaf ') }),
    A1y: await createPartner(subAdmin, { name: unique('Alpha sub archived ') }),
    B1: await underB('Foreign Bravo sub ', { priceTariffId: tariffs.B.id }),
    Bz: await underB('Foreign Bravo archived '),
    Bx: await underB('Foreign Bravo leaf '),
    By: await underB('Foreign Bravo restorable '),
    // A subtree of B whose child is priced by B's tariff, moved into A's tree by the last test.
    Bm,
    Bm1: await underB('Mover child ', { parentId: Bm.id, priceTariffId: tariffs.B.id }),
  };
  for (const key of ['Ay', 'Az', 'A1y', 'Bz', 'By'] as const) await archive(partners[key].id);

  // The setting each allowed settings case deletes, on each partner an allowed case acts on.
  for (const partner of [A, world.partners.A1, B]) {
    expectStatus(
      await root.request('PUT', api(`/partners/${partner.id}/settings/${SETTING_TO_DELETE}`), {
        value: false,
      }),
      201,
    );
  }

  // A scheduled price of each record set's tariff, which the set's DELETE of a price acts on.
  const scheduled = {} as Record<keyof typeof tariffs, number>;
  for (const key of Object.keys(tariffs) as (keyof typeof tariffs)[]) {
    scheduled[key] = await schedulePrice(tariffs[key].id);
  }
  const tariffOf = (key: keyof typeof tariffs) => ({
    tariff: tariffs[key].id,
    scheduledPrice: scheduled[key],
  });

  recordSets = {
    platform: { partner: B.id, leaf: partners.Bx.id, archived: partners.By.id, ...tariffOf('Bx') },
    ownA: { partner: A.id, leaf: partners.Ax.id, archived: partners.Ay.id, ...tariffOf('A') },
    ownA1: {
      partner: partners.A1.id,
      leaf: partners.A1x.id,
      archived: partners.A1y.id,
      ...tariffOf('A1'),
    },
    foreignB: { partner: B.id, leaf: partners.B1.id, archived: partners.Bz.id, ...tariffOf('B') },
    // What a sub-partner administrator must not see: its parent, a sibling, the sibling's tariff.
    parentTreeA: { partner: A.id, leaf: A2.id, archived: partners.Az.id, ...tariffOf('A2') },
    blockedC: {
      partner: partners.C.id,
      leaf: partners.C.id,
      archived: partners.C.id,
      ...tariffOf('platform'),
    },
  };
});

/* ------------------------------------------------------------------------------------------------ */
/* The matrix                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

const matrix = matrixCases(
  partnerEndpointsWithoutRecord,
  partnerEndpointsWithRecord,
  recordRows({ own: 'own subtree', parentTree: "its parent A's, a sibling's and the sibling's tariff" }),
);

describe('authorisation matrix', () => {
  itForEach(matrix, async (matrixCase) => {
    await checkMatrixCase(world, matrixCase, (set) => recordSets[set], missingPartnerRecords);
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
      version: await currentVersion(world, 'tariffs', tariffs.A.id),
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
  const partnerUnder = (id: number): MatrixRequest => ({
    method: 'POST',
    url: api('/partners'),
    body: partnerInput({ parentId: id }),
  });
  const changeOfA1 = async (
    change: { parentId: number } | { priceTariffId: number },
  ): Promise<MatrixRequest> => ({
    method: 'PATCH',
    url: api(`/partners/${partners.A1.id}`),
    body: { version: await currentVersion(world, 'partners', partners.A1.id), ...change },
  });
  const tariffOwnedBy = (id: number): MatrixRequest => ({
    method: 'POST',
    url: api('/tariffs'),
    body: { name: 'Planted', currency: 'RUB', period: 'month', price: '1.00', ownerPartnerId: id },
  });
  /** The one refusal each case expects: 400 naming the field that holds the foreign id. */
  const refused = (field: string, code: string) => ({ status: 400, errors: [{ field, code }] });

  const referenceCases: {
    title: string;
    role: 'partnerAdmin' | 'subPartnerAdmin';
    foreign: () => number;
    request: (id: number) => Promise<MatrixRequest> | MatrixRequest;
    status: number;
    errors: { field: string; code: string }[];
  }[] = [
    {
      title: 'A creates a partner under B → 400 parentId parent_not_found',
      role: 'partnerAdmin',
      foreign: () => partners.B.id,
      request: partnerUnder,
      ...refused('parentId', 'parent_not_found'),
    },
    {
      title: "A creates a partner under B's sub-partner B1 → 400 parentId parent_not_found",
      role: 'partnerAdmin',
      foreign: () => partners.B1.id,
      request: partnerUnder,
      ...refused('parentId', 'parent_not_found'),
    },
    {
      title: "A creates a partner under B's archived Bz → 400 parentId parent_not_found (not 409)",
      role: 'partnerAdmin',
      foreign: () => partners.Bz.id,
      request: partnerUnder,
      ...refused('parentId', 'parent_not_found'),
    },
    {
      title: 'A1 creates a partner under its parent A → 400 parentId parent_not_found',
      role: 'subPartnerAdmin',
      foreign: () => partners.A.id,
      request: partnerUnder,
      ...refused('parentId', 'parent_not_found'),
    },
    {
      title: 'A moves its sub-partner A1 under B → 400 parentId parent_not_found',
      role: 'partnerAdmin',
      foreign: () => partners.B.id,
      request: (id) => changeOfA1({ parentId: id }),
      ...refused('parentId', 'parent_not_found'),
    },
    {
      title: "A prices its sub-partner A1 with B's tariff → 400 priceTariffId tariff_not_available",
      role: 'partnerAdmin',
      foreign: () => tariffs.B.id,
      request: (id) => changeOfA1({ priceTariffId: id }),
      ...refused('priceTariffId', 'tariff_not_available'),
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
      ...refused('partnerPriceTariffId', 'tariff_not_available'),
    },
    {
      title: 'A creates a tariff owned by B → 400 ownerPartnerId parent_not_found',
      role: 'partnerAdmin',
      foreign: () => partners.B.id,
      request: tariffOwnedBy,
      ...refused('ownerPartnerId', 'parent_not_found'),
    },
    {
      title: 'A1 creates a tariff owned by its parent A → 400 ownerPartnerId parent_not_found',
      role: 'subPartnerAdmin',
      foreign: () => partners.A.id,
      request: tariffOwnedBy,
      ...refused('ownerPartnerId', 'parent_not_found'),
    },
  ];

  itForEach(referenceCases, async ({ role, foreign, request, status, errors }) => {
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
    // A pays the platform its Partner price by the platform's tariff (test-world.ts): dropping it is a change.
    { field: 'partnerPriceTariffId', value: () => null },
  ];

  it.each(parentOnly)('A cannot change its own $field → 403 field_forbidden', async ({ field, value }) => {
    const response = await sessions.partnerAdmin.patch(api(`/partners/${partners.A.id}`), {
      version: await currentVersion(world, 'partners', partners.A.id),
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
      version: await currentVersion(world, 'partners', partners.A1.id),
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
      version: await currentVersion(world, 'partners', partners.A.id),
      name,
      blocked: false,
      usersBlocked: false,
      parentId: null,
      partnerPriceTariffId: tariffs.platform.id,
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
      version: await currentVersion(world, 'partners', partners.A3.id),
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
        version: await currentVersion(world, 'partners', partners.A3.id),
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
      version: await currentVersion(world, 'partners', partners.Bm.id),
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
