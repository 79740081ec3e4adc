import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  createContract,
  createPartner,
  createPortalUser,
  PORTAL_PASSWORD,
  signInAsPartner,
  unique,
  type UserResponseBody,
  type CreatedPartner,
  type ContractResponseBody,
} from '../../../test/builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot();
let dealer: CreatedPartner;
let dealerSession: TestClient;
let foreign: CreatedPartner;
let dealerContract: ContractResponseBody;
let foreignContract: ContractResponseBody;

beforeAll(async () => {
  dealer = await createPartner(root, { userPasswordPolicy: 'simple' });
  foreign = await createPartner(root);
  dealerSession = await signInAsPartner(context.app, dealer);
  dealerContract = await createContract(root, dealer.id);
  foreignContract = await createContract(root, foreign.id);
});

const newUser = (contractId: number, overrides: Record<string, unknown> = {}) => ({
  contractId,
  login: unique('user'),
  name: 'Anna Smirnova',
  password: PORTAL_PASSWORD,
  type: 'user',
  ...overrides,
});

describe('creating a portal user', () => {
  it('answers 201 with the user, its contract, partner and policy, and never a password', async () => {
    const response = await dealerSession.post(
      '/api/v1/users',
      newUser(dealerContract.id, {
        phone: '+7 701 123 45 67',
        email: ' anna@example.com ',
        type: 'administrator',
      }),
    );
    const user = expectStatus<UserResponseBody>(response, 201);
    expect(user).toEqual({
      id: expect.any(Number),
      contractId: dealerContract.id,
      contract: { id: dealerContract.id, name: dealerContract.name },
      partnerId: dealer.id,
      partner: { id: dealer.id, name: dealer.name },
      login: expect.stringMatching(/^user/),
      name: 'Anna Smirnova',
      phone: '+77011234567',
      email: 'anna@example.com',
      type: 'administrator',
      blocked: false,
      blockedBy: null,
      passwordPolicy: 'simple',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      archivedAt: null,
    });
    expect(response.body).not.toMatch(/password_hash|argon/);
    expect(response.body).not.toContain(PORTAL_PASSWORD);
  });

  it('reports every invalid field at once, with the section labels', async () => {
    const response = await dealerSession.post(
      '/api/v1/users',
      newUser(dealerContract.id, { login: 'a b', email: 'nope', phone: '12', password: '' }),
    );
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual([
      'login:login_format',
      'email:email_invalid',
      'phone:phone_invalid',
      'password:required',
    ]);
    const messages = response.json<{ errors: { message: string }[] }>().errors.map((error) => error.message);
    expect(messages[2]).toBe('Mobile phone must be a valid phone number, like +7 701 123 45 67');
  });

  it('refuses a contract outside the subtree as not found on the field', async () => {
    const response = await dealerSession.post('/api/v1/users', newUser(foreignContract.id));
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual(['contractId:contract_not_found']);
    const ru = await dealerSession.inLocale('ru').post('/api/v1/users', newUser(foreignContract.id));
    expect(ru.json<{ errors: { message: string }[] }>().errors[0]!.message).toBe(
      'Поле «Договор»: выберите договор из списка',
    );
  });

  it('refuses a login taken by another portal user, case-insensitively, archived ones included', async () => {
    const login = unique('Taken');
    const first = await createPortalUser(root, dealerContract.id, { login });
    const again = await root.post(
      '/api/v1/users',
      newUser(foreignContract.id, { login: login.toUpperCase() }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'login_taken', title: 'This login is already taken' });
    expect(fieldCodes(again)).toEqual(['login:login_taken']);

    expectStatus(await root.delete(`/api/v1/users/${first.id}`), 200);
    const afterArchive = await root.post(
      '/api/v1/users',
      newUser(dealerContract.id, { login: login.toLowerCase() }),
    );
    expect(afterArchive.statusCode).toBe(409);
  });

  it('refuses an archived contract with 409 contract_archived', async () => {
    const contract = await createContract(root, dealer.id);
    await context.database.db
      .updateTable('contracts')
      .set({ archived_at: new Date() })
      .where('id', '=', contract.id)
      .execute();
    const response = await root.post('/api/v1/users', newUser(contract.id));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'contract_archived' });
  });
});

