import { expectStatus, anonymous, type TestClient } from './client.js';
import {
  createContract,
  createObject,
  createPartner,
  createPortalUser,
  createSuperAdmin,
  createTariff,
  signInAsPartner,
  unique,
  type ContractResponseBody,
  type CreatedPartner,
  type ObjectResponseBody,
  type TariffResponseBody,
  type UserResponseBody,
} from './builders.js';
import type { TestContext } from './test-app.js';

/*
 * The one test world of the authorisation matrices and the garbage-input tests, built through the API:
 *
 *   platform ─┬─ A (partner administrator) ─┬─ A1 (sub-partner administrator)
 *             │                             └─ A2 (A1's sibling)
 *             ├─ B (a foreign tree) ── B2 (the super administrator's targets)
 *             └─ C (blocked after its administrator signed in)
 *
 * A, B and C sell the platform's tariff (their Price) and pay the platform with it (their Partner
 * price); A also deals in USD. Every partner has a contract with an object and a portal user, built by
 * the partner's own people (the platform builds B's and B2's). A file adds the records only it needs.
 */

export type Role = 'superAdmin' | 'partnerAdmin' | 'subPartnerAdmin' | 'blockedPartnerAdmin' | 'noSession';
export type SignedInRole = Exclude<Role, 'noSession'>;
export type PartnerKey = 'A' | 'A1' | 'A2' | 'B' | 'B2' | 'C';
export const partnerKeys: readonly PartnerKey[] = ['A', 'A1', 'A2', 'B', 'B2', 'C'];

/** An id no record has: what a foreign record must look like to the caller. */
export const MISSING_ID = 987_654_321;

/** Kinds of records whose version a change must send. */
export type VersionedKind = 'partners' | 'tariffs' | 'contracts' | 'objects' | 'users' | 'staff';

export interface World {
  context: TestContext;
  /** The super administrator's session. */
  root: TestClient;
  sessions: Record<SignedInRole, TestClient>;
  /** A second session of every role, for a request that ends the session it is sent with (logout). */
  spareSessions: Record<SignedInRole, TestClient>;
  tariffs: { platform: TariffResponseBody };
  partners: Record<PartnerKey, CreatedPartner>;
  contracts: Record<PartnerKey, ContractResponseBody>;
  objects: Record<PartnerKey, ObjectResponseBody>;
  users: Record<PartnerKey, UserResponseBody>;
  /** Who builds a partner's records: its own administrator, or the platform for B's tree. */
  builderOf: Record<PartnerKey, TestClient>;
}

/** The client of a role: its session (or its spare one), or no session at all. */
export function clientOf(world: World, role: Role, options: { spare?: boolean } = {}): TestClient {
  if (role === 'noSession') return anonymous(world.context.app);
  return options.spare ? world.spareSessions[role] : world.sessions[role];
}

/** A record's current version as the super administrator reads it; 1 for a record that does not exist. */
export async function currentVersion(world: World, kind: VersionedKind, id: number): Promise<number> {
  const response = await world.root.get(`/api/v1/${kind}/${id}`);
  return response.statusCode === 200 ? response.json<{ version: number }>().version : 1;
}

/** Blocks a partner as its parent does, which ends the sessions of its whole subtree. */
export async function blockPartner(world: World, partnerId: number) {
  expectStatus(
    await world.root.patch(`/api/v1/partners/${partnerId}`, {
      version: await currentVersion(world, 'partners', partnerId),
      blocked: true,
    }),
    200,
  );
}

/**
 * Builds the world on the test file's database. C's administrator can do nothing once C is blocked,
 * so records a file needs of C (or anything else built as C's administrator) are built in
 * `beforeBlockingC`, which runs when the rest of the world stands and C is still open.
 */
export async function buildWorld(
  context: TestContext,
  options: { beforeBlockingC?: (world: World) => Promise<void> } = {},
): Promise<World> {
  const { app, database } = context;
  const root = await createSuperAdmin(app, database.db);
  const platform = await createTariff(root, { name: unique('Platform tariff ') });
  const priced = { priceTariffId: platform.id, partnerPriceTariffId: platform.id };

  const A = await createPartner(root, { name: unique('Alpha '), additionalCurrencies: ['USD'], ...priced });
  const A1 = await createPartner(root, { name: unique('Alpha sub '), parentId: A.id });
  const A2 = await createPartner(root, { name: unique('Alpha two '), parentId: A.id });
  const B = await createPartner(root, { name: unique('Foreign Bravo '), ...priced });
  const B2 = await createPartner(root, { name: unique('Foreign Bravo two '), parentId: B.id });
  const C = await createPartner(root, { name: unique('Charlie '), ...priced });
  const partners = { A, A1, A2, B, B2, C };

  const sessions: Record<SignedInRole, TestClient> = {
    superAdmin: root,
    partnerAdmin: await signInAsPartner(app, A),
    subPartnerAdmin: await signInAsPartner(app, A1),
    blockedPartnerAdmin: await signInAsPartner(app, C),
  };
  const spareSessions: Record<SignedInRole, TestClient> = {
    superAdmin: await createSuperAdmin(app, database.db),
    partnerAdmin: await signInAsPartner(app, A),
    subPartnerAdmin: await signInAsPartner(app, A1),
    blockedPartnerAdmin: await signInAsPartner(app, C),
  };
  const builderOf: Record<PartnerKey, TestClient> = {
    A: sessions.partnerAdmin,
    A1: sessions.subPartnerAdmin,
    A2: sessions.partnerAdmin,
    B: root,
    B2: root,
    C: sessions.blockedPartnerAdmin,
  };

  const contracts = {} as Record<PartnerKey, ContractResponseBody>;
  const objects = {} as Record<PartnerKey, ObjectResponseBody>;
  const users = {} as Record<PartnerKey, UserResponseBody>;
  for (const key of partnerKeys) {
    const client = builderOf[key];
    contracts[key] = await createContract(client, partners[key].id, { name: unique(`Contract of ${key} `) });
    objects[key] = await createObject(client, contracts[key].id, { name: unique(`Truck of ${key} `) });
    users[key] = await createPortalUser(client, contracts[key].id, {
      login: unique(`user${key.toLowerCase()}`),
    });
  }

  const world: World = {
    context,
    root,
    sessions,
    spareSessions,
    tariffs: { platform },
    partners,
    contracts,
    objects,
    users,
    builderOf,
  };
  await options.beforeBlockingC?.(world);
  // C's administrator signed in (twice) before the block; the block must end both sessions at once.
  await blockPartner(world, C.id);
  return world;
}
