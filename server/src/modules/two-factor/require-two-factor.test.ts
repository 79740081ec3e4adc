import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPartner,
  PARTNER_PASSWORD,
  signInAsPartner,
  type CreatedPartner,
} from '../../../test/builders.js';
import { anonymous, expectStatus } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { totpCodeAt } from '../../../test/totp-codes.js';

/*
 * A partner's require_two_factor (Configuration) holds the admin-panel users of its whole subtree: one
 * without two-factor sign-in may, once signed in, only enrol (or see who it is, or sign out).
 */
const clock = { now: new Date('2026-03-02T12:00:00Z') };
const { context, root } = useTestAppAsRoot({ rootLogin: 'require-tf-operator', clock: () => clock.now });
let dealer: CreatedPartner;
let sub: CreatedPartner;
let other: CreatedPartner;

beforeAll(async () => {
  dealer = await createPartner(root);
  sub = await createPartner(root, { parentId: dealer.id });
  other = await createPartner(root);
});

const putSetting = (partnerId: number, value: boolean) =>
  root.request('PUT', `/api/v1/partners/${partnerId}/settings/require_two_factor`, { value });

describe('require_two_factor', () => {
  it("forces a sub-partner's user to enrol before anything else, and lets it go on after", async () => {
    expectStatus(await putSetting(dealer.id, true), 201);
    // A sub-partner cannot lift what its parent requires.
    expectStatus(await putSetting(sub.id, false), 201);

    const client = await signInAsPartner(context.app, sub);
    const me = expectStatus(await client.get('/api/v1/auth/me'), 200);
    expect(me.twoFactor).toEqual({ enabled: false, required: true });

    const refused = await client.get('/api/v1/partners');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'two_factor_enrolment_required',
      title: 'Your partner requires two-factor sign-in: set it up in your profile before you continue',
    });
    expect((await client.get('/api/v1/auth/sessions')).statusCode).toBe(403);
    expect((await client.inLocale('ru').get('/api/v1/partners')).json()).toMatchObject({
      title: 'Ваш партнёр требует двухфакторный вход: настройте его в профиле, прежде чем продолжить',
    });

    const { secret } = expectStatus<{ secret: string }>(
      await client.post('/api/v1/auth/two-factor/setup'),
      200,
    );
    expectStatus(
      await client.post('/api/v1/auth/two-factor/enable', { code: totpCodeAt(secret, clock.now) }),
      200,
    );

    expectStatus(await client.get('/api/v1/partners'), 200);
    expect(expectStatus(await client.get('/api/v1/auth/me'), 200).twoFactor).toEqual({
      enabled: true,
      required: true,
    });
    // From now on it signs in with a code.
    const withoutCode = await anonymous(context.app).post('/api/v1/auth/login', {
      login: sub.login,
      password: PARTNER_PASSWORD,
    });
    expect(withoutCode.json()).toMatchObject({ code: 'two_factor_required' });
  });

  it("holds the partner's own users too, signing out included, and nobody outside its subtree", async () => {
    const client = await signInAsPartner(context.app, dealer);
    expect((await client.get('/api/v1/contracts')).statusCode).toBe(403);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);

    const outsider = await signInAsPartner(context.app, other);
    expect(expectStatus(await outsider.get('/api/v1/auth/me'), 200).twoFactor).toEqual({
      enabled: false,
      required: false,
    });
    expectStatus(await outsider.get('/api/v1/partners'), 200);
    expectStatus(await root.get('/api/v1/partners'), 200);
  });

  it('lets go when the setting is switched off', async () => {
    expect(
      (await root.request('DELETE', `/api/v1/partners/${dealer.id}/settings/require_two_factor`)).statusCode,
    ).toBe(204);
    const client = await signInAsPartner(context.app, dealer);
    expectStatus(await client.get('/api/v1/contracts'), 200);
  });
});
