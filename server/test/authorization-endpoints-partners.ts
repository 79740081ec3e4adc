import { partnerInput, unique } from './builders.js';
import { api, endpoint, type MatrixEndpoint } from './authorization-harness.js';
import { currentVersion, MISSING_ID } from './test-world.js';

/*
 * The endpoints of the partners, tariffs, reference, partner settings and session matrix
 * (authorization-matrix.test.ts), kept apart from it so that the route coverage test reads them too.
 */

/** The records a by-id endpoint case acts on: ids only, so a case can also be built for missing ids. */
export interface PartnerRecords {
  /** A partner to read, change and read the history and settings of. */
  partner: number;
  /** A partner without live sub-partners, to archive. */
  leaf: number;
  /** An archived partner, to restore. */
  archived: number;
  tariff: number;
  /** A scheduled price of `tariff` (starting after today), to delete; each allowed case has its own. */
  scheduledPrice: number;
}

export const missingPartnerRecords: PartnerRecords = {
  partner: MISSING_ID,
  leaf: MISSING_ID,
  archived: MISSING_ID,
  tariff: MISSING_ID,
  scheduledPrice: MISSING_ID,
};

/**
 * The setting each allowed case deletes: the matrix file sets it on every partner an allowed case acts
 * on. A case adds SETTING_ADDED, which no partner has yet (each allowed case acts on its own partner).
 */
export const SETTING_TO_DELETE = 'balance_in_days';
const SETTING_ADDED = 'support_url';

type Endpoint = MatrixEndpoint<PartnerRecords>;

/** Endpoints that take no record: every signed-in role may call them. */
export const partnerEndpointsWithoutRecord: Endpoint[] = [
  endpoint('GET /auth/me', 200, () => '/auth/me'),
  {
    name: 'POST /auth/logout',
    route: 'POST /auth/logout',
    allowed: 204,
    build: () => ({ method: 'POST', url: api('/auth/logout'), body: {}, spareSession: true }),
  },
  endpoint('GET /auth/sessions', 200, () => '/auth/sessions'),
  // Every user's home page: each part of it is read by its own right (home.test.ts).
  endpoint('GET /home', 200, () => '/home'),
  // The caller's own sessions only: an id of none of them is not found, whoever asks (sessions.test.ts
  // ends a real one); a caller without a live session is 401 first.
  endpoint('DELETE /auth/sessions/:id', 404, () => '/auth/sessions/no-such-session', {
    name: 'DELETE /auth/sessions/:id (an id of no session of the caller)',
  }),
  // Each user's own password: every role may change it; the matrix users keep theirs, so the current
  // one given is wrong and refused as a field error (own-password.test.ts changes real ones).
  {
    name: 'PUT /auth/password (a wrong current password)',
    route: 'PUT /auth/password',
    allowed: 400,
    build: () => ({
      method: 'PUT',
      url: api('/auth/password'),
      body: { currentPassword: 'Not-the-password-0', newPassword: 'Fresh-meadow-clock-58' },
    }),
  },
  // Each user's own two-factor sign-in: every role may set it up; the matrix users never finish it, so
  // a code that is no code is refused as a field error, and turning off what is not on is a conflict.
  endpoint('POST /auth/two-factor/setup', 200, () => '/auth/two-factor/setup'),
  {
    name: 'POST /auth/two-factor/enable (a code that is not one)',
    route: 'POST /auth/two-factor/enable',
    allowed: 400,
    build: () => ({ method: 'POST', url: api('/auth/two-factor/enable'), body: { code: 'not-a-code' } }),
  },
  {
    name: 'DELETE /auth/two-factor (not turned on)',
    route: 'DELETE /auth/two-factor',
    allowed: 409,
    build: () => ({ method: 'DELETE', url: api('/auth/two-factor'), body: { code: 'not-a-code' } }),
  },
  endpoint('GET /reference/regions', 200, () => '/reference/regions?country=RU'),
  endpoint('GET /reference/currencies', 200, () => '/reference/currencies'),
  endpoint('GET /reference/organization-types', 200, () => '/reference/organization-types?country=KZ'),
  endpoint('GET /reference/account-types', 200, () => '/reference/account-types'),
  endpoint('GET /reference/vat-rates', 200, () => '/reference/vat-rates?country=RU&date=2026-02-01'),
  endpoint('GET /reference/setting-keys', 200, () => '/reference/setting-keys'),
  endpoint('GET /tariffs', 200, () => '/tariffs'),
  endpoint('GET /tariffs/choices', 200, () => '/tariffs/choices?purpose=price&currencies=RUB', {
    name: 'GET /tariffs/choices (no partner)',
  }),
  {
    name: 'POST /tariffs',
    route: 'POST /tariffs',
    allowed: 201,
    build: () => ({
      method: 'POST',
      url: api('/tariffs'),
      body: { name: unique('Matrix tariff '), currency: 'RUB', period: 'day', price: '10.00' },
    }),
  },
  endpoint('GET /partners', 200, () => '/partners'),
  // The caller's roots, and a search of its tree (what lies outside the subtree is not found: tested
  // with exact outcomes in partners-tree.test.ts).
  endpoint('GET /partners/tree', 200, () => '/partners/tree', { name: 'GET /partners/tree (roots)' }),
  endpoint('GET /partners/tree', 200, () => '/partners/tree?search=a', {
    name: 'GET /partners/tree?search',
  }),
  endpoint('GET /partners/export', 200, () => '/partners/export?format=csv', {
    name: 'GET /partners/export (csv)',
  }),
  endpoint('GET /partners/export', 200, () => '/partners/export?format=xlsx', {
    name: 'GET /partners/export (xlsx)',
  }),
  {
    name: 'POST /partners',
    route: 'POST /partners',
    allowed: 201,
    build: () => ({ method: 'POST', url: api('/partners'), body: partnerInput() }),
  },
];

