import { mkdir } from 'node:fs/promises';
import type { Config } from './config.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens the configured database (creating PGlite's data folder) and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database.db);
    return { ...database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}
