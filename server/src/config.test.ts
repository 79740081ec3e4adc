import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { loadConfig, type ConfigError } from './config.js';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('FLEETDESK_TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ FLEETDESK_TRUST_PROXY: ' ' }).trustProxy).toBe(false);
  });

  it('takes a number of proxies', () => {
    expect(loadConfig({ FLEETDESK_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('takes the addresses and networks of the proxies, IPv4 and IPv6', () => {
    expect(loadConfig({ FLEETDESK_TRUST_PROXY: '10.0.0.0/8, 192.0.2.1,2001:db8::/32' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
      '2001:db8::/32',
    ]);
  });

  it.each(['0', '11', 'proxy', '10.0.0.0/33', '10.0.0.1, nonsense', '300.1.1.1'])(
    'refuses %j naming the variable and the rule',
    (value) => {
      expect(problemsOf({ FLEETDESK_TRUST_PROXY: value })).toEqual([
        `FLEETDESK_TRUST_PROXY must be a number of proxies from 1 to 10, or addresses and networks of the proxies (CIDR) separated by commas, got "${value}"`,
      ]);
    },
  );
});

describe('FLEETDESK_SECRET_KEY', () => {
  it('takes 32 bytes in hexadecimal or base64, and stands in the development key elsewhere', () => {
    expect(loadConfig({ FLEETDESK_SECRET_KEY: 'ab'.repeat(32) }).secretKey).toEqual(Buffer.alloc(32, 0xab));
    expect(loadConfig({ FLEETDESK_SECRET_KEY: Buffer.alloc(32, 9).toString('base64') }).secretKey).toEqual(
      Buffer.alloc(32, 9),
    );
    expect(loadConfig({ NODE_ENV: 'development' }).secretKey).toHaveLength(32);
  });

  it('is required in production, and refused when it is not 32 bytes', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'FLEETDESK_SECRET_KEY is required in production: 32 random bytes as 64 hexadecimal digits or base64 (openssl rand -base64 32)',
    ]);
    expect(problemsOf({ FLEETDESK_SECRET_KEY: 'short' })).toEqual([
      'FLEETDESK_SECRET_KEY must be 32 bytes written as 64 hexadecimal digits or as base64',
    ]);
  });
});

describe('FLEETDESK_METRICS_NETWORKS', () => {
  it('is empty unless set: /metrics then needs an API token', () => {
    expect(loadConfig({}).metricsNetworks).toEqual([]);
    expect(loadConfig({ FLEETDESK_METRICS_NETWORKS: ' ' }).metricsNetworks).toEqual([]);
  });

  it('takes networks and addresses, IPv4 and IPv6', () => {
    expect(
      loadConfig({ FLEETDESK_METRICS_NETWORKS: '127.0.0.1/32, 10.0.0.0/8,192.0.2.7 ,2001:db8::/32' })
        .metricsNetworks,
    ).toEqual(['127.0.0.1/32', '10.0.0.0/8', '192.0.2.7', '2001:db8::/32']);
  });

  it.each(['10.0.0.0/33', 'prometheus', '10.0.0.0/8; 192.0.2.0/24', '300.1.1.1/32'])(
    'refuses %j naming the variable and the rule',
    (value) => {
      expect(problemsOf({ FLEETDESK_METRICS_NETWORKS: value })).toEqual([
        `FLEETDESK_METRICS_NETWORKS must be networks in CIDR notation (10.0.0.0/8) or addresses, separated by commas, got "${value}"`,
      ]);
    },
  );
});

describe('FLEETDESK_WORKERS', () => {
  const postgres = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/fleetdesk' };

  it('is one process a core on PostgreSQL, and one on the embedded database, unless set', () => {
    expect(loadConfig(postgres).workers).toBe(availableParallelism());
    expect(loadConfig({}).workers).toBe(1);
  });

  it('takes a number of processes on PostgreSQL, and 1 on the embedded database', () => {
    expect(loadConfig({ ...postgres, FLEETDESK_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ FLEETDESK_WORKERS: '1' }).workers).toBe(1);
  });

  it.each(['0', '-2', '1.5', 'two', '65'])('refuses %j naming the variable and the rule', (value) => {
    expect(problemsOf({ ...postgres, FLEETDESK_WORKERS: value })).toEqual([
      `FLEETDESK_WORKERS must be a whole number from 1 to 64, got "${value}"`,
    ]);
  });

  it('refuses several processes on the embedded database, saying how to have them', () => {
    expect(problemsOf({ FLEETDESK_WORKERS: '2' })).toEqual([
      'FLEETDESK_WORKERS must be 1 with the embedded database (it lives in one process), got "2"; set DATABASE_URL to run several',
    ]);
  });
});