/** Endpoints that act on a record: in scope they answer `allowed`, outside it 404. */
export const partnerEndpointsWithRecord: Endpoint[] = [
  endpoint('GET /partners/:id', 200, (r) => `/partners/${r.partner}`),
  {
    name: 'PATCH /partners/:id',
    route: 'PATCH /partners/:id',
    allowed: 200,
    build: async (r, world) => ({
      method: 'PATCH',
      url: api(`/partners/${r.partner}`),
      body: { version: await currentVersion(world, 'partners', r.partner), comment: unique('Checked ') },
    }),
  },
  endpoint('DELETE /partners/:id', 200, (r) => `/partners/${r.leaf}`),
  endpoint('POST /partners/:id/restore', 200, (r) => `/partners/${r.archived}/restore`),
  endpoint('GET /partners/tree', 200, (r) => `/partners/tree?parentId=${r.partner}`, {
    name: 'GET /partners/tree?parentId',
  }),
  endpoint('GET /partners/:id/history', 200, (r) => `/partners/${r.partner}/history`),
  endpoint('GET /partners/:id/block-impact', 200, (r) => `/partners/${r.partner}/block-impact`),
  endpoint('GET /partners/:id/settings', 200, (r) => `/partners/${r.partner}/settings`),
  endpoint('GET /partners/:id/settings/export', 200, (r) => `/partners/${r.partner}/settings/export`),
  {
    name: 'PUT /partners/:id/settings/:key (a key not set yet)',
    route: 'PUT /partners/:id/settings/:key',
    allowed: 201,
    build: (r) => ({
      method: 'PUT',
      url: api(`/partners/${r.partner}/settings/${SETTING_ADDED}`),
      body: { value: 'https://support.example.com/fleet' },
    }),
  },
  endpoint(
    'DELETE /partners/:id/settings/:key',
    204,
    (r) => `/partners/${r.partner}/settings/${SETTING_TO_DELETE}`,
  ),
  {
    name: 'POST /partners/:id/settings/import',
    route: 'POST /partners/:id/settings/import',
    allowed: 200,
    build: (r) => ({
      method: 'POST',
      url: api(`/partners/${r.partner}/settings/import`),
      body: { settings: { [SETTING_TO_DELETE]: true } },
    }),
  },
  endpoint('GET /tariffs/:id', 200, (r) => `/tariffs/${r.tariff}`),
  {
    name: 'PATCH /tariffs/:id',
    route: 'PATCH /tariffs/:id',
    allowed: 200,
    build: async (r, world) => ({
      method: 'PATCH',
      url: api(`/tariffs/${r.tariff}`),
      body: { version: await currentVersion(world, 'tariffs', r.tariff), name: unique('Renamed tariff ') },
    }),
  },
  endpoint(
    'DELETE /tariffs/:id/prices/:priceId',
    200,
    (r) => `/tariffs/${r.tariff}/prices/${r.scheduledPrice}`,
  ),
  {
    name: 'GET /tariffs/choices?partnerId',
    route: 'GET /tariffs/choices',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/tariffs/choices?purpose=price&partnerId=${r.partner}&currencies=RUB`),
    }),
  },
  {
    name: 'GET /tariffs/choices?parentId',
    route: 'GET /tariffs/choices',
    allowed: 200,
    build: (r) => ({
      method: 'GET',
      url: api(`/tariffs/choices?purpose=partnerPrice&parentId=${r.partner}&currencies=RUB`),
    }),
  },
];
