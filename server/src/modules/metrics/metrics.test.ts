import Fastify from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertObjectActiveOn, insertPricedTariff } from '../../../test/billing-builders.js';
import { createPartner, createSuperAdmin, signInAsPartner } from '../../../test/builders.js';
import { anonymous, bearer, expectStatus, type TestClient } from '../../../test/client.js';
import { createApiToken } from '../../../test/staff-builders.js';
import { insertContract, insertPartner } from '../../../test/table-rows.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import type { Database } from '../../db/schema.js';
import { registerMetrics } from './metrics.routes.js';

/** For the apps built here by hand, which are scraped from an allowed network: no token is looked up. */
const callerOfToken = () => Promise.resolve(undefined);

/*
 * /metrics: who may scrape it (a super administrator's API token, or a client inside
 * FLEETDESK_METRICS_NETWORKS), and what it reports — request durations by route pattern, the billing
 * runs read from their table, PostgreSQL's pool, the process's own metrics.
 */

const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';
const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const METRICS_NETWORKS = ['10.20.0.0/16', '2001:db8::/32'];

let context: TestContext;
let root: TestClient;
let operatorToken: string;
let partnerToken: string;

beforeAll(async () => {
  context = await createTestApp({ metricsNetworks: METRICS_NETWORKS });
  root = await createSuperAdmin(context.app, context.database.db);
  operatorToken = (await createApiToken(root, ['partners:read'])).token;
  const partner = await createPartner(root);
  const partnerAdmin = await signInAsPartner(context.app, partner);
  partnerToken = (await createApiToken(partnerAdmin, ['partners:read'])).token;
});
afterAll(() => context.close());

const scrapeFrom = (remoteAddress: string, headers: Record<string, string> = {}) =>
  context.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

/** A scrape with the super administrator's token: its text, after checking the answer is one. */
async function scrape(): Promise<string> {
  const response = await bearer(context.app, operatorToken).get('/metrics');
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(PROMETHEUS_TEXT);
  return response.body;
}

/** The sample lines of a metric (its name exactly, then labels or a space), without HELP and TYPE. */
const samplesOf = (text: string, name: string) =>
  text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

function expectRefused(
  response: Awaited<ReturnType<typeof scrapeFrom>>,
  status: number,
  code: 'unauthorized' | 'forbidden',
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe(PROBLEM_JSON);
  expect(response.json()).toMatchObject({ status, code, errors: [] });
  expect(response.body).not.toContain('http_request_duration_seconds');
}

