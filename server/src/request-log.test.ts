import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';

/* At `info` the server writes one line per request, with what a person reads a request by. */
const lines: Record<string, unknown>[] = [];
let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await connectDatabase({ databaseUrl: null });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  app = await buildApp({ database, logger: { level: 'info', stream } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the request log', () => {
  it('has one line per request: method, address, status and time', async () => {
    const answered = await app.inject({ method: 'GET', url: '/api/v1/health' });
    const refused = await app.inject({ method: 'GET', url: '/api/v1/partners' });
    expect([answered.statusCode, refused.statusCode]).toEqual([200, 401]);
    const ofRequests = lines.filter((line) => line.reqId !== undefined);
    expect(ofRequests).toEqual([
      expect.objectContaining({ msg: 'request', method: 'GET', url: '/api/v1/health', statusCode: 200 }),
      expect.objectContaining({ msg: 'request', method: 'GET', url: '/api/v1/partners', statusCode: 401 }),
    ]);
    expect(typeof ofRequests[0]!.responseTime).toBe('number');
  });
});
