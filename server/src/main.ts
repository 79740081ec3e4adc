import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openMigratedDatabase } from './database.js';
import { generatePassword } from './lib/password-policy.js';
import { isReadByPerson, loggerOptions } from './plugins/logging.js';
import { ensureInitialAdmin } from './modules/auth/auth.service.js';
import { sealStoredSecrets } from './modules/partner-settings/partner-settings.service.js';
import { ensureLedgerMonth } from './modules/ledger/ledger.public.js';
import { addDays, today } from './lib/clock.js';
import { startBillingSchedule, type BillingSchedule } from './modules/billing/billing-schedule.js';
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

async function main() {
  const config = readConfig();
  const database = await openMigratedDatabase(config);
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
  if (config.billingSchedule) {
    billingSchedule = startBillingSchedule({ db: database.db, log: app.log });
    app.log.info('Billing schedule on: catching up now, then a minute after each UTC midnight');
  }
  console.log(
    `Fleetdesk admin panel: http://localhost:${config.port}/  API docs: http://localhost:${config.port}/api/docs`,
  );
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
