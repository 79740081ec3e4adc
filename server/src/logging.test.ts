import { Writable } from 'node:stream';
import { prettyFactory, type PrettyOptions } from 'pino-pretty';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSuperAdmin } from '../test/builders.js';
import { anonymous, expectStatus, type TestClient } from '../test/client.js';
import { cloneTemplateDatabase, createTestApp, type TestContext } from '../test/test-app.js';
import { buildApp } from './app.js';
import { isReadByPerson, loggerOptions } from './plugins/logging.js';

/* At `info` the server writes one JSON line per request, with what a person reads a request by. */

type LogLine = Record<string, unknown>;

/** A stream the logger writes to, and the JSON lines written so far. */
function captureLog(): { stream: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { stream, lines };
}

/** A line without its time and pid, which differ from run to run. */
function withoutRunFields({ time, pid, hostname, ...rest }: LogLine): LogLine {
  expect([typeof time, typeof pid, typeof hostname]).toEqual(['number', 'number', 'string']);
  return rest;
}

describe('the request log at info', () => {
  const log = captureLog();
  let context: TestContext;
  let root: TestClient;
  let rootId: number;

  beforeAll(async () => {
    context = await createTestApp({ logger: { level: 'info', stream: log.stream } });
    root = await createSuperAdmin(context.app, context.database.db, 'log-operator');
    rootId = expectStatus<{ user: { id: number } }>(await root.get('/api/v1/auth/me'), 200).user.id;
  });
  afterAll(() => context.close());
  beforeEach(() => {
    log.lines.length = 0;
  });

  it('writes exactly one line for a request: method, url, status, time, request id and the user', async () => {
    const response = await root.get('/api/v1/partners?pageSize=1');
    expect(response.statusCode).toBe(200);
    const problemId = (await root.get('/api/v1/partners/999999999')).json<{ requestId: string }>().requestId;

    expect(log.lines.map(withoutRunFields)).toEqual([
      {
        level: 30,
        reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        method: 'GET',
        url: '/api/v1/partners?pageSize=1',
        statusCode: 200,
        responseTime: expect.any(Number) as unknown,
        userId: rootId,
        msg: 'request',
      },
      {
        level: 30,
        reqId: problemId,
        method: 'GET',
        url: '/api/v1/partners/999999999',
        statusCode: 404,
        responseTime: expect.any(Number) as unknown,
        userId: rootId,
        msg: 'request',
      },
    ]);
    expect(log.lines[0]!.reqId).not.toBe(problemId);
    const tenths = (log.lines[0]!.responseTime as number) * 10;
    expect(tenths).toBeGreaterThan(0);
    expect(Math.abs(tenths - Math.round(tenths))).toBeLessThan(1e-9);
  });

  it('answers every request with X-Request-Id: the id of its log line and of its problem', async () => {
    const listed = await root.get('/api/v1/partners?pageSize=1');
    const missing = await root.get('/api/v1/partners/999999999');
    const ids = [listed, missing].map((answer) => answer.headers['x-request-id']);
    expect(ids).toEqual(log.lines.map((line) => line.reqId));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(missing.json<{ requestId: string }>().requestId);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("keeps a load balancer's well-formed X-Request-Id, and replaces one that could forge a log line", async () => {
    const client = anonymous(context.app);
    const kept = await client.request('GET', '/api/v1/partners', undefined, {
      'x-request-id': 'lb-7f3a9c0e-0001',
    });
    const forged = await client.request('GET', '/api/v1/partners', undefined, {
      'x-request-id': 'x"}\n{"level":60,"msg":"forged',
    });
    expect(kept.statusCode).toBe(401);
    expect(kept.headers['x-request-id']).toBe('lb-7f3a9c0e-0001');
    expect(kept.json<{ requestId: string }>().requestId).toBe('lb-7f3a9c0e-0001');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines.map((line) => line.reqId)).toEqual(['lb-7f3a9c0e-0001', forged.headers['x-request-id']]);
  });

  it('writes no user id for a request without a signed-in user', async () => {
    const response = await anonymous(context.app).get('/api/v1/partners');
    expect(response.statusCode).toBe(401);
    expect(log.lines.map(withoutRunFields)).toEqual([
      {
        level: 30,
        reqId: response.json<{ requestId: string }>().requestId,
        method: 'GET',
        url: '/api/v1/partners',
        statusCode: 401,
        responseTime: expect.any(Number) as unknown,
        msg: 'request',
      },
    ]);
  });

  it('never logs the session cookie, the CSRF token or the password of a sign-in', async () => {
    const response = await anonymous(context.app).post('/api/v1/auth/login', {
      login: 'log-operator',
      password: 'a wrong password',
    });
    expect(response.statusCode).toBe(401);
    expect(log.lines).toHaveLength(1);
    const written = JSON.stringify(log.lines);
    expect(written).not.toContain('a wrong password');
    expect(written).not.toContain(root.cookie!.split('=')[1]);
    expect(written).not.toContain(root.csrfToken!);
  });
});

describe('a fault', () => {
  it('keeps its error line, with the error, beside the request line', async () => {
    const log = captureLog();
    const { database, drop } = await cloneTemplateDatabase();
    const app = await buildApp({ database, logger: { level: 'info', stream: log.stream } });
    app.get('/boom', () => {
      throw new Error('the fault itself');
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/boom' });
      expect(response.statusCode).toBe(500);
      const requestId = response.json<{ requestId: string }>().requestId;
      const [fault, request, ...more] = log.lines.filter((line) => line.reqId !== undefined);
      expect(more).toEqual([]);
      expect(withoutRunFields(fault!)).toEqual({
        level: 50,
        reqId: requestId,
        err: expect.objectContaining({ type: 'Error', message: 'the fault itself' }) as unknown,
        msg: 'unhandled error',
      });
      expect(withoutRunFields(request!)).toEqual({
        level: 30,
        reqId: requestId,
        method: 'GET',
        url: '/boom',
        statusCode: 500,
        responseTime: expect.any(Number) as unknown,
        msg: 'request',
      });
    } finally {
      await app.close();
      await database.close();
      await drop();
    }
  });
});

describe('the logger options', () => {
  it('pretty-print for a person at a terminal only, never in production or in tests', () => {
    expect(isReadByPerson({ isTerminal: true, nodeEnv: undefined })).toBe(true);
    expect(isReadByPerson({ isTerminal: true, nodeEnv: 'development' })).toBe(true);
    expect(isReadByPerson({ isTerminal: false, nodeEnv: undefined })).toBe(false);
    expect(isReadByPerson({ isTerminal: true, nodeEnv: 'production' })).toBe(false);
    expect(isReadByPerson({ isTerminal: true, nodeEnv: 'test' })).toBe(false);
  });

  it('write JSON lines for a log collector and use pino-pretty for a person', () => {
    const redact = ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'];
    expect(loggerOptions({ level: 'warn', readByPerson: false })).toEqual({ level: 'warn', redact });
    const pretty = loggerOptions({ level: 'info', readByPerson: true });
    expect(pretty).toEqual({
      level: 'info',
      redact,
      transport: { target: 'pino-pretty', options: expect.any(Object) as unknown },
    });
  });

  it('show a person one line a request, and other lines as they were written', () => {
    const { transport } = loggerOptions({ level: 'info', readByPerson: true }) as {
      transport: { options: PrettyOptions };
    };
    const pretty = prettyFactory({ ...transport.options, colorize: false });
    const base = { level: 30, pid: 1, hostname: 'host' };
    const request = { method: 'GET', url: '/api/v1/partners', statusCode: 200, responseTime: 12.3 };
    expect(pretty({ ...base, reqId: 'r-1', ...request, userId: 3, msg: 'request' })).toBe(
      'INFO: [r-1] request: GET /api/v1/partners 200 12.3 ms (user 3)\n',
    );
    expect(pretty({ ...base, reqId: 'r-2', ...request, statusCode: 401, msg: 'request' })).toBe(
      'INFO: [r-2] request: GET /api/v1/partners 401 12.3 ms\n',
    );
    expect(pretty({ ...base, days: 2, msg: 'Billing schedule caught up' })).toBe(
      'INFO: Billing schedule caught up {"days":2}\n',
    );
  });
});
