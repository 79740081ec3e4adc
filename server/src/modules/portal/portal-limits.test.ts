import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, type TestClient } from '../../../test/client.js';
import {
  createContract,
  createPartner,
  createPortalUser,
  createSuperAdmin,
  PORTAL_PASSWORD,
} from '../../../test/builders.js';
import { createApiToken } from '../../../test/staff-builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';

/* One app for the file with small limits: each test uses its own logins and addresses. */
let context: TestContext;
let rootClient: TestClient;
let contractId: number;
/** The platform's portal: its token holds portal:login, so the addresses it sends are taken. */
let portalAuthorization: { authorization: string };

beforeAll(async () => {
  context = await createTestApp({
    loginLimits: { failuresPerLogin: 3, attemptsPerAddress: 6, windowSeconds: 600 },
  });
  rootClient = await createSuperAdmin(context.app, context.database.db);
  const partner = await createPartner(rootClient);
  contractId = (await createContract(rootClient, partner.id)).id;
  portalAuthorization = {
    authorization: `Bearer ${(await createApiToken(rootClient, ['portal:login'])).token}`,
  };
});
afterAll(() => context.close());

const portalLogin = (login: string, password: string, remoteAddress: string) =>
  context.app.inject({
    method: 'POST',
    url: '/api/v1/portal/login',
    payload: { login, password },
    remoteAddress,
  });

describe('portal login rate limiting', () => {
  it("counts the end users' addresses the portal sends, not the portal server's own", async () => {
    const users = [];
    for (let index = 0; index < 8; index++) users.push(await createPortalUser(rootClient, contractId));
    // Eight users through one portal server (more than the 6 attempts an address may make).
    for (const [index, user] of users.entries()) {
      const response = await context.app.inject({
        method: 'POST',
        url: '/api/v1/portal/login',
        payload: { login: user.login, password: PORTAL_PASSWORD, clientIp: `203.0.113.${index + 1}` },
        remoteAddress: '10.9.9.9',
        headers: portalAuthorization,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const history = expectStatus<{ items: { ip: string; result: string }[] }>(
      await rootClient.get(`/api/v1/users/${users[2]!.id}/login-history`),
      200,
    );
    expect(history.items).toEqual([expect.objectContaining({ ip: '203.0.113.3', result: 'success' })]);
    const wrong = await context.app.inject({
      method: 'POST',
      url: '/api/v1/portal/login',
      payload: { login: users[0]!.login, password: PORTAL_PASSWORD, clientIp: 'not an address' },
      headers: portalAuthorization,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'clientIp' })] });
  });

  it('limits failed attempts per login from one address with 429 and Retry-After, never from another', async () => {
    const user = await createPortalUser(rootClient, contractId);
    const login = String(user.login);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await portalLogin(login, 'guess-guess', '10.1.0.1')).statusCode).toBe(401);
    }
    const limited = await portalLogin(login.toUpperCase(), PORTAL_PASSWORD, '10.1.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);

    // The guesser's failures never stop the user from its own address (security review, finding 1).
    expect((await portalLogin(login, PORTAL_PASSWORD, '10.1.0.9')).statusCode).toBe(200);

    const history = expectStatus<{ items: { result: string }[] }>(
      await rootClient.get(`/api/v1/users/${user.id}/login-history`),
      200,
    );
    expect(history.items.map((item) => item.result)).toEqual([
      'success',
      'rate_limited',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
    ]);
  });

  it('does not count successful or refused-but-right attempts against the login', async () => {
    const user = await createPortalUser(rootClient, contractId);
    expectStatus(await rootClient.post(`/api/v1/users/${user.id}/block`), 200);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await portalLogin(String(user.login), PORTAL_PASSWORD, `10.2.0.${attempt}`)).statusCode).toBe(
        403,
      );
    }
  });

  it('holds the limit when the attempts arrive all at once', async () => {
    const user = await createPortalUser(rootClient, contractId);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => portalLogin(String(user.login), 'guess-guess', '10.3.0.1')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });

  it('limits attempts of any outcome per address', async () => {
    const user = await createPortalUser(rootClient, contractId);
    for (let attempt = 0; attempt < 6; attempt++) {
      const login = attempt === 0 ? String(user.login) : `stranger${attempt}`;
      const password = attempt === 0 ? PORTAL_PASSWORD : 'x';
      expect((await portalLogin(login, password, '10.4.0.1')).statusCode).toBe(attempt === 0 ? 200 : 401);
    }
    const seventh = await portalLogin(String(user.login), PORTAL_PASSWORD, '10.4.0.1');
    expect(seventh.statusCode).toBe(429);
    expect(Number(seventh.headers['retry-after'])).toBeGreaterThan(0);
    expect((await portalLogin(String(user.login), PORTAL_PASSWORD, '10.4.0.2')).statusCode).toBe(200);
  });
});