describe('the password policy in force', () => {
  async function contractWith(
    partnerPolicy: 'simple' | 'complex',
    contractPolicy: 'inherit' | 'simple' | 'complex',
  ) {
    const partner = await createPartner(root, { userPasswordPolicy: partnerPolicy });
    return createContract(root, partner.id, { userPasswordPolicy: contractPolicy });
  }

  it.each([
    ['simple', 'inherit', 'simple'],
    ['complex', 'inherit', 'complex'],
    ['simple', 'complex', 'complex'],
    ['complex', 'simple', 'simple'],
  ] as const)('partner %s, contract %s → %s', async (partnerPolicy, contractPolicy, expected) => {
    const contract = await contractWith(partnerPolicy, contractPolicy);
    const policy = expectStatus(
      await root.get(`/api/v1/users/password-policy?contractId=${contract.id}`),
      200,
    );
    expect(policy).toEqual({
      policy: expected,
      minLength: expected === 'simple' ? 8 : 12,
      maxLength: 128,
      showUserPassword: false,
    });
    const shortOne = await root.post('/api/v1/users', newUser(contract.id, { password: 'Summer2024!' }));
    if (expected === 'simple') {
      expect(expectStatus<UserResponseBody>(shortOne, 201).passwordPolicy).toBe('simple');
    } else {
      expect(fieldCodes(shortOne)).toEqual(['password:password_too_short']);
      expect(shortOne.json<{ errors: { message: string }[] }>().errors[0]!.message).toBe(
        'Password must be at least 12 characters long',
      );
    }
  });

  it('names the failing rule of the complex policy', async () => {
    const contract = await contractWith('simple', 'complex');
    const refused = async (overrides: Record<string, unknown>) =>
      fieldCodes(await root.post('/api/v1/users', newUser(contract.id, overrides)));
    expect(await refused({ password: 'qwertyuiopasdf' })).toEqual(['password:password_weak']);
    expect(await refused({ password: 'qwerty123456' })).toEqual(['password:password_common']);
    const login = unique('ivanov');
    expect(await refused({ login, password: `${login}-Lantern-Sky` })).toEqual([
      'password:password_contains_login',
    ]);
    expect(await refused({ name: 'Olga Petrovsky', password: 'Petrovsky-meadow-31' })).toEqual([
      'password:password_contains_name',
    ]);
    expect(await refused({ password: 'x'.repeat(129) })).toEqual(['password:password_too_long']);
  });

  it('applies the policy to updates, also for the owner-dependent rules', async () => {
    const contract = await contractWith('complex', 'inherit');
    const user = await createPortalUser(root, contract.id, { login: unique('petrov') });
    const weak = await root.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      password: 'qwertyuiopasdf',
    });
    expect(fieldCodes(weak)).toEqual(['password:password_weak']);
    const withLogin = await root.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      password: `${String(user.login)}-Lantern-Sky`,
    });
    expect(fieldCodes(withLogin)).toEqual(['password:password_contains_login']);
  });

  it('answers 404 for the policy of a foreign contract', async () => {
    expect(
      (await dealerSession.get(`/api/v1/users/password-policy?contractId=${foreignContract.id}`)).statusCode,
    ).toBe(404);
  });

  it('suggests a password the policy accepts', async () => {
    const contract = await contractWith('simple', 'complex');
    const { password } = expectStatus<{ password: string }>(
      await root.post('/api/v1/users/generate-password', { contractId: contract.id, login: 'anna' }),
      200,
    );
    expect(password).toHaveLength(16);
    expectStatus(await root.post('/api/v1/users', newUser(contract.id, { password })), 201);
  });
});

