import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createPortalUser,
  createSuperAdmin,
  PORTAL_PASSWORD,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';

/*
 * Behind a reverse proxy every client has the proxy's address (security review, finding 3): the
 * address of X-Forwarded-For is taken from the configured proxies only, never from anyone else.
 */
async function historyIps(context: TestContext, root: TestClient, userId: number) {
  const history = expectStatus<{ items: { ip: string }[] }>(
    await root.get(`/api/v1/users/${userId}/login-history`),
    200,
  );
  return history.items.map((item) => item.ip);
}

async function signInThrough(
  context: TestContext,
  login: string,
  remoteAddress: string,
  forwardedFor: string,
) {
  const response = await context.app.inject({
    method: 'POST',
    url: '/api/v1/portal/login',
    payload: { login, password: PORTAL_PASSWORD },
    headers: { 'x-forwarded-for': forwardedFor },
    remoteAddress,
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function worldOf(context: TestContext) {
  const root = await createSuperAdmin(context.app, context.database.db);
  const partner = await createPartner(root);
  const contract = await createContract(root, partner.id);
  const user = await createPortalUser(root, contract.id);
  return { root, user: { id: user.id, login: String(user.login) } };
}

describe('with the proxies configured by their network', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp({ trustProxy: ['10.0.0.0/8'] });
  });
  afterAll(() => context.close());

  it("records the client's forwarded address through a trusted proxy, and the peer's otherwise", async () => {
    const { root, user } = await worldOf(context);
    await signInThrough(context, user.login, '10.1.2.3', '203.0.113.9');
    await signInThrough(context, user.login, '198.51.100.7', '203.0.113.10');
    expect(await historyIps(context, root, user.id)).toEqual(['198.51.100.7', '203.0.113.9']);
  });
});

describe('with a number of proxies', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp({ trustProxy: 1 });
  });
  afterAll(() => context.close());

  it('takes the address one hop before the proxy', async () => {
    const { root, user } = await worldOf(context);
    await signInThrough(context, user.login, '10.1.2.3', '192.0.2.50, 203.0.113.11');
    expect(await historyIps(context, root, user.id)).toEqual(['203.0.113.11']);
  });
});

describe('without proxies (the default)', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  it('ignores X-Forwarded-For: anyone could write it', async () => {
    const { root, user } = await worldOf(context);
    await signInThrough(context, user.login, '10.1.2.3', '203.0.113.12');
    expect(await historyIps(context, root, user.id)).toEqual(['10.1.2.3']);
  });
});
