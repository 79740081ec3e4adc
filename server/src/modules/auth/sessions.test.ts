import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPartner,
  createSuperAdmin,
  signInAsPartner,
  SUPER_ADMIN_PASSWORD,
} from '../../../test/builders.js';
import { expectStatus, signIn, type TestClient } from '../../../test/client.js';
import { useTestApp } from '../../../test/test-suite.js';
import { sessionIdOf } from './session-token.js';

/*
 * Everyone sees and ends its own sessions, and a session unused for the idle minutes has ended
 * (FLEETDESK_SESSION_IDLE_MINUTES, 60 by default).
 */
const { context } = useTestApp();
let office: TestClient;
let laptop: TestClient;
let dealer: TestClient;

interface SessionItem {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  ip: string | null;
  userAgent: string | null;
}

const sessionsOf = async (client: TestClient) =>
  expectStatus<{ items: SessionItem[] }>(await client.get('/api/v1/auth/sessions'), 200).items;

beforeAll(async () => {
  office = await createSuperAdmin(context.app, context.database.db, 'sessions-operator');
  laptop = await signIn(context.app, 'sessions-operator', SUPER_ADMIN_PASSWORD);
  dealer = await signInAsPartner(context.app, await createPartner(office));
});

describe('GET /auth/sessions', () => {
  it("lists the caller's own sessions only, the current one marked", async () => {
    const fromOffice = await sessionsOf(office);
    expect(fromOffice).toHaveLength(2);
    expect(fromOffice.filter((session) => session.current)).toHaveLength(1);
    const fromLaptop = await sessionsOf(laptop);
    expect(fromLaptop.map((session) => session.id).sort()).toEqual(
      fromOffice.map((session) => session.id).sort(),
    );
    expect(fromLaptop.find((session) => session.current)!.id).not.toBe(
      fromOffice.find((session) => session.current)!.id,
    );
    expect(fromOffice[0]).toMatchObject({ ip: '127.0.0.1' });
    expect(await sessionsOf(dealer)).toHaveLength(1);
  });
});

describe('DELETE /auth/sessions/{id}', () => {
  it("ends another of one's sessions at once, and refuses a session of someone else as missing", async () => {
    const dealerSession = (await sessionsOf(dealer))[0]!;
    expect((await office.delete(`/api/v1/auth/sessions/${dealerSession.id}`)).statusCode).toBe(404);
    expect((await office.delete('/api/v1/auth/sessions/no-such-session')).statusCode).toBe(404);
    expect((await dealer.get('/api/v1/auth/me')).statusCode).toBe(200);

    const laptopSession = (await sessionsOf(laptop)).find((session) => session.current)!;
    expect((await office.delete(`/api/v1/auth/sessions/${laptopSession.id}`)).statusCode).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await sessionsOf(office)).map((session) => session.id)).not.toContain(laptopSession.id);
  });
});

describe('idle sessions', () => {
  it('end after the idle minutes without a request; a request within them keeps the session', async () => {
    const client = await signIn(context.app, 'sessions-operator', SUPER_ADMIN_PASSWORD);
    const { db } = context.database;
    // The session's stored id is the hash of the cookie's token.
    const token = decodeURIComponent(client.cookie!.split('=')[1]!.split(';')[0]!);
    const age = async (minutes: number) => {
      const aged = await sql`update sessions set last_seen_at = now() - make_interval(mins => ${minutes}::int)
                              where id = ${sessionIdOf(token)}`.execute(db);
      expect(Number(aged.numAffectedRows)).toBe(1);
    };
    await age(59);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const touched = (await sessionsOf(client)).find((session) => session.current)!;
    expect(Date.now() - new Date(touched.lastUsedAt).getTime()).toBeLessThan(60_000);
    await age(61);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
