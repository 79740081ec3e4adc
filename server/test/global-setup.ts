import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated data folder. PostgreSQL: the name of a migrated template database. */
    databaseTemplate: string;
  }
}

/*
 * Migrates one template database per test run; every test file then starts from a copy of it, so
 * files never see each other's rows and nobody waits for migrations twice.
 */
export default async function setup(project: TestProject) {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    const templateName = `fleetdesk_template_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${templateName}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${templateName}`;
    const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('databaseTemplate', templateName);
    return async () => {
      // Copies made from the template are dropped by their files; drop any a crashed file left.
      const leftovers = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`${templateName}%`],
      );
      for (const { datname } of leftovers.rows)
        await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }

  const database = await connectDatabase({ databaseUrl: null });
  await migrateToLatest(database.db);
  const dumpPath = path.join(tmpdir(), `fleetdesk-template-${randomUUID()}.tar`);
  const { sql } = await import('kysely');
  await sql`checkpoint`.execute(database.db);
  const pglite = (database as unknown as { pglite?: { dumpDataDir(): Promise<Blob> } }).pglite;
  if (!pglite) throw new Error('connectDatabase must expose the PGlite instance for dumping');
  await writeFile(dumpPath, Buffer.from(await (await pglite.dumpDataDir()).arrayBuffer()));
  await database.close();
  project.provide('databaseTemplate', dumpPath);
  return async () => {
    await rm(dumpPath, { force: true });
  };
}
