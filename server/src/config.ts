import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import ipaddr from 'ipaddr.js';
import { DEFAULT_SESSION_IDLE_MINUTES } from './modules/auth/auth.public.js';
import path from 'node:path';
import { isAddressOrNetwork, networksOf } from './lib/networks.js';
import { developmentSecretKey, parseSecretKey } from './lib/secret-box.js';

/** Typed configuration of the process, read from the environment once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  adminLogin: string;
  adminPassword: string | null;
  logLevel: string;
  /** Sends cookies with the Secure flag; on when the panel is served over HTTPS. */
  secureCookies: boolean;
  /** Runs the daily billing in this process (BILLING_SCHEDULE=on|off, on by default). */
  billingSchedule: boolean;
  /**
   * Which reverse proxies' X-Forwarded-For is believed (FLEETDESK_TRUST_PROXY): false, a number of
   * hops, or the addresses and networks (CIDR) of the proxies. Only then is the client's address
   * taken from the header; otherwise it is the connection's.
   */
  trustProxy: false | number | string[];
  /** Minutes without a request after which a session has ended (FLEETDESK_SESSION_IDLE_MINUTES, 60). */
  sessionIdleMinutes: number;
  /**
   * The key that encrypts stored secrets such as two-factor secrets (FLEETDESK_SECRET_KEY, 32 bytes);
   * a fixed development key outside production.
   */
  secretKey: Buffer;
  /**
   * The networks (CIDR) and addresses whose clients may read /metrics without an API token
   * (FLEETDESK_METRICS_NETWORKS, comma-separated; none by default): where Prometheus scrapes from.
   */
  metricsNetworks: string[];
  /**
   * Processes that serve the port (FLEETDESK_WORKERS): by default one a core on PostgreSQL; always 1
   * on the embedded database, which lives inside the one process that opened it.
   */
  workers: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the environment and fails listing every bad variable, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535, got "${portText}"`);
  }

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must start with postgres:// or postgresql:// (unset it to use the embedded database)',
    );
  }

  const adminLogin = env.FLEETDESK_ADMIN_LOGIN?.trim() || 'admin';
  if (adminLogin.length > 64 || !/^[\p{L}\p{N}._@-]+$/u.test(adminLogin)) {
    problems.push('FLEETDESK_ADMIN_LOGIN may hold only letters, digits and . _ @ - (at most 64 characters)');
  }
  const adminPassword = env.FLEETDESK_ADMIN_PASSWORD || null;
  if (adminPassword !== null && [...adminPassword].length < 12) {
    problems.push('FLEETDESK_ADMIN_PASSWORD must be at least 12 characters long');
  }

  const host = env.HOST?.trim() || '0.0.0.0';
  if (
    !isIP(host) &&
    !/^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(
      host,
    )
  ) {
    problems.push(`HOST must be an IP address or a host name, got "${host}"`);
  }

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!logLevels.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  }

  const secureText = env.FLEETDESK_SECURE_COOKIES ?? 'false';
  if (!['true', 'false'].includes(secureText)) {
    problems.push('FLEETDESK_SECURE_COOKIES must be true or false');
  }

  const billingScheduleText = env.BILLING_SCHEDULE?.trim() || 'on';
  if (!['on', 'off'].includes(billingScheduleText)) {
    problems.push(`BILLING_SCHEDULE must be on or off, got "${billingScheduleText}"`);
  }

  const trustProxy = parseTrustProxy(env.FLEETDESK_TRUST_PROXY, problems);

  const idleText = env.FLEETDESK_SESSION_IDLE_MINUTES?.trim() || String(DEFAULT_SESSION_IDLE_MINUTES);
  const sessionIdleMinutes = Number(idleText);
  if (!/^\d+$/.test(idleText) || sessionIdleMinutes < 5 || sessionIdleMinutes > 720) {
    problems.push(
      `FLEETDESK_SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 720, got "${idleText}"`,
    );
  }

  const secretKey = readSecretKey(env, problems);

  const metricsNetworks = networksOf(env.FLEETDESK_METRICS_NETWORKS ?? '');
  if (!metricsNetworks.every(isAddressOrNetwork)) {
    problems.push(
      `FLEETDESK_METRICS_NETWORKS must be networks in CIDR notation (10.0.0.0/8) or addresses, separated by commas, got "${env.FLEETDESK_METRICS_NETWORKS?.trim()}"`,
    );
  }

  const workers = readWorkers(env.FLEETDESK_WORKERS, databaseUrl !== null, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    databaseUrl,
    // npm runs workspace scripts inside server/; INIT_CWD is where the person typed `npm start`.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.FLEETDESK_DATA_DIR?.trim() || 'data'),
    adminLogin,
    adminPassword,
    logLevel,
    secureCookies: secureText === 'true',
    billingSchedule: billingScheduleText === 'on',
    trustProxy,
    sessionIdleMinutes,
    secretKey,
    metricsNetworks,
    workers,
  };
}

/** The most processes FLEETDESK_WORKERS may ask for: more than cores only adds switching. */
const MAX_WORKERS = 64;

/** FLEETDESK_WORKERS: a whole number; one a core by default on PostgreSQL, and only 1 on PGlite. */
function readWorkers(text: string | undefined, onPostgres: boolean, problems: string[]): number {
  const given = text?.trim();
  if (!given) return onPostgres ? availableParallelism() : 1;
  const workers = Number(given);
  if (!/^\d+$/.test(given) || workers < 1 || workers > MAX_WORKERS) {
    problems.push(`FLEETDESK_WORKERS must be a whole number from 1 to ${MAX_WORKERS}, got "${given}"`);
    return 1;
  }
  if (!onPostgres && workers > 1) {
    problems.push(
      `FLEETDESK_WORKERS must be 1 with the embedded database (it lives in one process), got "${given}"; set DATABASE_URL to run several`,
    );
    return 1;
  }
  return workers;
}

/*
 * FLEETDESK_SECRET_KEY: required in production, where the development key would leave the encrypted
 * secrets readable by anyone who has the source; elsewhere the fixed development key stands in.
 */
function readSecretKey(env: NodeJS.ProcessEnv, problems: string[]): Buffer {
  const text = env.FLEETDESK_SECRET_KEY?.trim() ?? '';
  if (text === '') {
    if (env.NODE_ENV === 'production') {
      problems.push(
        'FLEETDESK_SECRET_KEY is required in production: 32 random bytes as 64 hexadecimal digits or base64 (openssl rand -base64 32)',
      );
    }
    return developmentSecretKey;
  }
  const key = parseSecretKey(text);
  if (key) return key;
  problems.push('FLEETDESK_SECRET_KEY must be 32 bytes written as 64 hexadecimal digits or as base64');
  return developmentSecretKey;
}

/** FLEETDESK_TRUST_PROXY: unset (no proxy), a hop count, or a comma-separated list of addresses and CIDRs. */
function parseTrustProxy(text: string | undefined, problems: string[]): false | number | string[] {
  const value = text?.trim() ?? '';
  if (value === '') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  } else {
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => ipaddr.isValid(entry) || isCidr(entry))) return entries;
  }
  problems.push(
    `FLEETDESK_TRUST_PROXY must be a number of proxies from 1 to 10, or addresses and networks of the proxies (CIDR) separated by commas, got "${value}"`,
  );
  return false;
}

function isCidr(text: string): boolean {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}
