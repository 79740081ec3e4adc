import { sql } from 'kysely';
import type { Static } from 'typebox';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createObject,
  createPartner,
  createTariff,
  signInAsPartner,
  type CreatedPartner,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { signInAsNewStaff } from '../../../test/staff-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { MISSING_ID } from '../../../test/test-world.js';
import type { Db } from '../../db/connect.js';
import type { PartnerTree } from './partners.schemas.js';

type TreeBody = Static<typeof PartnerTree>;
type Node = TreeBody['items'][number];

/*
 * GET /partners/tree, on a tree of its own (the file's private database):
 *
 *   Tree North ─┬─ North Alpha ─┬─ North Alpha One
 *               │   (1 live and │─ North Alpha Three (blocked, users blocked)
 *               │    1 archived └─ North Alpha Two (archived)
 *               │    contract, 1 object)
 *               └─ North Bravo
 *   Tree South ─── South Alpha
 *   Wide ───────── Wide 001 … Wide 505 (rows written straight into partners)
 *   Capped 01 … Capped 55 (top level, rows written straight into partners)
 */

const { context, root } = useTestAppAsRoot();
let p: Record<
  'north' | 'northAlpha' | 'northAlphaOne' | 'northAlphaTwo' | 'northAlphaThree' | 'northBravo',
  CreatedPartner
> & { south: CreatedPartner; southAlpha: CreatedPartner; wide: CreatedPartner };
let northAdmin: TestClient;
let northAlphaAdmin: TestClient;

/** Rows of partners written straight into the table: many of them without hashing a password each. */
async function insertChildren(db: Db, parent: { id: number } | null, prefix: string, count: number) {
  const parentPath = parent
    ? sql`(select path from partners where id = ${parent.id})`
    : sql`array[]::bigint[]`;
  await sql`
    insert into partners (parent_id, path, name, currency, account_type)
    select ${parent?.id ?? null}::bigint, array[]::bigint[],
           ${prefix} || lpad(n::text, ${String(count).length}, '0'), 'RUB', 'prepayment'
      from generate_series(1, ${count}) n`.execute(db);
  // Each path ends with the row's own id, known once it is inserted.
  await sql`update partners set path = ${parentPath} || array[id] where path = '{}'`.execute(db);
}

async function tree(client: TestClient, query = '') {
  return expectStatus<TreeBody>(await client.get(`/api/v1/partners/tree${query}`), 200);
}

/** A node as the tree shows it, with the defaults of a live, unblocked partner without contracts. */
function node(partner: { id: number; name: string }, more: Partial<Node> = {}): Node {
  return {
    id: partner.id,
    name: partner.name,
    parentId: null,
    blocked: false,
    usersBlocked: false,
    archived: false,
    subPartners: 0,
    archivedSubPartners: 0,
    accountsCount: 0,
    vehiclesCount: 0,
    match: false,
    ...more,
  };
}

beforeAll(async () => {
  const db = context.database.db;
  const north = await createPartner(root, { name: 'Tree North' });
  const tariff = await createTariff(root);
  const northAlpha = await createPartner(root, {
    name: 'North Alpha',
    parentId: north.id,
    priceTariffId: tariff.id,
    login: 'north.alpha.desk',
  });
  const under = (name: string, parent: { id: number }) => createPartner(root, { name, parentId: parent.id });
  p = {
    north,
    northAlpha,
    northAlphaOne: await under('North Alpha One', northAlpha),
    northAlphaTwo: await under('North Alpha Two', northAlpha),
    northAlphaThree: await under('North Alpha Three', northAlpha),
    northBravo: await under('North Bravo', north),
    south: await createPartner(root, { name: 'Tree South' }),
    southAlpha: {} as CreatedPartner,
    wide: await createPartner(root, { name: 'Wide' }),
  };
  p.southAlpha = await under('South Alpha', p.south);
  expectStatus(await root.delete(`/api/v1/partners/${p.northAlphaTwo.id}`), 200);
  expectStatus(
    await root.patch(`/api/v1/partners/${p.northAlphaThree.id}`, {
      version: p.northAlphaThree.version,
      blocked: true,
      usersBlocked: true,
    }),
    200,
  );
  // North Alpha's counters: one live contract with one object, and an archived contract.
  const contract = await createContract(root, northAlpha.id);
  await createObject(root, contract.id);
  const archived = await createContract(root, northAlpha.id);
  expectStatus(await root.delete(`/api/v1/contracts/${archived.id}`), 200);

  await insertChildren(db, p.wide, 'Wide ', 505);
  await insertChildren(db, null, 'Capped ', 55);
  northAdmin = await signInAsPartner(context.app, north);
  northAlphaAdmin = await signInAsPartner(context.app, northAlpha);
});

