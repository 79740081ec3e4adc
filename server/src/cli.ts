import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { openMigratedDatabase } from './database.js';
import { today } from './lib/clock.js';
import { hashPassword } from './lib/password-hash.js';
import { generatePassword } from './lib/password-policy.js';
import { insertAdminUser } from './modules/auth/auth.repository.js';
import { billingUsage, parseBillingArgs, runBillingCommand } from './modules/billing/billing-cli.js';

const usage = `fleetdesk CLI (npm run cli -- COMMAND)
  migrate                                   apply pending database migrations
  create-admin --login L [--password P]     add a super administrator (password generated when omitted)
${billingUsage}`;

async function run(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (command === 'migrate') {
    const database = await openMigratedDatabase(config);
    console.log(
      database.applied.length ? `Applied: ${database.applied.join(', ')}` : 'The database is up to date.',
    );
    await database.close();
    return 0;
  }
  if (command === 'create-admin') {
    const { values } = parseArgs({
      args: rest,
      options: { login: { type: 'string' }, password: { type: 'string' } },
    });
    if (!values.login) {
      console.error('create-admin needs --login');
      return 2;
    }
    const password = values.password ?? generatePassword('complex');
    const database = await openMigratedDatabase(config);
    await insertAdminUser(database.db, {
      partnerId: null,
      role: 'super_admin',
      login: values.login,
      name: null,
      passwordHash: await hashPassword(password),
    });
    await database.close();
    console.log(
      `Created super administrator "${values.login}"${values.password ? '' : ` with password: ${password}`}`,
    );
    return 0;
  }
  if (command === 'billing') {
    const billing = parseBillingArgs(rest, today());
    if ('error' in billing) {
      console.error(billing.error);
      return 2;
    }
    const database = await openMigratedDatabase(config);
    try {
      return await runBillingCommand(database.db, billing);
    } finally {
      await database.close();
    }
  }
  console.error(usage);
  return command ? 2 : 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
