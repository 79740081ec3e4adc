import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContract, createPartner, createSuperAdmin } from './builders.js';
import type { TestClient } from './client.js';
import { moneyRequest } from './money-builders.js';
import { cloneTemplateDatabase } from './test-app.js';
import { buildApp, type App } from '../src/app.js';
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.js';

/*
 * The database goes away under the server and comes back (a restart, a failover): requests meanwhile
 * are answered 503 database_unavailable with Retry-After as application/problem+json — never a 500,
 * never a hang — and the server recovers by itself, without a restart. The server reaches PostgreSQL
 * through a TCP relay the test stops and starts again on the same port: the real driver sees its
 * connections cut and refused, as in an outage.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** A TCP relay to PostgreSQL that can be cut (connections reset, the port closed) and restored. */
class Relay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  }
}

describe.skipIf(!onPostgres)('the database restarted under the server (PostgreSQL)', () => {
  let relay: Relay;
  let direct: Awaited<ReturnType<typeof cloneTemplateDatabase>>;
  let relayed: DatabaseHandle;
  let app: App;
  let root: TestClient;
  let contractId: number;

  beforeAll(async () => {
    direct = await cloneTemplateDatabase();
    const url = new URL(direct.url!);
    relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
    await relay.start();
    url.host = `127.0.0.1:${relay.port}`;
    relayed = await connectDatabase({ databaseUrl: url.toString(), poolSize: 3 });
    app = await buildApp({ database: relayed });
    await app.ready();
    root = await createSuperAdmin(app, direct.database.db, 'outage.root');
    const partner = await createPartner(root, { name: 'Outage dealer' });
    contractId = (await createContract(root, partner.id)).id;
  });

  afterAll(async () => {
    await app.close();
    await relayed.close();
    await relay.cut();
    await direct.database.close();
    await direct.drop();
  });

  /** The answer and how long it took, in milliseconds. */
  async function timed(send: () => Promise<Awaited<ReturnType<TestClient['get']>>>) {
    const started = performance.now();
    const answer = await send();
    return { answer, ms: performance.now() - started };
  }

  it('answers 503 with Retry-After while it is gone, and recovers by itself when it is back', async () => {
    expect((await root.get('/api/v1/partners?pageSize=1')).statusCode).toBe(200);

    await relay.cut();
    const during = [
      await timed(() => root.get('/api/v1/partners?pageSize=1')),
      await timed(() => moneyRequest(root, 'payments', { contractId, amount: '5.00' })),
      await timed(() => root.inLocale('ru').get('/api/v1/contracts')),
      await timed(() => root.get('/api/v1/health')),
    ];
    expect(during.map(({ answer }) => answer.statusCode)).toEqual([503, 503, 503, 503]);
    for (const { answer, ms } of during) {
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
      expect(ms).toBeLessThan(10_000);
    }
    expect(during.slice(0, 3).map(({ answer }) => answer.headers['retry-after'])).toEqual(['5', '5', '5']);
    expect(during[0]!.answer.json<{ title: string }>().title).toBe(
      'The database does not answer at the moment; try again in a few seconds',
    );
    expect(during[2]!.answer.json<{ title: string }>().title).toBe(
      'База данных сейчас не отвечает; повторите через несколько секунд',
    );

    // Back on the same address: the pool opens new connections; the session and the data are there.
    await relay.start();
    expect((await root.get('/api/v1/partners?pageSize=1')).statusCode).toBe(200);
    const paid = await moneyRequest(root, 'payments', { contractId, amount: '5.00' });
    expect(paid.statusCode, paid.body).toBe(201);
    const balance = await root.get(`/api/v1/contracts/${contractId}/balance`);
    expect(balance.json<{ balance: string }>().balance).toBe('5.00');
  });
});
