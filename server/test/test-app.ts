import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type App, type AppOptions } from '../src/app.js';
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.js';
import type { LoginLimits } from '../src/modules/auth/auth.public.js';

export interface TestContext {
  app: App;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** A copy of the migrated template database, private to the calling test file. */
export async function cloneTemplateDatabase(): Promise<{
  database: DatabaseHandle;
  /** On PostgreSQL, the copy's connection string (for a second connection to it). */
  url?: string;
  drop(): Promise<void>;
}> {
  const template = inject('databaseTemplate');
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (!postgresUrl) {
    const dump = await readFile(template);
    const database = await connectDatabase({ databaseUrl: null, loadDataDir: new Blob([dump]) });
    return { database, drop: async () => undefined };
  }
  const name = `${template}_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Builds the application on a fresh database; tests call app.inject(), no network. */
export async function createTestApp(
  options: {
    loginLimits?: LoginLimits;
    trustProxy?: false | number | string[];
    onRoute?: AppOptions['onRoute'];
    clock?: AppOptions['clock'];
    logger?: AppOptions['logger'];
    metricsNetworks?: AppOptions['metricsNetworks'];
  } = {},
): Promise<TestContext> {
  const { database, drop } = await cloneTemplateDatabase();
  const app = await buildApp({
    database,
    trustProxy: options.trustProxy,
    onRoute: options.onRoute,
    clock: options.clock,
    logger: options.logger,
    metricsNetworks: options.metricsNetworks,
    loginLimits: options.loginLimits ?? {
      failuresPerLogin: 1000,
      attemptsPerAddress: 10000,
      windowSeconds: 900,
    },
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