describe('changing a portal user', () => {
  it('saves changes with the version, refuses a stale one, and an unchanged save changes nothing', async () => {
    const user = await createPortalUser(root, dealerContract.id);
    const renamed = expectStatus<UserResponseBody>(
      await root.patch(`/api/v1/users/${user.id}`, {
        version: user.version,
        name: 'Boris',
        type: 'administrator',
      }),
      200,
    );
    expect(renamed).toMatchObject({ name: 'Boris', type: 'administrator', version: 2 });
    const stale = await root.patch(`/api/v1/users/${user.id}`, { version: user.version, name: 'Late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });

    const same = expectStatus<UserResponseBody>(
      await root.patch(`/api/v1/users/${user.id}`, { version: 2, name: 'Boris', login: renamed.login }),
      200,
    );
    expect(same.version).toBe(2);
    expect(same.updatedAt).toBe(renamed.updatedAt);
    const history = expectStatus<{ items: unknown[] }>(
      await root.get(`/api/v1/users/${user.id}/history`),
      200,
    );
    expect(history.items).toHaveLength(2);
  });

  it('moves a user to another contract of the subtree; its partner follows', async () => {
    const subPartner = await createPartner(dealerSession, { parentId: dealer.id });
    const subContract = await createContract(dealerSession, subPartner.id);
    const user = await createPortalUser(dealerSession, dealerContract.id);
    const moved = expectStatus<UserResponseBody>(
      await dealerSession.patch(`/api/v1/users/${user.id}`, {
        version: user.version,
        contractId: subContract.id,
      }),
      200,
    );
    expect(moved).toMatchObject({ contractId: subContract.id, partnerId: subPartner.id });
    const outside = await dealerSession.patch(`/api/v1/users/${user.id}`, {
      version: moved.version,
      contractId: foreignContract.id,
    });
    expect(fieldCodes(outside)).toEqual(['contractId:contract_not_found']);
  });

  it('refuses a move into an archived contract, but keeps a user whose contract was archived editable', async () => {
    const archivedContract = await createContract(root, dealer.id);
    const staying = await createPortalUser(root, archivedContract.id);
    await context.database.db
      .updateTable('contracts')
      .set({ archived_at: new Date() })
      .where('id', '=', archivedContract.id)
      .execute();
    const user = await createPortalUser(root, dealerContract.id);
    const move = await root.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      contractId: archivedContract.id,
    });
    expect(move.statusCode).toBe(409);
    expect(fieldCodes(move)).toEqual(['contractId:contract_archived']);
    const edit = await root.patch(`/api/v1/users/${staying.id}`, {
      version: staying.version,
      name: 'Still here',
    });
    expect(expectStatus<UserResponseBody>(edit, 200).name).toBe('Still here');
  });

  it('refuses a login of another user on update', async () => {
    const one = await createPortalUser(root, dealerContract.id);
    const two = await createPortalUser(root, dealerContract.id);
    const response = await root.patch(`/api/v1/users/${two.id}`, {
      version: two.version,
      login: String(one.login).toUpperCase(),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'login_taken' });
  });

  it('records a password change without values, and never a hash in the history', async () => {
    const user = await createPortalUser(root, dealerContract.id);
    expectStatus(
      await root.patch(`/api/v1/users/${user.id}`, {
        version: user.version,
        password: 'Another-quiet-lantern-91',
      }),
      200,
    );
    const response = await root.get(`/api/v1/users/${user.id}/history`);
    const history = expectStatus<{ items: { action: string; changes: unknown[] }[] }>(response, 200);
    expect(history.items[0]).toMatchObject({
      action: 'updated',
      changes: [{ field: 'password', oldValue: null, newValue: null }],
    });
    expect(history.items[1]!.action).toBe('created');
    expect(response.body).not.toMatch(/argon|Another-quiet|Quiet-harbour/);
  });
});

describe('block, archive, restore', () => {
  it('blocks and unblocks, each recorded once', async () => {
    const user = await createPortalUser(root, dealerContract.id);
    expect(
      expectStatus<UserResponseBody>(await root.post(`/api/v1/users/${user.id}/block`), 200).blocked,
    ).toBe(true);
    expect(
      expectStatus<UserResponseBody>(await root.post(`/api/v1/users/${user.id}/block`), 200).version,
    ).toBe(2);
    expect(
      expectStatus<UserResponseBody>(await root.post(`/api/v1/users/${user.id}/unblock`), 200).blocked,
    ).toBe(false);
    const history = expectStatus<{ items: { action: string }[] }>(
      await root.get(`/api/v1/users/${user.id}/history`),
      200,
    );
    expect(history.items.map((item) => item.action)).toEqual(['unblocked', 'blocked', 'created']);
  });

  it('archives (hidden unless showDeleted), refuses changes while archived, and restores', async () => {
    const user = await createPortalUser(root, dealerContract.id);
    const archived = expectStatus<UserResponseBody>(await root.delete(`/api/v1/users/${user.id}`), 200);
    expect(archived.archivedAt).not.toBeNull();
    const list = expectStatus<{ items: { id: number }[] }>(
      await root.get(`/api/v1/users?contractId=${dealerContract.id}&pageSize=500`),
      200,
    );
    expect(list.items.map((item) => item.id)).not.toContain(user.id);
    const withDeleted = expectStatus<{ items: { id: number }[] }>(
      await root.get(`/api/v1/users?contractId=${dealerContract.id}&showDeleted=true&pageSize=500`),
      200,
    );
    expect(withDeleted.items.map((item) => item.id)).toContain(user.id);
    const change = await root.patch(`/api/v1/users/${user.id}`, { version: archived.version, name: 'x' });
    expect(change.json()).toMatchObject({ code: 'archived' });
    expect((await root.post(`/api/v1/users/${user.id}/reset-password`)).statusCode).toBe(409);
    expect(
      expectStatus<UserResponseBody>(await root.post(`/api/v1/users/${user.id}/restore`), 200).archivedAt,
    ).toBeNull();
    expect((await root.post(`/api/v1/users/${user.id}/restore`)).json()).toMatchObject({
      code: 'not_archived',
    });
  });
});

