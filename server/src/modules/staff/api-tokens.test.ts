import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createPortalUser,
  PORTAL_PASSWORD,
  signInAsPartner,
  unique,
  type CreatedPartner,
} from '../../../test/builders.js';
import { bearer, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { createApiToken, signInAsNewStaff } from '../../../test/staff-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot();
let dealer: CreatedPartner;
let dealerAdmin: TestClient;

beforeAll(async () => {
  dealer = await createPartner(root, { name: unique('Dealer ') });
  dealerAdmin = await signInAsPartner(context.app, dealer);
});

describe('API tokens', () => {
  it('are shown once, kept as a hash, and work as Bearer without a cookie or CSRF header', async () => {
    const made = await createApiToken(dealerAdmin, ['contracts:write']);
    expect(made.token).toMatch(/^fdt_[\w-]{43}$/);
    const stored = await sql<{
      token_hash: string;
    }>`select token_hash from api_tokens where id = ${made.id}`.execute(context.database.db);
    expect(stored.rows[0]!.token_hash).toBe(createHash('sha256').update(made.token).digest('hex'));
    const listed = expectStatus<{ items: Record<string, unknown>[] }>(
      await dealerAdmin.get('/api/v1/api-tokens'),
      200,
    );
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(listed.items.find((item) => item.id === made.id)).toMatchObject({
      rights: ['contracts:read', 'contracts:write'],
      prefix: made.token.slice(0, 10),
    });

    const machine = bearer(context.app, made.token);
    const me = expectStatus<{ user: { login: string; rights: string[] }; csrfToken: null }>(
      await machine.get('/api/v1/auth/me'),
      200,
    );
    expect(me).toMatchObject({
      user: { login: dealer.login, rights: ['contracts:read', 'contracts:write'] },
      csrfToken: null,
    });
    const created = await machine.post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: unique('By machine '),
      currency: 'RUB',
      accountType: 'prepayment',
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('act within their rights and their owner’s subtree only', async () => {
    const { token } = await createApiToken(dealerAdmin, ['contracts:read']);
    const machine = bearer(context.app, token);
    expect((await machine.get('/api/v1/contracts')).statusCode).toBe(200);
    const write = await machine.post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: 'x',
      currency: 'RUB',
      accountType: 'prepayment',
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: 'right_missing', right: 'contracts:write' });
    const foreign = await createPartner(root, { name: unique('Foreign ') });
    const foreignContract = await createContract(root, foreign.id);
    expect((await machine.get(`/api/v1/contracts/${foreignContract.id}`)).statusCode).toBe(404);
  });

  it('hold no right their owner does not hold, and lose one their owner loses', async () => {
    const { staff, client } = await signInAsNewStaff(context.app, dealerAdmin, dealer.id, [
      'contracts:read',
      'staff:read',
    ]);
    const refused = await client.post('/api/v1/api-tokens', { name: 'Too much', rights: ['finance:read'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'right_missing', right: 'finance:read' });
    const { token } = await createApiToken(client, ['contracts:read', 'staff:read']);
    const machine = bearer(context.app, token);
    expect((await machine.get('/api/v1/staff')).statusCode).toBe(200);
    expectStatus(
      await dealerAdmin.patch(`/api/v1/staff/${staff.id}`, {
        version: staff.version,
        rights: ['contracts:read'],
      }),
      200,
    );
    expect((await machine.get('/api/v1/staff')).json()).toMatchObject({ status: 403, right: 'staff:read' });
    expect((await machine.get('/api/v1/contracts')).statusCode).toBe(200);
  });

  it('stop working when revoked, expired, or when their owner or its partner is blocked', async () => {
    const revoked = await createApiToken(dealerAdmin, ['contracts:read']);
    expect((await dealerAdmin.delete(`/api/v1/api-tokens/${revoked.id}`)).statusCode).toBe(204);
    expect((await bearer(context.app, revoked.token).get('/api/v1/contracts')).statusCode).toBe(401);
    expect((await dealerAdmin.delete(`/api/v1/api-tokens/${revoked.id}`)).statusCode).toBe(404);

    const expiring = await createApiToken(dealerAdmin, ['contracts:read'], {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await bearer(context.app, expiring.token).get('/api/v1/contracts')).statusCode).toBe(200);
    await sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${expiring.id}`.execute(
      context.database.db,
    );
    expect((await bearer(context.app, expiring.token).get('/api/v1/contracts')).statusCode).toBe(401);

    const past = await dealerAdmin.post('/api/v1/api-tokens', {
      name: 'Past',
      rights: [],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(fieldCodes(past)).toEqual(['expiresAt:expires_in_past']);

    const other = await createPartner(root, { name: unique('Blocked later ') });
    const otherAdmin = await signInAsPartner(context.app, other);
    const { token } = await createApiToken(otherAdmin, ['contracts:read']);
    expect((await bearer(context.app, token).get('/api/v1/contracts')).statusCode).toBe(200);
    const version = expectStatus<{ version: number }>(
      await root.get(`/api/v1/partners/${other.id}`),
      200,
    ).version;
    expectStatus(await root.patch(`/api/v1/partners/${other.id}`, { version, blocked: true }), 200);
    expect((await bearer(context.app, token).get('/api/v1/contracts')).statusCode).toBe(401);
  });

  it('a token that is no token is 401, even on a public route', async () => {
    const response = await bearer(context.app, 'fdt_not-a-token').get('/api/v1/auth/me');
    expect(response.statusCode).toBe(401);
    expect((await bearer(context.app, 'fdt_not-a-token').get('/api/v1/health')).statusCode).toBe(401);
  });
});

describe("the portal login's clientIp (security review, finding 2)", () => {
  let login: string;
  beforeAll(async () => {
    const contract = await createContract(root, dealer.id);
    login = String((await createPortalUser(root, contract.id)).login);
  });

  const portalLogin = (client: TestClient, clientIp: string) =>
    client.request('POST', '/api/v1/portal/login', { login, password: PORTAL_PASSWORD, clientIp });

  it('is refused from anyone without the portal:login right, naming the right', async () => {
    const anonymousCall = await context.app.inject({
      method: 'POST',
      url: '/api/v1/portal/login',
      payload: { login, password: PORTAL_PASSWORD, clientIp: '203.0.113.9' },
    });
    expect(anonymousCall.statusCode).toBe(401);
    const { token } = await createApiToken(dealerAdmin, ['users:write']);
    const partnerMachine = await portalLogin(bearer(context.app, token), '203.0.113.9');
    expect(partnerMachine.json()).toMatchObject({
      status: 403,
      code: 'right_missing',
      right: 'portal:login',
    });
    // A partner's administrator cannot make a token with it: only the platform holds it.
    const refused = await dealerAdmin.post('/api/v1/api-tokens', {
      name: 'Portal',
      rights: ['portal:login'],
    });
    expect(refused.json()).toMatchObject({ status: 403, right: 'portal:login' });
  });

  it("is the address the attempt is recorded and limited under, from the platform's portal token", async () => {
    const { token } = await createApiToken(root, ['portal:login']);
    const response = await portalLogin(bearer(context.app, token), '203.0.113.10');
    expect(response.statusCode, response.body).toBe(200);
    const rows = await sql<{
      ip: string;
    }>`select ip from portal_login_attempts where login = ${login} order by id desc limit 1`.execute(
      context.database.db,
    );
    expect(rows.rows[0]!.ip).toBe('203.0.113.10');
  });
});