describe('a level of the tree', () => {
  it("answers the super administrator's roots: the platform's top-level partners by name", async () => {
    const body = await tree(root);
    expect(body.items.map((item) => item.name)).toEqual([
      ...Array.from({ length: 55 }, (_, index) => `Capped ${String(index + 1).padStart(2, '0')}`),
      'Tree North',
      'Tree South',
      'Wide',
    ]);
    expect(body).toMatchObject({ total: 58, capped: false });
    expect(body.items.find((item) => item.id === p.north.id)).toEqual(node(p.north, { subPartners: 2 }));
    expect(body.items.find((item) => item.id === p.wide.id)).toEqual(node(p.wide, { subPartners: 505 }));
  });

  it('answers the sub-partners of a partner with their own counts and counters', async () => {
    expect(await tree(root, `?parentId=${p.north.id}`)).toEqual({
      items: [
        node(p.northAlpha, {
          parentId: p.north.id,
          subPartners: 2,
          archivedSubPartners: 1,
          accountsCount: 1,
          vehiclesCount: 1,
        }),
        node(p.northBravo, { parentId: p.north.id }),
      ],
      total: 2,
      capped: false,
    });
  });

  it('leaves out archived partners unless showDeleted, and marks blocked ones', async () => {
    const parentId = p.northAlpha.id;
    const three = node(p.northAlphaThree, { parentId, blocked: true, usersBlocked: true });
    expect(await tree(root, `?parentId=${parentId}`)).toEqual({
      items: [node(p.northAlphaOne, { parentId }), three],
      total: 2,
      capped: false,
    });
    expect(await tree(root, `?parentId=${parentId}&showDeleted=true`)).toEqual({
      items: [
        node(p.northAlphaOne, { parentId }),
        three,
        node(p.northAlphaTwo, { parentId, archived: true }),
      ],
      total: 3,
      capped: false,
    });
  });

  it('answers an empty level for a leaf, an archived partner included', async () => {
    expect(await tree(root, `?parentId=${p.northAlphaOne.id}`)).toEqual({
      items: [],
      total: 0,
      capped: false,
    });
    expect(await tree(root, `?parentId=${p.northAlphaTwo.id}&showDeleted=true`)).toEqual({
      items: [],
      total: 0,
      capped: false,
    });
  });

  it('gives the first 500 partners of a wider level by name, and says how many it holds', async () => {
    const body = await tree(root, `?parentId=${p.wide.id}`);
    expect(body.total).toBe(505);
    expect(body.capped).toBe(true);
    expect(body.items).toHaveLength(500);
    expect(body.items[0]).toMatchObject({ name: 'Wide 001', parentId: p.wide.id, subPartners: 0 });
    expect(body.items.at(-1)!.name).toBe('Wide 500');
  });
});

