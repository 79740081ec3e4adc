import { PARTNER_PASSWORD, unique } from './builders.js';
import { api, endpoint, type MatrixEndpoint } from './authorization-harness.js';
import { currentVersion, MISSING_ID } from './test-world.js';

/*
 * The endpoints of the staff and API tokens matrix (authorization-matrix-staff.test.ts), kept apart
 * from it so that the route coverage test and the rights matrix read them too.
 */

export interface StaffRecords {
  /** The partner staff users are added to. */
  partner: number;
  /** A staff user to read and change. */
  staff: number;
  /** A staff user to archive. */
  spareStaff: number;
  /** An archived staff user, to restore. */
  archivedStaff: number;
}

export const missingStaffRecords: StaffRecords = {
  partner: MISSING_ID,
  staff: MISSING_ID,
  spareStaff: MISSING_ID,
  archivedStaff: MISSING_ID,
};

type Endpoint = MatrixEndpoint<StaffRecords>;

export const staffEndpointsWithoutRecord: Endpoint[] = [
  endpoint('GET /staff', 200, () => '/staff'),
  endpoint('GET /staff/rights', 200, () => '/staff/rights'),
  endpoint('GET /api-tokens', 200, () => '/api-tokens'),
  {
    name: 'POST /api-tokens',
    route: 'POST /api-tokens',
    allowed: 201,
    build: () => ({ method: 'POST', url: api('/api-tokens'), body: { name: unique('Token '), rights: [] } }),
  },
  // The caller's own tokens only: an id of none of them is not found, whoever asks.
  endpoint('DELETE /api-tokens/:id', 404, () => `/api-tokens/${MISSING_ID}`, {
    name: 'DELETE /api-tokens/:id (an id of no token of the caller)',
  }),
];

export const staffEndpointsWithRecord: Endpoint[] = [
  {
    name: 'POST /staff (partnerId)',
    route: 'POST /staff',
    allowed: 201,
    foreign: 400,
    build: (r) => ({
      method: 'POST',
      url: api('/staff'),
      body: { partnerId: r.partner, login: unique('staff'), password: PARTNER_PASSWORD, rights: [] },
    }),
  },
  endpoint('GET /staff/:id', 200, (r) => `/staff/${r.staff}`),
  {
    name: 'PATCH /staff/:id',
    route: 'PATCH /staff/:id',
    allowed: 200,
    build: async (r, world) => ({
      method: 'PATCH',
      url: api(`/staff/${r.staff}`),
      body: { version: await currentVersion(world, 'staff', r.staff), name: unique('Staff ') },
    }),
  },
  endpoint('DELETE /staff/:id', 200, (r) => `/staff/${r.spareStaff}`),
  endpoint('POST /staff/:id/restore', 200, (r) => `/staff/${r.archivedStaff}/restore`),
  endpoint('GET /staff/:id/history', 200, (r) => `/staff/${r.staff}/history`),
  endpoint('GET /staff/:id/login-history', 200, (r) => `/staff/${r.staff}/login-history`),
  endpoint('GET /staff/:id/login-history', 200, (r) => `/staff/${r.staff}/login-history?format=csv`, {
    name: 'GET /staff/:id/login-history (csv)',
  }),
];