describe('reset-password', () => {
  it('returns the generated password only when the partner shows user passwords', async () => {
    const showing = await createPartner(root, { showUserPassword: true, userPasswordPolicy: 'complex' });
    const showingUser = await createPortalUser(root, (await createContract(root, showing.id)).id);
    const shown = expectStatus<{ password: string }>(
      await root.post(`/api/v1/users/${showingUser.id}/reset-password`),
      200,
    );
    expect(shown.password).toMatch(/^[a-zA-Z2-9]{16}$/);
    const portal = await anonymous(context.app).post('/api/v1/portal/login', {
      login: showingUser.login,
      password: shown.password,
    });
    expect(portal.statusCode).toBe(200);

    const hiddenUser = await createPortalUser(root, dealerContract.id);
    const hidden = expectStatus(await root.post(`/api/v1/users/${hiddenUser.id}/reset-password`), 200);
    expect(hidden).toEqual({ password: null });
    const old = await anonymous(context.app).post('/api/v1/portal/login', {
      login: hiddenUser.login,
      password: PORTAL_PASSWORD,
    });
    expect(old.statusCode).toBe(401);
    const history = expectStatus<{ items: { action: string; changes: unknown[] }[] }>(
      await root.get(`/api/v1/users/${showingUser.id}/history`),
      200,
    );
    expect(history.items[0]).toEqual(
      expect.objectContaining({
        action: 'password_reset',
        changes: [{ field: 'password', oldValue: null, newValue: null }],
      }),
    );
  });
});

describe('scoping', () => {
  it('answers 404 for a foreign user on every by-id endpoint, and leaves it out of the list', async () => {
    const user = await createPortalUser(root, foreignContract.id);
    const requests: [string, string, unknown?][] = [
      ['GET', `/api/v1/users/${user.id}`],
      ['PATCH', `/api/v1/users/${user.id}`, { version: user.version, name: 'x' }],
      ['POST', `/api/v1/users/${user.id}/block`],
      ['POST', `/api/v1/users/${user.id}/unblock`],
      ['DELETE', `/api/v1/users/${user.id}`],
      ['POST', `/api/v1/users/${user.id}/restore`],
      ['POST', `/api/v1/users/${user.id}/reset-password`],
      ['GET', `/api/v1/users/${user.id}/history`],
      ['GET', `/api/v1/users/${user.id}/login-history`],
      ['GET', `/api/v1/users/${user.id}/login-history?format=csv`],
    ];
    for (const [method, url, body] of requests) {
      const response = await dealerSession.request(
        method as 'GET',
        url,
        body ?? (method === 'POST' ? {} : undefined),
      );
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = expectStatus<{ items: unknown[]; total: number }>(
      await dealerSession.get(`/api/v1/users?search=${String(user.login)}`),
      200,
    );
    expect(list).toEqual({ items: [], total: 0 });
    expect((await anonymous(context.app).get(`/api/v1/users/${user.id}`)).statusCode).toBe(401);
    expect(expectStatus<UserResponseBody>(await root.get(`/api/v1/users/${user.id}`), 200).partnerId).toBe(
      foreign.id,
    );
  });
});
