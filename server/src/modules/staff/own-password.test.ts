import { describe, expect, it } from 'vitest';
import {
  createPartner,
  PARTNER_PASSWORD,
  signInAsPartner,
  SUPER_ADMIN_PASSWORD,
  unique,
} from '../../../test/builders.js';
import { bearer, expectStatus, fieldCodes, signIn, type TestClient } from '../../../test/client.js';
import { createApiToken, signInAsNewStaff } from '../../../test/staff-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot();
const changePassword = (client: TestClient, currentPassword: string, newPassword: string) =>
  client.request('PUT', '/api/v1/auth/password', { currentPassword, newPassword });

describe("one's own password", () => {
  it("a partner's administrator: the current one first, then the new one; other sessions end", async () => {
    const partner = await createPartner(root, { name: unique('Own Password Dealer ') });
    const admin = await signInAsPartner(context.app, partner);
    const elsewhere = await signInAsPartner(context.app, partner);

    const wrong = await changePassword(admin.inLocale('ru'), 'Not-the-password-1', 'Fresh-meadow-clock-58');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        {
          field: 'currentPassword',
          code: 'current_password_wrong',
          message: 'Поле «Текущий пароль» не совпадает с вашим текущим паролем',
        },
      ],
    });
    expect(fieldCodes(await changePassword(admin, PARTNER_PASSWORD, PARTNER_PASSWORD))).toEqual([
      'newPassword:password_unchanged',
    ]);
    const short = await changePassword(admin, PARTNER_PASSWORD, 'short1');
    expect(short.json().errors).toEqual([
      expect.objectContaining({
        field: 'newPassword',
        code: 'password_too_short',
        message: 'New password must be at least 8 characters long',
      }),
    ]);
    // Refused attempts changed nothing: the other session still works.
    expectStatus(await elsewhere.get('/api/v1/auth/me'), 200);

    const done = await changePassword(admin, PARTNER_PASSWORD, 'Fresh-meadow-clock-58');
    expect(done.statusCode, done.body).toBe(204);
    expectStatus(await admin.get('/api/v1/auth/me'), 200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    const oldLogin = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: partner.login, password: PARTNER_PASSWORD },
    });
    expect(oldLogin.statusCode).toBe(401);
    await signIn(context.app, partner.login, 'Fresh-meadow-clock-58');

    // The partner's History says the password changed, and who changed it; never the password.
    const history = expectStatus<{
      items: { action: string; actor: { login: string }; changes: unknown[] }[];
    }>(await root.get(`/api/v1/partners/${partner.id}/history`), 200);
    expect(history.items[0]).toMatchObject({
      action: 'updated',
      actor: { login: partner.login },
      changes: [{ field: 'password', oldValue: null, newValue: null }],
    });
  });

  it("staff meet their partner's user password policy", async () => {
    const partner = await createPartner(root, { userPasswordPolicy: 'complex' });
    const { client: staff } = await signInAsNewStaff(context.app, root, partner.id, ['contracts:read']);
    expect(fieldCodes(await changePassword(staff, PARTNER_PASSWORD, 'Quiet-fox-9'))).toEqual([
      'newPassword:password_too_short',
    ]);
    expect((await changePassword(staff, PARTNER_PASSWORD, 'Seven-lanterns-over-the-bay')).statusCode).toBe(
      204,
    );
  });

  it("the super administrator too; an API token cannot change its owner's password", async () => {
    const token = await createApiToken(root, ['contracts:read']);
    const machine = bearer(context.app, token.token);
    const refused = await changePassword(machine, SUPER_ADMIN_PASSWORD, 'Another-operator-passphrase-9');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'session_required' });
    expect(
      (await changePassword(root, SUPER_ADMIN_PASSWORD, 'Another-operator-passphrase-9')).statusCode,
    ).toBe(204);
  });
});
