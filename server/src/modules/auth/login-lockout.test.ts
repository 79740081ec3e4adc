import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperAdmin, SUPER_ADMIN_PASSWORD } from '../../../test/builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';

/*
 * Nobody can lock an administrator out (security review, finding 1): a login's failures count from
 * the address they come from, so guessing from one address stops that address only, and the right
 * password from another still signs in — the super administrator's included.
 */
let context: TestContext;

beforeAll(async () => {
  context = await createTestApp({
    loginLimits: { failuresPerLogin: 10, attemptsPerAddress: 1000, windowSeconds: 900 },
  });
  await createSuperAdmin(context.app, context.database.db, 'operator');
});
afterAll(() => context.close());

const signIn = (password: string, remoteAddress: string) =>
  context.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: 'operator', password },
    remoteAddress,
  });

describe('an administrator under a guessing attack', () => {
  it('is stopped only at the guessing address, and signs in from its own', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signIn('guess', '203.0.113.66')).statusCode).toBe(401);
    }
    const attacker = await signIn(SUPER_ADMIN_PASSWORD, '203.0.113.66');
    expect(attacker.statusCode).toBe(429);
    expect(attacker.json()).toMatchObject({ code: 'rate_limited' });
    // Each refused attempt keeps the attacker's address stopped, and nobody else.
    expect((await signIn('guess', '203.0.113.66')).statusCode).toBe(429);
    const owner = await signIn(SUPER_ADMIN_PASSWORD, '198.51.100.1');
    expect(owner.statusCode).toBe(200);
    expect(owner.json()).toMatchObject({ user: { login: 'operator', role: 'super_admin' } });
  });
});
