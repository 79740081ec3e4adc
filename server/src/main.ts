import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openMigratedDatabase } from './database.js';
import type { DatabaseHandle } from './db/connect.js';
import { generatePassword } from './lib/password-policy.js';
import { isReadByPerson, loggerOptions } from './plugins/logging.js';
import { ensureInitialAdmin } from './modules/auth/auth.service.js';
import { sealStoredSecrets } from './modules/partner-settings/partner-settings.service.js';
import { ensureLedgerMonth } from './modules/ledger/ledger.public.js';
import { addDays, today } from './lib/clock.js';
import {
  startBillingSchedule,
  type BillingSchedule,
  type ScheduleLog,
} from './modules/billing/billing-schedule.js';
import { failStoppedRuns } from './modules/billing/billing-runs.repository.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * What the database needs before anyone is served, done once (by the only process, or by the primary
 * of several): its schema, the first super administrator, sealed secrets, the ledger's month
 * partitions, and the billing runs a stopped process left behind.
 */
async function prepareDatabase(config: Config, database: DatabaseHandle & { applied: string[] }) {
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`Database: ${where}; migrations applied now: ${database.applied.length}`);

  const admin = await ensureInitialAdmin(database.db, {
    login: config.adminLogin,
    password: config.adminPassword,
    generatePassword: () => generatePassword('complex'),
  });
  if (admin.generatedPassword) {
    // Printed once, at the first start only: the database keeps just its hash.
    console.log(
      `\nCreated the super administrator "${config.adminLogin}" with password: ${admin.generatedPassword}\n`,
    );
  } else if (admin.created) {
    console.log(`Created the super administrator "${config.adminLogin}" from FLEETDESK_ADMIN_PASSWORD.`);
  }
  // Settings saved before secrets were sealed at rest get sealed now; nothing to do after that.
  const sealed = await sealStoredSecrets(database.db, config.secretKey);
  if (sealed > 0) console.log(`Sealed the secrets of ${sealed} stored settings with FLEETDESK_SECRET_KEY.`);

  // The ledger's month partitions of this month and the next exist before anyone writes to them.
  for (const day of [today(), addDays(today(), 31)]) await ensureLedgerMonth(database.db, day);
  // Billing runs left 'running' by a process that stopped are shown failed from the start.
  const stoppedRuns = await failStoppedRuns(database.db);
  if (stoppedRuns.length > 0)
    console.log(`Billing runs ${stoppedRuns.join(', ')} marked failed: their process stopped.`);
}

const announce = (config: Config) =>
  console.log(
    `Fleetdesk admin panel: http://localhost:${config.port}/  API docs: http://localhost:${config.port}/api/docs`,
  );

/** The daily billing schedule, in the one process that runs it (the only one, or the primary). */
function startSchedule(config: Config, database: DatabaseHandle, log: ScheduleLog): BillingSchedule | null {
  if (!config.billingSchedule) return null;
  const schedule = startBillingSchedule({ db: database.db, log });
  log.info('Billing schedule on: catching up now, then a minute after each UTC midnight');
  return schedule;
}

/** Serves the port: the only process, or one of several workers (cluster) sharing it. */
async function serve(config: Config, database: DatabaseHandle, options: { runsSchedule: boolean }) {
  const app = await buildApp({
    database,
    logger: loggerOptions({
      level: config.logLevel,
      readByPerson: isReadByPerson({ isTerminal: process.stdout.isTTY, nodeEnv: process.env.NODE_ENV }),
    }),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    sessionIdleMinutes: config.sessionIdleMinutes,
    secretKey: config.secretKey,
    metricsNetworks: config.metricsNetworks,
    webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  });

  let billingSchedule: BillingSchedule | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: finishing open requests, then closing the database`);
    // The day being billed finishes (or rolls back with the database); no further day starts.
    await billingSchedule?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (options.runsSchedule) billingSchedule = startSchedule(config, database, app.log);
}

/*
 * Several processes (FLEETDESK_WORKERS > 1, PostgreSQL only): the primary prepares the database, runs
 * what must happen once per server — the billing schedule and its housekeeping — and starts the workers,
 * which share the port (node:cluster) and serve the requests. Sessions, rate limits and idempotency keys
 * live in the database, so any worker serves any request. A worker that dies is replaced; SIGTERM
 * stops the workers (each finishes its open requests), then the schedule.
 */
async function runPrimary(config: Config) {
  const database = await openMigratedDatabase(config);
  await prepareDatabase(config, database);
  let closing = false;
  const startWorker = () => cluster.fork();
  for (let index = 0; index < config.workers; index += 1) startWorker();
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return;
    if (!listening.has(worker.id)) {
      // It stopped before it served (a port in use, a bad web build): another would stop the same way.
      console.error(`Worker ${worker.process.pid} stopped before it served (exit code ${code}); stopping`);
      void shutdown('a worker could not start', 1);
      return;
    }
    console.error(
      `Worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`,
    );
    setTimeout(startWorker, 1_000).unref();
  });
  const log = {
    info: (message: string) => console.log(message),
    error: (message: string) => console.error(message),
  };
  const billingSchedule = startSchedule(config, database, log);
  console.log(`Serving with ${config.workers} worker processes.`);
  announce(config);

  async function shutdown(reason: string, exitCode = 0) {
    if (closing) return;
    closing = true;
    console.log(`${reason}: stopping the workers, then the schedule`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    await billingSchedule?.stop();
    await database.close();
    process.exit(exitCode);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM received'));
  process.on('SIGINT', () => void shutdown('SIGINT received'));
}

async function main() {
  const config = readConfig();
  if (cluster.isWorker) {
    // The primary prepared the database and runs the schedule; a worker only serves.
    const database = await openMigratedDatabase(config);
    await serve(config, database, { runsSchedule: false });
    return;
  }
  if (config.workers > 1) {
    await runPrimary(config);
    return;
  }
  const database = await openMigratedDatabase(config);
  await prepareDatabase(config, database);
  await serve(config, database, { runsSchedule: true });
  announce(config);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof ConfigError) console.error(error.message);
  else if (code === 'EADDRINUSE')
    console.error(`PORT ${process.env.PORT ?? 3000} is already in use; choose another with PORT`);
  else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    console.error(`HOST "${process.env.HOST}" is not an address of this machine; unset it or choose another`);
  } else console.error(error);
  process.exit(1);
});