describe('who may scrape /metrics', () => {
  it('refuses a client outside the networks that sends no API token: 401 unauthorized', async () => {
    expectRefused(await anonymous(context.app).get('/metrics'), 401, 'unauthorized');
    expectRefused(await scrapeFrom('10.21.0.1'), 401, 'unauthorized');
    expectRefused(await scrapeFrom('2001:db9::1'), 401, 'unauthorized');
  });

  it("refuses the super administrator's session cookie, a token that does not exist, and a partner's token", async () => {
    expectRefused(await root.get('/metrics'), 401, 'unauthorized');
    expectRefused(await bearer(context.app, 'fdt_no-such-token').get('/metrics'), 401, 'unauthorized');
    // The metrics are the whole platform's: a partner's administrator may not read them.
    expectRefused(await bearer(context.app, partnerToken).get('/metrics'), 403, 'forbidden');
  });

  it("answers a super administrator's API token", async () => {
    expect(await scrape()).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('answers a client inside one of the networks without a token, IPv4 (also written as IPv6) and IPv6', async () => {
    for (const address of ['10.20.3.4', '::ffff:10.20.255.1', '2001:db8::7']) {
      const response = await scrapeFrom(address);
      expect(response.statusCode, `${address}: ${response.body}`).toBe(200);
      expect(response.headers['content-type']).toBe(PROMETHEUS_TEXT);
      expect(response.body).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    }
  });
});

describe('what /metrics reports', () => {
  it('times requests by method, route pattern and status code, never by the path with its ids', async () => {
    expectStatus(await root.get('/api/v1/partners'), 200);
    expectStatus(await root.get('/api/v1/partners/987654321'), 404);
    expectStatus(await root.get('/api/v1/partners/987654322'), 404);
    expect((await anonymous(context.app).get('/no/such/page/123')).statusCode).toBe(404);

    const text = await scrape();
    const count = (labels: string) =>
      samplesOf(text, 'http_request_duration_seconds_count').find((line) =>
        line.startsWith(`http_request_duration_seconds_count{${labels}} `),
      );
    expect(count('method="GET",route="/api/v1/partners",status_code="200"')).toBe(
      'http_request_duration_seconds_count{method="GET",route="/api/v1/partners",status_code="200"} 1',
    );
    expect(count('method="GET",route="/api/v1/partners/:id",status_code="404"')).toBe(
      'http_request_duration_seconds_count{method="GET",route="/api/v1/partners/:id",status_code="404"} 2',
    );
    expect(count('method="GET",route="(unmatched)",status_code="404"')).toBe(
      'http_request_duration_seconds_count{method="GET",route="(unmatched)",status_code="404"} 1',
    );
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/partners",status_code="200"} 1',
    );
    expect(text).not.toContain('987654321');
    expect(text).not.toContain('/no/such/page');
    // The refused scrapes are timed too, under the one route.
    expect(count('method="GET",route="/metrics",status_code="401"')).toMatch(/ \d+$/);
  });

  it("reports the billing runs from their table: counts by status and the last completed run's timings", async () => {
    const before = await scrape();
    expect(samplesOf(before, 'fleetdesk_billing_runs')).toEqual([
      'fleetdesk_billing_runs{status="running"} 0',
      'fleetdesk_billing_runs{status="completed"} 0',
      'fleetdesk_billing_runs{status="failed"} 0',
    ]);
    expect(samplesOf(before, 'fleetdesk_billing_last_run_objects_charged')).toEqual([]);
    expect(samplesOf(before, 'fleetdesk_billing_oldest_running_run_age_seconds')).toEqual([
      'fleetdesk_billing_oldest_running_run_age_seconds 0',
    ]);
    expect(samplesOf(before, 'fleetdesk_database_up')).toEqual(['fleetdesk_database_up 1']);

    const { db } = context.database;
    const day = '2026-01-10';
    const tariffId = await insertPricedTariff(db, '310.00');
    const partner = await insertPartner(db);
    const contractId = await insertContract(db, partner.id);
    await insertObjectActiveOn(db, contractId, tariffId, day);
    const { runs } = expectStatus<{ runs: { durationMs: number; finishedAt: string }[] }>(
      await root.post('/api/v1/billing/runs', { day }),
      201,
    );
    const run = runs[0]!;
    // A run another process left running an hour ago: the billing's queue, and its age.
    await sql`insert into billing_runs (day, trigger, status, started_at)
      values ('2026-01-11', 'schedule', 'running', now() - interval '1 hour')`.execute(db);

    const after = await scrape();
    expect(samplesOf(after, 'fleetdesk_billing_runs')).toEqual([
      'fleetdesk_billing_runs{status="running"} 1',
      'fleetdesk_billing_runs{status="completed"} 1',
      'fleetdesk_billing_runs{status="failed"} 0',
    ]);
    expect(samplesOf(after, 'fleetdesk_billing_last_run_objects_charged')).toEqual([
      'fleetdesk_billing_last_run_objects_charged 1',
    ]);
    expect(samplesOf(after, 'fleetdesk_billing_last_run_transfers_created')).toEqual([
      'fleetdesk_billing_last_run_transfers_created 1',
    ]);
    expect(samplesOf(after, 'fleetdesk_billing_last_run_issues')).toEqual([
      'fleetdesk_billing_last_run_issues 0',
    ]);
    expect(samplesOf(after, 'fleetdesk_billing_last_run_duration_seconds')).toEqual([
      `fleetdesk_billing_last_run_duration_seconds ${run.durationMs / 1000}`,
    ]);
    expect(samplesOf(after, 'fleetdesk_billing_last_run_finished_timestamp_seconds')).toEqual([
      `fleetdesk_billing_last_run_finished_timestamp_seconds ${Date.parse(run.finishedAt) / 1000}`,
    ]);
    const [age] = samplesOf(after, 'fleetdesk_billing_oldest_running_run_age_seconds');
    const seconds = Number(age!.split(' ')[1]);
    expect(seconds).toBeGreaterThanOrEqual(3600);
    expect(seconds).toBeLessThan(3600 + 300);
  });

  it("reports the process's own metrics: memory, heap, event-loop lag", async () => {
    const text = await scrape();
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(samplesOf(text, name), name).toHaveLength(1);
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "reports PostgreSQL's pool: its size, open, idle and waiting",
    async () => {
      const text = await scrape();
      // The tests open each database with a pool of 5 (test-app.ts).
      expect(samplesOf(text, 'fleetdesk_database_pool_max_connections')).toEqual([
        'fleetdesk_database_pool_max_connections 5',
      ]);
      expect(samplesOf(text, 'fleetdesk_database_pool_waiting_queries')).toEqual([
        'fleetdesk_database_pool_waiting_queries 0',
      ]);
      const open = Number(samplesOf(text, 'fleetdesk_database_pool_connections')[0]!.split(' ')[1]);
      const idle = Number(samplesOf(text, 'fleetdesk_database_pool_idle_connections')[0]!.split(' ')[1]);
      expect(open).toBeGreaterThanOrEqual(1);
      expect(open).toBeLessThanOrEqual(5);
      expect(idle).toBeLessThanOrEqual(open);
    },
  );

  it.skipIf(process.env.TEST_DATABASE_URL)(
    'reports no pool on the embedded database, which has none',
    async () => {
      expect(await scrape()).not.toContain('fleetdesk_database_pool');
    },
  );
});

describe('each app its own metrics', () => {
  it("a second app in the process counts only its own requests, and lets in its own networks' clients", async () => {
    const second = await createTestApp({ metricsNetworks: ['127.0.0.1/32'] });
    try {
      const response = await second.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '127.0.0.1',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain('route="/api/v1/partners"');
      expect(response.body).toContain('# TYPE process_resident_memory_bytes gauge');
    } finally {
      await second.close();
    }
  });

  it('refuses a network that is not one, naming it', () => {
    const networks = ['10.0.0.0/8', '10.0.0.0/33'];
    expect(() => registerMetrics(Fastify(), { db: context.database.db, networks, callerOfToken })).toThrow(
      'Metrics networks must be CIDR networks or addresses: 10.0.0.0/33',
    );
  });

  it('answers without the billing numbers while the database is away, saying so', async () => {
    // A pool that cannot connect, as while PostgreSQL restarts.
    const pool = { connect: () => Promise.reject(new Error('database down')), end: async () => undefined };
    const unreachable = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const app = Fastify();
    registerMetrics(app, { db: unreachable, networks: ['127.0.0.1/32'], callerOfToken });
    const response = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(response.statusCode, response.body).toBe(200);
    expect(samplesOf(response.body, 'fleetdesk_database_up')).toEqual(['fleetdesk_database_up 0']);
    expect(samplesOf(response.body, 'fleetdesk_billing_runs')).toEqual([]);
    expect(samplesOf(response.body, 'fleetdesk_billing_oldest_running_run_age_seconds')).toEqual([]);
    expect(response.body).toContain('# TYPE process_resident_memory_bytes gauge');
    await app.close();
  });
});
