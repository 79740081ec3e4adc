import { expect, request, test } from '@playwright/test';
import { adminApi, createPartnerViaApi, PARTNER_PASSWORD, signIn, unique } from './support';

/*
 * Sessions, from the account menu: the user sees this browser's session and one begun elsewhere (a
 * second sign-in through the API, as another device), ends the other one, and that device is signed
 * out at once. A partner administrator of its own keeps the list to this test's sessions.
 */
test('Sessions: the current session and a second one, which is ended', async ({ page, baseURL }) => {
  const admin = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(admin, {
    name: unique('Sessions Partner '),
    login: unique('sessions'),
  });
  await signIn(page, partner.login, PARTNER_PASSWORD);
  await expect(page.getByTestId('signed-in-login')).toHaveText(partner.login);

  const otherDevice = await request.newContext({ baseURL, userAgent: 'Other-device/1.0 (e2e)' });
  const otherLogin = await otherDevice.post('/api/v1/auth/login', {
    data: { login: partner.login, password: PARTNER_PASSWORD },
  });
  expect(otherLogin.status()).toBe(200);
  expect((await otherDevice.get('/api/v1/auth/me')).status()).toBe(200);

  await page.getByRole('button', { name: `Account menu of ${partner.login}` }).click();
  await page.getByRole('menuitem', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Your sessions' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(2);

  // This browser's session is marked and cannot be ended from here (Log out does that).
  const current = rows.filter({ hasText: 'This session' });
  await expect(current).toHaveCount(1);
  await expect(current.getByRole('button', { name: /^End the session/ })).toHaveCount(0);

  const other = rows.filter({ hasText: 'Other-device/1.0 (e2e)' });
  await expect(other).toHaveCount(1);
  await other.getByRole('button', { name: /^End the session begun / }).click();
  await expect(page.getByText('The session has ended')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('This session');

  // The other device is signed out; this browser is not.
  expect((await otherDevice.get('/api/v1/auth/me')).status()).toBe(401);
  await page.reload();
  await expect(page.getByTestId('signed-in-login')).toHaveText(partner.login);
  await otherDevice.dispose();
  await admin.api.dispose();
});
