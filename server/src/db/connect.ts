import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The embedded engine itself, for dumping its data folder (test templates, backups). */
  pglite?: PGlite;
  /** PostgreSQL's connection pool as it is now (the metrics); absent on PGlite, one in-process connection. */
  poolUsage?: () => PoolUsage;
  close(): Promise<void>;
}

export interface PoolUsage {
  /** Connections open, idle or in use. */
  total: number;
  idle: number;
  /** Queries waiting for a connection: every one is in use and the pool is at its size. */
  waiting: number;
  /** The pool's size. */
  max: number;
}

/*
 * The one place where driver types are normalised, so that both engines hand the same values to the
 * code: int8 (ids, counts) as a JS number (ids stay far below 2^53), numeric as its exact decimal
 * string, date as 'YYYY-MM-DD' text, timestamptz as a Date.
 */
const OID_INT8 = 20;
const OID_NUMERIC = 1700;
const OID_DATE = 1082;
const OID_INT8_ARRAY = 1016;
const keepText = (value: string) => value;

function postgresTypes() {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === OID_INT8) return (value: string) => Number(value);
      if (oid === OID_INT8_ARRAY) {
        const parseTextArray = pg.types.getTypeParser(oid as never, 'text') as (value: string) => string[];
        return (value: string) => parseTextArray(value).map(Number);
      }
      if (oid === OID_NUMERIC || oid === OID_DATE) return keepText;
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- pg's own parser, typed loosely
      return pg.types.getTypeParser(oid, format);
    },
  };
}

const pgliteParsers = {
  [OID_INT8]: (value: string) => Number(value),
  [OID_NUMERIC]: keepText,
  [OID_DATE]: keepText,
  [pgliteTypes.TIMESTAMPTZ]: (value: string) => new Date(value),
};

export interface ConnectOptions {
  /** PostgreSQL connection string; null selects the embedded PGlite engine. */
  databaseUrl: string | null;
  /** PGlite data folder; null keeps the database in memory. */
  dataDir?: string | null;
  /** A PGlite data-folder dump to start from (the migrated template in tests). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** How long a request waits for a PostgreSQL connection from the pool, or for a new one to open. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Opens the database: PostgreSQL when a URL is given, PGlite otherwise. */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const max = options.poolSize ?? 10;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max,
      types: postgresTypes(),
      // No JIT: the planner's row estimates for set-returning functions (the per-object charged days
      // expand bit strings with generate_series) make it compile small queries for 200-500 ms each;
      // the queries here are index lookups and one large set-based statement a day, none of which it helps.
      options: '-c jit=off',
      // While the database is down or restarting a request waits at most this long for a connection,
      // then is answered 503 with Retry-After (never a hang): pg's default is to wait for ever.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // A connection that the server drops (restart, failover, a dropped test database) must never
    // crash the process: an 'error' event without a listener is thrown. The pool listens to its idle
    // connections only, so each connection gets its own listener for the time it is checked out (a
    // transaction between two statements); the statement running gets the error itself, the request
    // is answered 503, and the pool discards the connection when it is released.
    pool.on('connect', (client) => {
      client.on('error', (error) => console.warn(`PostgreSQL connection closed: ${error.message}`));
    });
    // The pool repeats an idle connection's error, already written down by the listener above.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const poolUsage = () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max,
    });
    return { db, engine: 'postgres', poolUsage, close: () => db.destroy() };
  }
  const pglite = new PGlite({
    dataDir: options.dataDir ?? undefined,
    loadDataDir: options.loadDataDir,
    parsers: pgliteParsers,
    // The lists' trigram indexes (migration 0005); a dump made with it loads only with it.
    extensions: { pg_trgm },
  });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', pglite, close: () => db.destroy() };
}
