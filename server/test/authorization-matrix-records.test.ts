import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContract, createObject, createPortalUser, unique } from './builders.js';
import { expectStatus, type TestClient } from './client.js';
import {
  api,
  checkMatrixCase,
  matrixCases,
  problemBody,
  recordRows,
  type RecordSet,
} from './authorization-harness.js';
import {
  contractEndpointsWithoutRecord,
  contractEndpointsWithRecord,
  missingContractRecords,
  type ContractRecords,
} from './authorization-endpoints-records.js';
import { createTestApp, type TestContext } from './test-app.js';
import {
  buildWorld,
  currentVersion,
  MISSING_ID,
  partnerKeys,
  type PartnerKey,
  type World,
} from './test-world.js';

/*
 * The authorisation matrix of the contracts, objects and portal-users endpoints: every endpoint ×
 * every role × own and foreign records, with exact statuses. A record outside the caller's subtree
 * must be answered exactly as a record that does not exist (PRODUCT.md: 404, never 403, never a leak),
 * and a foreign id inside a body exactly as a missing id.
 *
 * The test world (test-world.ts):
 *
 *   platform ─┬─ A (partner administrator) ─┬─ A1 (sub-partner administrator)
 *             │                             └─ A2 (A1's sibling)
 *             ├─ B (foreign tree) ── B2 (the super administrator's targets)
 *             └─ C (blocked after its administrator signed in)
 *
 * Every partner has contracts (one to act on, a spare to archive, an archived one to restore, a
 * target to move objects to), objects and portal users of the same kinds.
 */

let context: TestContext;
let world: World;
let root: TestClient;
let sessions: World['sessions'];
let partners: World['partners'];
let recordSets: Record<RecordSet, ContractRecords>;
type Kind = 'contracts' | 'objects' | 'users';
/** Names of the contracts and objects and logins of the users built, by partner: what must never leak. */
const namesOf = {} as Record<PartnerKey, Record<Kind, string[]>>;

/**
 * Adds to the world's contract, object and user of a partner the spares this matrix acts on, built by
 * the partner's own people.
 */
async function buildRecords(world: World, key: PartnerKey): Promise<ContractRecords> {
  const client = world.builderOf[key];
  const partnerId = world.partners[key].id;
  const [mainContract, mainObject, mainUser] = [world.contracts[key], world.objects[key], world.users[key]];
  const names: Record<Kind, string[]> = {
    contracts: [mainContract.name],
    objects: [mainObject.name],
    users: [mainUser.login],
  };
  const contract = async () => {
    const name = unique(`Contract of ${key} `);
    names.contracts.push(name);
    return (await createContract(client, partnerId, { name })).id;
  };
  const [spareContract, archivedContract, targetContract] = [
    await contract(),
    await contract(),
    await contract(),
  ];
  const object = async () => {
    const name = unique(`Truck of ${key} `);
    names.objects.push(name);
    return (await createObject(client, mainContract.id, { name })).id;
  };
  const [spareObject, archivedObject] = [await object(), await object()];
  const user = async () => {
    const login = unique(`user${key.toLowerCase()}`);
    names.users.push(login);
    return (await createPortalUser(client, mainContract.id, { login })).id;
  };
  const [spareUser, archivedUser] = [await user(), await user()];
  expectStatus(await client.delete(api(`/contracts/${archivedContract}`)), 200);
  expectStatus(await client.delete(api(`/objects/${archivedObject}`)), 200);
  expectStatus(await client.delete(api(`/users/${archivedUser}`)), 200);
  namesOf[key] = names;
  return {
    partner: partnerId,
    contract: mainContract.id,
    spareContract,
    archivedContract,
    targetContract,
    object: mainObject.id,
    spareObject,
    archivedObject,
    user: mainUser.id,
    spareUser,
    archivedUser,
  };
}

beforeAll(async () => {
  context = await createTestApp();
  const built = {} as Record<PartnerKey, ContractRecords>;
  world = await buildWorld(context, {
    // C's administrator builds C's records while C is still open.
    beforeBlockingC: async (open) => {
      for (const key of partnerKeys) built[key] = await buildRecords(open, key);
    },
  });
  ({ root, sessions, partners } = world);
  recordSets = {
    ownA: built.A,
    ownA1: built.A1,
    // What A1 must not see of its parent: A's own records, not only its sibling's.
    parentTreeA: { ...built.A2, partner: partners.A.id },
    foreignB: built.B,
    platform: built.B2,
    blockedC: built.C,
  };
});

afterAll(() => context.close());

/* ------------------------------------------------------------------------------------------------ */
/* The matrix                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

const matrix = matrixCases(
  contractEndpointsWithoutRecord,
  contractEndpointsWithRecord,
  recordRows({ own: 'own records', parentTree: "its parent's and its sibling's records" }),
);

describe('authorisation matrix of contracts, objects and portal users', () => {
  it.each(matrix)('$title', async (matrixCase) => {
    await checkMatrixCase(world, matrixCase, (set) => recordSets[set], missingContractRecords);
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
    const version = await currentVersion(world, 'contracts', contract);
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