describe("the tree of a partner's administrator and staff is its own subtree", () => {
  it('starts at its own partner, whose parent it does not see', async () => {
    expect(await tree(northAlphaAdmin)).toEqual({
      items: [
        node(p.northAlpha, { subPartners: 2, archivedSubPartners: 1, accountsCount: 1, vehiclesCount: 1 }),
      ],
      total: 1,
      capped: false,
    });
    expect((await tree(northAdmin)).items).toEqual([node(p.north, { subPartners: 2 })]);
  });

  it('lists the sub-partners of its own partner and of its sub-partners', async () => {
    expect(
      (await tree(northAlphaAdmin, `?parentId=${p.northAlpha.id}`)).items.map((item) => item.id),
    ).toEqual([p.northAlphaOne.id, p.northAlphaThree.id]);
    expect((await tree(northAdmin, `?parentId=${p.northAlpha.id}`)).total).toBe(2);
  });

  it.each([
    ['its parent', () => p.north.id],
    ["its parent's other sub-partner", () => p.northBravo.id],
    ['a foreign top-level partner', () => p.south.id],
    ["a foreign partner's sub-partner", () => p.southAlpha.id],
  ])('answers %s exactly as a missing partner: 404', async (_, foreign) => {
    const refused = await northAlphaAdmin.get(`/api/v1/partners/tree?parentId=${foreign()}`);
    const missing = await northAlphaAdmin.get(`/api/v1/partners/tree?parentId=${MISSING_ID}`);
    expect(refused.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(withoutRequestId(refused.json())).toEqual(withoutRequestId(missing.json()));
    expect(refused.json()).toMatchObject({ code: 'not_found', errors: [] });
  });

  it("gives a staff user with partners:read its partner's tree", async () => {
    const { client } = await signInAsNewStaff(context.app, northAdmin, p.northAlpha.id, ['partners:read']);
    expect((await tree(client)).items.map((item) => item.id)).toEqual([p.northAlpha.id]);
    expect((await client.get(`/api/v1/partners/tree?parentId=${p.north.id}`)).statusCode).toBe(404);
  });
});

describe('a search of the tree', () => {
  it('answers the matches with their ancestors, each once, by name', async () => {
    expect(await tree(root, '?search=alpha')).toEqual({
      items: [
        node(p.northAlpha, {
          parentId: p.north.id,
          subPartners: 2,
          archivedSubPartners: 1,
          accountsCount: 1,
          vehiclesCount: 1,
          match: true,
        }),
        node(p.northAlphaOne, { parentId: p.northAlpha.id, match: true }),
        node(p.northAlphaThree, {
          parentId: p.northAlpha.id,
          blocked: true,
          usersBlocked: true,
          match: true,
        }),
        node(p.southAlpha, { parentId: p.south.id, match: true }),
        node(p.north, { subPartners: 2 }),
        node(p.south, { subPartners: 1 }),
      ],
      total: 4,
      capped: false,
    });
  });

  it('finds archived partners only with showDeleted', async () => {
    expect(await tree(root, '?search=alpha%20two')).toEqual({ items: [], total: 0, capped: false });
    const body = await tree(root, '?search=alpha%20two&showDeleted=true');
    expect(body.items.map((item) => [item.name, item.match])).toEqual([
      ['North Alpha', false],
      ['North Alpha Two', true],
      ['Tree North', false],
    ]);
    expect(body.items.find((item) => item.id === p.northAlphaTwo.id)!.archived).toBe(true);
  });

  it("finds what the list's Search finds: an administrator's login too", async () => {
    const body = await tree(root, '?search=north.alpha.desk');
    expect(body.items.filter((item) => item.match).map((item) => item.id)).toEqual([p.northAlpha.id]);
    expect(body.total).toBe(1);
  });

  it("stays inside a partner administrator's subtree: its path starts at its own partner", async () => {
    expect(await tree(northAlphaAdmin, '?search=alpha%20one')).toEqual({
      items: [
        node(p.northAlpha, { subPartners: 2, archivedSubPartners: 1, accountsCount: 1, vehiclesCount: 1 }),
        node(p.northAlphaOne, { parentId: p.northAlpha.id, match: true }),
      ],
      total: 1,
      capped: false,
    });
    const own = await tree(northAlphaAdmin, '?search=alpha');
    expect(own.items.map((item) => item.id)).toEqual([
      p.northAlpha.id,
      p.northAlphaOne.id,
      p.northAlphaThree.id,
    ]);
    expect(own.total).toBe(3);
    for (const outside of ['tree', 'south', 'bravo', 'wide']) {
      expect(await tree(northAlphaAdmin, `?search=${outside}`)).toEqual({
        items: [],
        total: 0,
        capped: false,
      });
    }
  });

  it('gives the first 50 matches by name and says how many there are', async () => {
    const body = await tree(root, '?search=capped');
    expect(body.total).toBe(55);
    expect(body.capped).toBe(true);
    expect(body.items.map((item) => item.name)).toEqual(
      Array.from({ length: 50 }, (_, index) => `Capped ${String(index + 1).padStart(2, '0')}`),
    );
    expect(body.items.every((item) => item.match && item.parentId === null)).toBe(true);
  });

  it('gives the ancestors of capped matches under a parent once', async () => {
    const body = await tree(root, '?search=wide%200');
    expect(body).toMatchObject({ total: 99, capped: true });
    expect(body.items).toHaveLength(51);
    expect(body.items.filter((item) => !item.match)).toEqual([node(p.wide, { subPartners: 505 })]);
  });

  it('refuses a parentId beside a search, naming the field', async () => {
    const response = await root.get(`/api/v1/partners/tree?search=alpha&parentId=${p.north.id}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'parentId', code: 'tree_search_with_parent' }],
    });
  });

  it('treats a blank search as none: the roots', async () => {
    expect((await tree(northAlphaAdmin, '?search=%20%20')).items.map((item) => item.id)).toEqual([
      p.northAlpha.id,
    ]);
  });
});
