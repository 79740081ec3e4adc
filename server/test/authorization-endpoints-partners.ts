import { partnerInput, unique } from './builders.js';
import { api, type MatrixEndpoint } from './authorization-harness.js';
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
}

export const missingPartnerRecords: PartnerRecords = {
  partner: MISSING_ID,
  leaf: MISSING_ID,
  archived: MISSING_ID,
  tariff: MISSING_ID,
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
  {
    name: 'GET /auth/me',
    route: 'GET /auth/me',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/auth/me') }),
  },
  {
    name: 'POST /auth/logout',
    route: 'POST /auth/logout',
    allowed: 204,
    build: () => ({ method: 'POST', url: api('/auth/logout'), body: {}, spareSession: true }),
  },
  {
    name: 'GET /auth/sessions',
    route: 'GET /auth/sessions',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/auth/sessions') }),
  },
  {
    // The caller's own sessions only: an id of none of them is not found, whoever asks (sessions.test.ts
    // ends a real one); a caller without a live session is 401 first.
    name: 'DELETE /auth/sessions/:id (an id of no session of the caller)',
    route: 'DELETE /auth/sessions/:id',
    allowed: 404,
    build: () => ({ method: 'DELETE', url: api('/auth/sessions/no-such-session') }),
  },
  {
    name: 'GET /reference/regions',
    route: 'GET /reference/regions',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/regions?country=RU') }),
  },
  {
    name: 'GET /reference/currencies',
    route: 'GET /reference/currencies',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/currencies') }),
  },
  {
    name: 'GET /reference/organization-types',
    route: 'GET /reference/organization-types',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/organization-types?country=KZ') }),
  },
  {
    name: 'GET /reference/account-types',
    route: 'GET /reference/account-types',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/account-types') }),
  },
  {
    name: 'GET /reference/vat-rates',
    route: 'GET /reference/vat-rates',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/vat-rates?country=RU&date=2026-02-01') }),
  },
  {
    name: 'GET /reference/setting-keys',
    route: 'GET /reference/setting-keys',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/reference/setting-keys') }),
  },
  {
    name: 'GET /tariffs',
    route: 'GET /tariffs',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/tariffs') }),
  },
  {
    name: 'GET /tariffs/choices (no partner)',
    route: 'GET /tariffs/choices',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/tariffs/choices?purpose=price&currencies=RUB') }),
  },
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
  {
    name: 'GET /partners',
    route: 'GET /partners',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/partners') }),
  },
  {
    name: 'GET /partners/export (csv)',
    route: 'GET /partners/export',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/partners/export?format=csv') }),
  },
  {
    name: 'GET /partners/export (xlsx)',
    route: 'GET /partners/export',
    allowed: 200,
    build: () => ({ method: 'GET', url: api('/partners/export?format=xlsx') }),
  },
  {
    name: 'POST /partners',
    route: 'POST /partners',
    allowed: 201,
    build: () => ({ method: 'POST', url: api('/partners'), body: partnerInput() }),
  },
];

/** Endpoints that act on a record: in scope they answer `allowed`, outside it 404. */
export const partnerEndpointsWithRecord: Endpoint[] = [
  {
    name: 'GET /partners/:id',
    route: 'GET /partners/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/partners/${r.partner}`) }),
  },
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
  {
    name: 'DELETE /partners/:id',
    route: 'DELETE /partners/:id',
    allowed: 200,
    build: (r) => ({ method: 'DELETE', url: api(`/partners/${r.leaf}`) }),
  },
  {
    name: 'POST /partners/:id/restore',
    route: 'POST /partners/:id/restore',
    allowed: 200,
    build: (r) => ({ method: 'POST', url: api(`/partners/${r.archived}/restore`), body: {} }),
  },
  {
    name: 'GET /partners/:id/history',
    route: 'GET /partners/:id/history',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/partners/${r.partner}/history`) }),
  },
  {
    name: 'GET /partners/:id/settings',
    route: 'GET /partners/:id/settings',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/partners/${r.partner}/settings`) }),
  },
  {
    name: 'GET /partners/:id/settings/export',
    route: 'GET /partners/:id/settings/export',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/partners/${r.partner}/settings/export`) }),
  },
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
  {
    name: 'DELETE /partners/:id/settings/:key',
    route: 'DELETE /partners/:id/settings/:key',
    allowed: 204,
    build: (r) => ({ method: 'DELETE', url: api(`/partners/${r.partner}/settings/${SETTING_TO_DELETE}`) }),
  },
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
  {
    name: 'GET /tariffs/:id',
    route: 'GET /tariffs/:id',
    allowed: 200,
    build: (r) => ({ method: 'GET', url: api(`/tariffs/${r.tariff}`) }),
  },
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
