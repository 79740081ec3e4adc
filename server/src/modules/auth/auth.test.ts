import { allRights } from './rights.js';
import { describe, expect, it } from 'vitest';
import { anonymous, expectStatus, signIn, TestClient } from '../../../test/client.js';
import {
  createPartner,
  createSuperAdmin,
  PARTNER_PASSWORD,
  signInAsPartner,
} from '../../../test/builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot({ rootLogin: 'operator' });

describe('sign-in', () => {
  it('returns the user and a CSRF token and sets an HttpOnly SameSite cookie', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'OPERATOR', password: 'Operator-passphrase-2026' },
    });
    const body = expectStatus<{ user: Record<string, unknown>; csrfToken: string }>(response, 200);
    expect(body.user).toEqual({
      id: expect.any(Number),
      login: 'operator',
      name: 'Operator',
      role: 'super_admin',
      partnerId: null,
      partnerName: null,
      rights: [...allRights, 'portal:login'],
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain('Secure');
    expect(response.body).not.toContain('password');
  });

  it('answers a wrong password and an unknown login with the same 401', async () => {
    const wrongPassword = await anonymous(context.app).post('/api/v1/auth/login', {
      login: 'operator',
      password: 'nope-nope',
    });
    const unknownLogin = await anonymous(context.app).post('/api/v1/auth/login', {
      login: 'nobody',
      password: 'nope-nope',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownLogin.statusCode).toBe(401);
    const strip = (body: string) => ({ ...JSON.parse(body), requestId: undefined }) as unknown;
    expect(strip(wrongPassword.body)).toEqual(strip(unknownLogin.body));
    expect(wrongPassword.json()).toMatchObject({
      code: 'invalid_credentials',
      title: 'Wrong login or password',
    });
    expect(wrongPassword.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });

  it('reports missing fields by name, in Russian when asked', async () => {
    const response = await anonymous(context.app).inLocale('ru-RU,ru;q=0.9').post('/api/v1/auth/login', {});
    const body = expectStatus<{ errors: unknown[] }>(response, 400);
    expect(body.errors).toEqual([
      { field: 'login', code: 'required', message: 'Поле «Логин» обязательно' },
      { field: 'password', code: 'required', message: 'Поле «Пароль» обязательно' },
    ]);
  });

  it('GET /auth/me answers 401 without a session and the user with one', async () => {
    expect((await anonymous(context.app).get('/api/v1/auth/me')).statusCode).toBe(401);
    const me = expectStatus<{ user: { login: string }; csrfToken: string }>(
      await root.get('/api/v1/auth/me'),
      200,
    );
    expect(me.user.login).toBe('operator');
    expect(me.csrfToken).toBe(root.csrfToken);
  });

  it('refuses an unsafe request that carries the cookie without the CSRF header', async () => {
    const withoutToken = new TestClient(context.app, root.cookie, null);
    const response = await withoutToken.post('/api/v1/tariffs', {
      name: 'x',
      currency: 'RUB',
      period: 'day',
      price: '1',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'csrf' });
    const wrongToken = new TestClient(context.app, root.cookie, 'forged');
    expect((await wrongToken.post('/api/v1/auth/logout')).statusCode).toBe(403);
  });

  it('logs out: the session no longer works', async () => {
    const session = await signIn(context.app, 'operator', 'Operator-passphrase-2026');
    expect((await session.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('blocking', () => {
  it('refuses a blocked partner and its sub-partners with 403 blocked, and ends their sessions at once', async () => {
    const dealer = await createPartner(root);
    const subDealer = await createPartner(root, { parentId: dealer.id });
    const dealerSession = await signInAsPartner(context.app, dealer);
    const subDealerSession = await signInAsPartner(context.app, subDealer);
    expect((await subDealerSession.get('/api/v1/auth/me')).statusCode).toBe(200);

    expectStatus(
      await root.patch(`/api/v1/partners/${dealer.id}`, { version: dealer.version, blocked: true }),
      200,
    );

    expect((await dealerSession.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await subDealerSession.get('/api/v1/partners')).statusCode).toBe(401);
    for (const login of [dealer.login, subDealer.login]) {
      const attempt = await anonymous(context.app).post('/api/v1/auth/login', {
        login,
        password: PARTNER_PASSWORD,
      });
      expect(attempt.statusCode).toBe(403);
      expect(attempt.json()).toMatchObject({ code: 'blocked' });
    }
    // A wrong password on a blocked partner does not reveal the block.
    const wrong = await anonymous(context.app).post('/api/v1/auth/login', {
      login: dealer.login,
      password: 'wrong-one',
    });
    expect(wrong.statusCode).toBe(401);

    const current = expectStatus<{ version: number }>(await root.get(`/api/v1/partners/${dealer.id}`), 200);
    expectStatus(
      await root.patch(`/api/v1/partners/${dealer.id}`, { version: current.version, blocked: false }),
      200,
    );
    expect((await signInAsPartner(context.app, subDealer)).cookie).toBeTruthy();
    const sub = expectStatus<{ blocked: boolean; blockedByAncestor: boolean }>(
      await root.get(`/api/v1/partners/${subDealer.id}`),
      200,
    );
    expect(sub).toMatchObject({ blocked: false, blockedByAncestor: false });
  });
});

describe('rate limiting', () => {
  it('limits failed attempts per login with 429 and Retry-After, before checking the password', async () => {
    const limited = await import('../../../test/test-app.js').then(({ createTestApp: create }) =>
      create({ loginLimits: { failuresPerLogin: 3, attemptsPerAddress: 1000, windowSeconds: 600 } }),
    );
    try {
      await createSuperAdmin(limited.app, limited.database.db, 'target');
      for (let attempt = 0; attempt < 3; attempt++) {
        const response = await anonymous(limited.app).post('/api/v1/auth/login', {
          login: 'target',
          password: 'guess',
        });
        expect(response.statusCode).toBe(401);
      }
      const blocked = await anonymous(limited.app).post('/api/v1/auth/login', {
        login: 'TARGET',
        password: 'Operator-passphrase-2026',
      });
      expect(blocked.statusCode).toBe(429);
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(590);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(blocked.json()).toMatchObject({ code: 'rate_limited' });
    } finally {
      await limited.close();
    }
  });

  it('holds the limit when the attempts arrive all at once', async () => {
    const limited = await import('../../../test/test-app.js').then(({ createTestApp: create }) =>
      create({ loginLimits: { failuresPerLogin: 5, attemptsPerAddress: 1000, windowSeconds: 600 } }),
    );
    try {
      await createSuperAdmin(limited.app, limited.database.db, 'rushed');
      const answers = await Promise.all(
        Array.from({ length: 15 }, () =>
          anonymous(limited.app).post('/api/v1/auth/login', { login: 'rushed', password: 'guess' }),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('limits attempts per address', async () => {
    const limited = await import('../../../test/test-app.js').then(({ createTestApp: create }) =>
      create({ loginLimits: { failuresPerLogin: 100, attemptsPerAddress: 2, windowSeconds: 60 } }),
    );
    try {
      for (const login of ['a1', 'a2']) {
        expect(
          (await anonymous(limited.app).post('/api/v1/auth/login', { login, password: 'x' })).statusCode,
        ).toBe(401);
      }
      const third = await anonymous(limited.app).post('/api/v1/auth/login', { login: 'a3', password: 'x' });
      expect(third.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
