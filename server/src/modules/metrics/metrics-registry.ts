import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db, PoolUsage } from '../../db/connect.js';
import { readBillingRunMetrics, type BillingRunMetrics } from '../billing/billing.public.js';

/*
 * What /metrics reports, in the Prometheus text format (prom-client). Each app has its own registry,
 * so the tests' several apps in one process never share a series; the process's own metrics (memory,
 * CPU, event-loop lag, garbage collection) are one registry per process, as the process is one, and
 * are started once: every start adds timers and observers that are never stopped.
 */

/** The route label of a request no route matched (a 404, a malformed URL): one label, whatever the path. */
export const UNMATCHED_ROUTE = '(unmatched)';

let processRegistry: Registry | null = null;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface AppMetricsOptions {
  db: Db;
  /** PostgreSQL's pool; absent on PGlite, whose one in-process connection has nothing worth a gauge. */
  poolUsage?: (() => PoolUsage) | undefined;
  /** Told when the database could not be read for a scrape (the rest is still answered). */
  onReadFailure: (error: unknown) => void;
}

export interface RequestObservation {
  method: string;
  /** The route's pattern (/api/v1/partners/:id), never the path with its ids; undefined when none matched. */
  route: string | undefined;
  statusCode: number;
  seconds: number;
}

export type AppMetrics = ReturnType<typeof createAppMetrics>;

/** The metrics of one app: its request durations, and what is read from the database when scraped. */
export function createAppMetrics(options: AppMetricsOptions) {
  const registry = new Registry();
  const registers = [registry];

  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to having answered it, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });

  // The pool first: prom-client samples in this order, so the pool is seen before this scrape's own queries.
  if (options.poolUsage) registerPoolGauges(registers, options.poolUsage);
  registerBillingGauges(registers, sharedRead(options.db, options.onReadFailure));
  /*
   * Queues. The billing runs still 'running' are fleetdesk_billing_runs{status="running"}, and the age
   * of the oldest is fleetdesk_billing_oldest_running_run_age_seconds. The notification dispatcher
   * (the outbox, issue 14) does not exist yet: when it does, its pending messages, the age of the
   * oldest and its send timings are registered here, read from its table when scraped like the runs.
   */

  return {
    contentType: registry.contentType,
    observeRequest(request: RequestObservation) {
      requestDuration.observe(
        {
          method: request.method,
          route: request.route ?? UNMATCHED_ROUTE,
          status_code: String(request.statusCode),
        },
        request.seconds,
      );
    },
    /** The text a scrape answers: the process's metrics, then the app's. */
    async scrape(): Promise<string> {
      const [processText, appText] = await Promise.all([processMetrics().metrics(), registry.metrics()]);
      return `${processText}\n${appText}`;
    },
  };
}

/**
 * One read of the billing runs per scrape, shared by the gauges: prom-client asks every gauge at once,
 * so the gauges that ask while a read is under way get that read. A failed read leaves the billing
 * gauges without series (and fleetdesk_database_up at 0) rather than failing the scrape: the process's
 * metrics and the pool's matter most while the database is away.
 */
function sharedRead(db: Db, onReadFailure: (error: unknown) => void) {
  let pending: Promise<BillingRunMetrics | null> | null = null;
  return () => {
    pending ??= readBillingRunMetrics(db)
      .catch((error: unknown) => {
        onReadFailure(error);
        return null;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

function registerBillingGauges(registers: Registry[], read: () => Promise<BillingRunMetrics | null>) {
  new Gauge({
    name: 'fleetdesk_database_up',
    help: 'Whether the database answered the queries of this scrape (1) or not (0)',
    registers,
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'fleetdesk_billing_runs',
    help: "Billing runs recorded, by status; 'running' ones are the billing's queue (more than one, or an old one, is a stall)",
    labelNames: ['status'] as const,
    registers,
    async collect() {
      this.reset();
      const metrics = await read();
      if (!metrics) return;
      for (const [status, runs] of Object.entries(metrics.runsByStatus)) this.set({ status }, runs);
    },
  });
  new Gauge({
    name: 'fleetdesk_billing_oldest_running_run_age_seconds',
    help: "Seconds since the oldest billing run still 'running' started; 0 when none is",
    registers,
    async collect() {
      const metrics = await read();
      if (metrics) this.set(metrics.oldestRunningSeconds);
      else withoutSample(this);
    },
  });
  const lastRunGauge = (
    name: string,
    help: string,
    value: (last: NonNullable<BillingRunMetrics['lastCompleted']>) => number,
  ) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const last = (await read())?.lastCompleted;
        if (last) this.set(value(last));
        else withoutSample(this);
      },
    });
  lastRunGauge(
    'fleetdesk_billing_last_run_duration_seconds',
    'How long the last completed billing run took',
    (last) => last.durationSeconds,
  );
  lastRunGauge(
    'fleetdesk_billing_last_run_objects_charged',
    'Objects the last completed billing run charged',
    (last) => last.objectsCharged,
  );
  lastRunGauge(
    'fleetdesk_billing_last_run_transfers_created',
    'Ledger charges the last completed billing run made',
    (last) => last.transfersCreated,
  );
  lastRunGauge(
    'fleetdesk_billing_last_run_issues',
    'Charges the last completed billing run could not make (a missing exchange rate or price)',
    (last) => last.issuesCount,
  );
  lastRunGauge(
    'fleetdesk_billing_last_run_finished_timestamp_seconds',
    'When the last completed billing run finished, in seconds since the epoch (alert when it is over a day old)',
    (last) => last.finishedAtSeconds,
  );
}

/** Leaves a gauge without labels with no sample, rather than the 0 prom-client gives it: nothing is known. */
function withoutSample(gauge: Gauge) {
  gauge.reset();
  gauge.remove();
}

function registerPoolGauges(registers: Registry[], poolUsage: () => PoolUsage) {
  const poolGauge = (name: string, help: string, value: (usage: PoolUsage) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(value(poolUsage()));
      },
    });
  poolGauge(
    'fleetdesk_database_pool_connections',
    "PostgreSQL connections the process's pool holds open, idle or in use",
    (usage) => usage.total,
  );
  poolGauge(
    'fleetdesk_database_pool_idle_connections',
    'Open PostgreSQL connections no query is using',
    (usage) => usage.idle,
  );
  poolGauge(
    'fleetdesk_database_pool_waiting_queries',
    'Queries waiting for a connection because all of them are in use',
    (usage) => usage.waiting,
  );
  poolGauge(
    'fleetdesk_database_pool_max_connections',
    'The pool size: connections the process may open at most',
    (usage) => usage.max,
  );
}
