import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { ConfigError, type Config } from './config.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens the configured database (creating PGlite's data folder) and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  if (!config.databaseUrl) await ensureWritableFolder(config.dataDir);
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database.db);
    return { ...database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The embedded database's folder must exist (or be creatable) and be writable; say so plainly if not. */
async function ensureWritableFolder(folder: string) {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError([`FLEETDESK_DATA_DIR "${folder}" cannot be created or written (${reason})`]);
  }
}
