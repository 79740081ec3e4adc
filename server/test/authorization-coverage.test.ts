import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from './authorization-harness.js';
import {
  adminOnlyEndpoints,
  moneyEndpointsWithoutRecord,
  moneyEndpointsWithRecord,
} from './authorization-endpoints-money.js';
import {
  partnerEndpointsWithoutRecord,
  partnerEndpointsWithRecord,
} from './authorization-endpoints-partners.js';
import {
  contractEndpointsWithoutRecord,
  contractEndpointsWithRecord,
} from './authorization-endpoints-records.js';
import { staffEndpointsWithoutRecord, staffEndpointsWithRecord } from './authorization-endpoints-staff.js';
import { createTestApp, type TestContext } from './test-app.js';

/*
 * Every route the app registers is in an authorisation matrix, so a new route cannot ship without its
 * rows of roles × own, foreign and missing records. Left out, each by its own declaration: public
 * routes (`config: { access: 'public' }`: signing in, health, the portal's login check), which need
 * no session and so have no matrix; routes hidden from the API document (`schema: { hide: true }`:
 * the docs UI, its files, the OpenAPI document itself, and /metrics, which authorises its scrapers
 * itself and has its own tests in metrics.test.ts), which are not the API; and the HEAD route Fastify
 * derives from each GET, which runs the GET's hooks and handler.
 */

/** Every route a matrix declares, as "METHOD /path" below the API prefix. */
const declaredRoutes = new Set(
  [
    ...partnerEndpointsWithoutRecord,
    ...partnerEndpointsWithRecord,
    ...contractEndpointsWithoutRecord,
    ...contractEndpointsWithRecord,
    ...moneyEndpointsWithoutRecord,
    ...moneyEndpointsWithRecord,
    ...staffEndpointsWithoutRecord,
    ...staffEndpointsWithRecord,
    ...adminOnlyEndpoints,
  ].map((endpoint) => endpoint.route),
);

interface RegisteredRoute {
  /** "METHOD /path", the path below the API prefix: how the matrices name routes. */
  name: string;
  method: string;
  path: string;
  /** Declared `access: 'public'`: no session needed, so no matrix. */
  public: boolean;
  /** Declared hidden from the API document: the docs UI and its files, the document itself. */
  hidden: boolean;
}

let context: TestContext;
const registered: RegisteredRoute[] = [];

function describeRoute(route: RouteOptions): RegisteredRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const path = route.url.startsWith(`${API_PREFIX}/`) ? route.url.slice(API_PREFIX.length) : route.url;
  return methods.map((method) => ({
    name: `${method} ${path}`,
    method,
    path,
    public: route.config?.access === 'public',
    hidden: route.schema?.hide === true,
  }));
}

beforeAll(async () => {
  context = await createTestApp({ onRoute: (route) => registered.push(...describeRoute(route)) });
});
afterAll(() => context.close());

/** The routes that need a session and are part of the API: what the matrices must cover. */
function apiRoutes(): string[] {
  const names = new Set(registered.map((route) => route.name));
  // A HEAD route next to a GET of the same path is the one Fastify derives from that GET.
  const derivedHead = (route: RegisteredRoute) => route.method === 'HEAD' && names.has(`GET ${route.path}`);
  return registered
    .filter((route) => !route.public && !route.hidden && !derivedHead(route))
    .map((route) => route.name);
}

describe('the authorisation matrices cover the API', () => {
  it('checks the API and leaves out exactly the routes declared public', () => {
    expect(apiRoutes()).toEqual(expect.arrayContaining(['GET /partners/:id', 'POST /finance/payments']));
    // Making a route public is a decision: it shows here, as a route this test stops checking.
    const publicRoutes = registered.filter((route) => route.public).map((route) => route.name);
    expect(publicRoutes.sort()).toEqual([
      'GET /health',
      'HEAD /health',
      'POST /auth/login',
      'POST /portal/login',
    ]);
  });

  it('leaves out exactly the hidden routes it knows, besides the docs UI', () => {
    // Hiding a route is a decision too: it shows here, as a route no matrix checks.
    const hidden = registered
      .filter((route) => route.hidden && !route.path.startsWith('/api/docs'))
      .map((route) => route.name);
    expect(hidden.sort()).toEqual([
      'GET /api/openapi.json',
      'GET /metrics',
      'HEAD /api/openapi.json',
      'HEAD /metrics',
    ]);
  });

  it('every route that needs a session is in an authorisation matrix', () => {
    const uncovered = apiRoutes().filter((name) => !declaredRoutes.has(name));
    expect(uncovered, 'routes no authorisation matrix covers').toEqual([]);
  });

  it('every route a matrix declares is registered and needs a session', () => {
    const checked = new Set(apiRoutes());
    const unknown = [...declaredRoutes].filter((name) => !checked.has(name));
    expect(unknown, 'declared routes the app does not register as API routes').toEqual([]);
  });
});
