import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContract, createPartner, createPortalUser, signInAsPartner } from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { createApiToken } from '../../../test/staff-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

/*
 * "Log in as" (the seed's Master entry): an admin of the user's subtree gets a single-use token valid
 * for 60 seconds; the monitoring portal presents it instead of a login and password; the answer, the
 * login history and the History name the admin who entered.
 */
const { context, root } = useTestAppAsRoot();
let dealer: TestClient;
let userId: number;
let userLogin: string;
let foreignUserId: number;
/** The platform's portal token: it may send its users' addresses (portal:login). */
let portalToken: string;

beforeAll(async () => {
  const partner = await createPartner(root);
  const contract = await createContract(root, partner.id);
  const user = await createPortalUser(root, contract.id);
  userId = user.id;
  userLogin = String(user.login);
  const other = await createPartner(root);
  foreignUserId = (await createPortalUser(root, (await createContract(root, other.id)).id)).id;
  dealer = await signInAsPartner(context.app, partner);
  portalToken = (await createApiToken(root, ['portal:login'])).token;
});

const issue = async (client: TestClient, id: number) =>
  expectStatus<{ token: string; expiresAt: string; portalUrl: string | null }>(
    await client.post(`/api/v1/users/${id}/master-login`),
    201,
  );

const enter = (body: Record<string, unknown>) =>
  context.app.inject({
    method: 'POST',
    url: '/api/v1/portal/login',
    payload: { clientIp: '203.0.113.20', ...body },
    headers: { 'accept-language': 'en', authorization: `Bearer ${portalToken}` },
  });

describe('POST /users/{id}/master-login and the portal', () => {
  it('lets the portal in as the user once, naming the admin, within 60 seconds', async () => {
    const { token, expiresAt, portalUrl } = await issue(dealer, userId);
    expect(portalUrl).toBeNull();
    const lifetime = new Date(expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(50_000);
    expect(lifetime).toBeLessThanOrEqual(60_000);
    const entered = await enter({ masterToken: token });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json()).toMatchObject({
      user: { id: userId, login: userLogin },
      master: { login: expect.any(String) },
    });

    const again = await enter({ masterToken: token });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'master_token_invalid' });

    const history = expectStatus<{
      items: { ip: string; result: string; master: { login: string } | null }[];
    }>(await root.get(`/api/v1/users/${userId}/login-history`), 200);
    expect(history.items[0]).toMatchObject({
      ip: '203.0.113.20',
      result: 'success',
      master: { login: entered.json<{ master: { login: string } }>().master.login },
    });
    const events = expectStatus<{ items: { action: string }[] }>(
      await root.get(`/api/v1/users/${userId}/history`),
      200,
    );
    expect(events.items[0]!.action).toBe('master_login_issued');
  });

  it('refuses a token past its 60 seconds, and one never issued', async () => {
    const { token } = await issue(dealer, userId);
    await sql`update portal_master_tokens set expires_at = now() - interval '1 second' where used_at is null`.execute(
      context.database.db,
    );
    expect((await enter({ masterToken: token })).statusCode).toBe(401);
    expect((await enter({ masterToken: 'no-such-token' })).json()).toMatchObject({
      code: 'master_token_invalid',
    });
  });

  it("applies the user's blocks as to the user itself", async () => {
    expectStatus(await root.post(`/api/v1/users/${userId}/block`), 200);
    const { token } = await issue(root, userId);
    const refused = await enter({ masterToken: token });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'user_blocked' });
    expectStatus(await root.post(`/api/v1/users/${userId}/unblock`), 200);
  });

  it('is not issued for a user outside the subtree', async () => {
    expect((await dealer.post(`/api/v1/users/${foreignUserId}/master-login`)).statusCode).toBe(404);
  });

  it('takes a token or a login and password, not both', async () => {
    const both = await enter({ masterToken: 'x', login: userLogin, password: 'whatever-password' });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({
      errors: [
        {
          field: 'masterToken',
          code: 'master_token_with_password',
          message: 'Send either Log in as token or a login and password, not both',
        },
      ],
    });
    const neither = await enter({});
    expect(neither.statusCode).toBe(400);
    expect(
      neither
        .json<{ errors: { field: string; code: string }[] }>()
        .errors.map((error) => `${error.field}:${error.code}`),
    ).toEqual(['login:required', 'password:required']);
  });
});

describe("the portal's address in the master-login answer (portalUrl)", () => {
  const setPortalUrl = async (partnerId: number, value: string) =>
    expectStatus(
      await root.request('PUT', `/api/v1/partners/${partnerId}/settings/portal_url`, { value }),
      201,
    );
  const userOf = async (partnerId: number) =>
    (await createPortalUser(root, (await createContract(root, partnerId)).id)).id;

  it("is the Portal URL in force: the partner's own, else the nearest ancestor's, with the token", async () => {
    const parent = await createPartner(root);
    const child = await createPartner(root, { parentId: parent.id });
    const grandchild = await createPartner(root, { parentId: child.id });
    const childUser = await userOf(child.id);
    const grandchildUser = await userOf(grandchild.id);

    expect((await issue(root, grandchildUser)).portalUrl).toBeNull();

    await setPortalUrl(parent.id, 'https://portal.example.com/enter?lang=ru');
    const inherited = await issue(root, grandchildUser);
    expect(inherited.portalUrl).toBe(
      `https://portal.example.com/enter?lang=ru&masterToken=${encodeURIComponent(inherited.token)}`,
    );

    await setPortalUrl(child.id, 'https://track.dealer.example');
    const nearer = await issue(root, grandchildUser);
    expect(nearer.portalUrl).toBe(
      `https://track.dealer.example/?masterToken=${encodeURIComponent(nearer.token)}`,
    );
    const own = await issue(root, childUser);
    expect(own.portalUrl).toBe(`https://track.dealer.example/?masterToken=${encodeURIComponent(own.token)}`);

    await setPortalUrl(grandchild.id, 'https://own.example.org/portal');
    const ownWins = await issue(root, grandchildUser);
    expect(ownWins.portalUrl).toBe(
      `https://own.example.org/portal?masterToken=${encodeURIComponent(ownWins.token)}`,
    );
    // The token in the address is the one the portal accepts.
    const entered = await enter({ masterToken: new URL(ownWins.portalUrl!).searchParams.get('masterToken') });
    expect(entered.statusCode, entered.body).toBe(200);
  });
});
