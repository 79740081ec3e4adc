import { describe, expect, it } from 'vitest';
import { anonymous, expectStatus } from '../../../test/client.js';
import {
  createContract,
  createPartner,
  createPortalUser,
  PORTAL_PASSWORD,
  type PartnerResponseBody,
  type ContractResponseBody,
} from '../../../test/builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';

const { context, root } = useTestAppAsRoot();

const portalLogin = (login: string, password = PORTAL_PASSWORD, remoteAddress = '127.0.0.1') =>
  context.app.inject({
    method: 'POST',
    url: '/api/v1/portal/login',
    payload: { login, password },
    remoteAddress,
  });

/** A user of a contract of a partner under a grandparent and a parent: the chain the blocks walk. */
async function portalWorld() {
  const grandparent = await createPartner(root);
  const parent = await createPartner(root, { parentId: grandparent.id });
  const partner = await createPartner(root, { parentId: parent.id });
  const contract = await createContract(root, partner.id);
  const user = await createPortalUser(root, contract.id, { type: 'administrator' });
  return { grandparent, parent, partner, contract, user, login: String(user.login) };
}

async function setPartner(partner: PartnerResponseBody, fields: Record<string, unknown>) {
  const current = expectStatus<{ version: number }>(await root.get(`/api/v1/partners/${partner.id}`), 200);
  expectStatus(
    await root.patch(`/api/v1/partners/${partner.id}`, { version: current.version, ...fields }),
    200,
  );
}

async function setContract(
  contract: ContractResponseBody,
  fields: { active?: boolean; blocked?: boolean; archived_at?: Date | null },
) {
  await context.database.db.updateTable('contracts').set(fields).where('id', '=', contract.id).execute();
}

const codeOf = async (login: string, password?: string) => {
  const response = await portalLogin(login, password);
  return `${response.statusCode} ${response.json<{ code?: string }>().code ?? 'ok'}`;
};

describe('portal login', () => {
  it('answers 200 with the user, its contract and partner, and no secrets; opens no session', async () => {
    const world = await portalWorld();
    const response = await portalLogin(world.login.toUpperCase());
    expect(expectStatus(response, 200)).toEqual({
      user: { id: world.user.id, login: world.login, name: 'Portal User', type: 'administrator' },
      contract: { id: world.contract.id, name: world.contract.name },
      partner: { id: world.partner.id, name: world.partner.name },
    });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).not.toMatch(/password|hash/i);
  });

  it('needs no CSRF token even from a browser with an admin-panel session', async () => {
    const world = await portalWorld();
    const response = await root.request(
      'POST',
      '/api/v1/portal/login',
      { login: world.login, password: PORTAL_PASSWORD },
      { 'x-csrf-token': '' },
    );
    expect(response.statusCode).toBe(200);
  });

  it('answers a wrong password, an unknown and an archived login with the same 401', async () => {
    const world = await portalWorld();
    const archived = await createPortalUser(root, world.contract.id);
    expectStatus(await root.delete(`/api/v1/users/${archived.id}`), 200);
    const strip = (body: string) => ({ ...JSON.parse(body), requestId: undefined }) as unknown;
    const wrong = await portalLogin(world.login, 'Not-the-password-1');
    const unknown = await portalLogin('nobody-at-all', PORTAL_PASSWORD);
    const gone = await portalLogin(String(archived.login), PORTAL_PASSWORD);
    for (const response of [wrong, unknown, gone]) {
      expect(response.statusCode).toBe(401);
      expect(strip(response.body)).toEqual(strip(wrong.body));
    }
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', title: 'Wrong login or password' });
  });

  it('refuses with each blocking code in order, only to whoever knows the password', async () => {
    const world = await portalWorld();
    expectStatus(await root.post(`/api/v1/users/${world.user.id}/block`), 200);
    await setContract(world.contract, { active: false, blocked: true });
    await setPartner(world.partner, { usersBlocked: true });
    expect(await codeOf(world.login, 'Not-the-password-1')).toBe('401 invalid_credentials');
    expect(await codeOf(world.login)).toBe('403 user_blocked');
    expectStatus(await root.post(`/api/v1/users/${world.user.id}/unblock`), 200);
    expect(await codeOf(world.login)).toBe('403 contract_inactive');
    await setContract(world.contract, { active: true });
    expect(await codeOf(world.login)).toBe('403 contract_blocked');
    await setContract(world.contract, { blocked: false });
    expect(await codeOf(world.login)).toBe('403 partner_users_blocked');
    await setPartner(world.partner, { usersBlocked: false });
    expect(await codeOf(world.login)).toBe('200 ok');
  });

  it('refuses the users of an archived contract as contract_inactive', async () => {
    const world = await portalWorld();
    await setContract(world.contract, { archived_at: new Date() });
    expect(await codeOf(world.login)).toBe('403 contract_inactive');
    await setContract(world.contract, { archived_at: null });
    expect(await codeOf(world.login)).toBe('200 ok');
  });

  it.each([
    ['users_blocked on the grandparent', 'grandparent', { usersBlocked: true }, { usersBlocked: false }],
    ['users_blocked on the parent', 'parent', { usersBlocked: true }, { usersBlocked: false }],
    ['the partner blocked', 'partner', { blocked: true }, { blocked: false }],
    ['the grandparent blocked', 'grandparent', { blocked: true }, { blocked: false }],
  ] as const)(
    'refuses with partner_users_blocked for %s, and unblocking restores the login',
    async (_, who, block, unblock) => {
      const world = await portalWorld();
      await setPartner(world[who], block);
      expect(await codeOf(world.login)).toBe('403 partner_users_blocked');
      const ru = await context.app.inject({
        method: 'POST',
        url: '/api/v1/portal/login',
        headers: { 'accept-language': 'ru' },
        payload: { login: world.login, password: PORTAL_PASSWORD },
      });
      expect(ru.json()).toMatchObject({
        title: 'Партнёр этого договора запретил вход пользователям своих договоров',
      });
      await setPartner(world[who], unblock);
      expect(await codeOf(world.login)).toBe('200 ok');
    },
  );

  it('refuses the users of an archived partner', async () => {
    const world = await portalWorld();
    await context.database.db
      .updateTable('partners')
      .set({ archived_at: new Date() })
      .where('id', '=', world.partner.id)
      .execute();
    expect(await codeOf(world.login)).toBe('403 partner_users_blocked');
  });

  it('reports missing fields as 400 and records nothing for them', async () => {
    const response = await anonymous(context.app).post('/api/v1/portal/login', { login: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ field: 'password', code: 'required' }] });
  });
});

