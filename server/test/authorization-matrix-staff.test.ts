import { beforeAll, describe } from 'vitest';
import { expectStatus } from './client.js';
import { api, checkMatrixCase, matrixCases, recordRows, type RecordSet } from './authorization-harness.js';
import {
  missingStaffRecords,
  staffEndpointsWithoutRecord,
  staffEndpointsWithRecord,
  type StaffRecords,
} from './authorization-endpoints-staff.js';
import { createStaffUser } from './staff-builders.js';
import { itForEach, useTestWorld } from './test-suite.js';
import { partnerKeys, type PartnerKey, type World } from './test-world.js';

/*
 * The authorisation matrix of the staff and API tokens endpoints: every endpoint × every role × own
 * and foreign records, with exact statuses (the world of test-world.ts). A staff user outside the
 * caller's subtree is answered exactly as one that does not exist.
 */

const built = {} as Record<PartnerKey, StaffRecords>;
const { world } = useTestWorld({
  beforeBlockingC: async (open) => {
    for (const key of partnerKeys) built[key] = await buildRecords(open, key);
  },
});
let recordSets: Record<RecordSet, StaffRecords>;

/** A partner's staff users to act on, made by its own people. */
async function buildRecords(world: World, key: PartnerKey): Promise<StaffRecords> {
  const client = world.builderOf[key];
  const partner = world.partners[key].id;
  const [staff, spareStaff, archivedStaff] = [
    await createStaffUser(client, partner, ['contracts:read']),
    await createStaffUser(client, partner, ['contracts:read']),
    await createStaffUser(client, partner, ['contracts:read']),
  ];
  expectStatus(await client.delete(api(`/staff/${archivedStaff.id}`)), 200);
  return { partner, staff: staff.id, spareStaff: spareStaff.id, archivedStaff: archivedStaff.id };
}

beforeAll(() => {
  recordSets = {
    ownA: built.A,
    ownA1: built.A1,
    parentTreeA: { ...built.A2, partner: world.partners.A.id },
    foreignB: built.B,
    platform: built.B2,
    blockedC: built.C,
  };
});

const matrix = matrixCases(
  staffEndpointsWithoutRecord,
  staffEndpointsWithRecord,
  recordRows({ own: 'own staff', parentTree: "its parent's and its sibling's staff" }),
);

describe('authorisation matrix of staff users and API tokens', () => {
  itForEach(matrix, async (matrixCase) => {
    await checkMatrixCase(world, matrixCase, (set) => recordSets[set], missingStaffRecords);
  });
});