describe('login history', () => {
  it('records every attempt with time, address and result, newest first, and exports it as csv', async () => {
    const world = await portalWorld();
    await portalLogin(world.login, 'Not-the-password-1', '10.0.0.1');
    await portalLogin(world.login, PORTAL_PASSWORD, '10.0.0.2');
    expectStatus(await root.post(`/api/v1/users/${world.user.id}/block`), 200);
    await portalLogin(world.login, PORTAL_PASSWORD, '10.0.0.3');

    const history = expectStatus<{ items: { at: string; ip: string; result: string }[]; total: number }>(
      await root.get(`/api/v1/users/${world.user.id}/login-history`),
      200,
    );
    expect(history.total).toBe(3);
    expect(history.items.map(({ ip, result }) => ({ ip, result }))).toEqual([
      { ip: '10.0.0.3', result: 'user_blocked' },
      { ip: '10.0.0.2', result: 'success' },
      { ip: '10.0.0.1', result: 'invalid_credentials' },
    ]);
    expect(Date.parse(history.items[0]!.at)).toBeGreaterThanOrEqual(Date.parse(history.items[2]!.at));

    const page = expectStatus<{ items: { ip: string }[]; total: number }>(
      await root.get(`/api/v1/users/${world.user.id}/login-history?page=2&pageSize=2`),
      200,
    );
    expect(page).toEqual({ items: [expect.objectContaining({ ip: '10.0.0.1' })], total: 3 });

    const csv = await root.get(`/api/v1/users/${world.user.id}/login-history?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="user-${world.user.id}-logins-${today()}.csv"`,
    );
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    // Times in UTC as a spreadsheet reads them; results in words, as the Login history tab shows them.
    const time = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 19)}`;
    expect(lines).toEqual([
      'Time (UTC),IP address,Result,Logged in by (Log in as)',
      `${time(history.items[0]!.at)},10.0.0.3,Refused: the user is blocked,`,
      `${time(history.items[1]!.at)},10.0.0.2,Success,`,
      `${time(history.items[2]!.at)},10.0.0.1,Wrong login or password,`,
    ]);
    const ru = await root.inLocale('ru').get(`/api/v1/users/${world.user.id}/login-history?format=csv`);
    expect(
      ru.body
        .replace(/^\uFEFF/, '')
        .split('\n')
        .slice(0, 2),
    ).toEqual([
      'Время (UTC);IP-адрес;Результат;Вошёл от имени пользователя',
      `${time(history.items[0]!.at).replace(/^(\d{4})-(\d{2})-(\d{2})/, '$3.$2.$1')};10.0.0.3;Отказ: пользователь заблокирован;`,
    ]);
  });

  it('keeps attempts on unknown logins out of every user history', async () => {
    const world = await portalWorld();
    await portalLogin(`${world.login}-not`, PORTAL_PASSWORD, '10.0.0.9');
    const history = expectStatus<{ total: number }>(
      await root.get(`/api/v1/users/${world.user.id}/login-history`),
      200,
    );
    expect(history.total).toBe(0);
    const row = await context.database.db
      .selectFrom('portal_login_attempts')
      .where('ip', '=', '10.0.0.9')
      .select(['user_id', 'result'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ user_id: null, result: 'invalid_credentials' });
  });
});
