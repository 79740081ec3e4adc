import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, createViaApi, signIn, unique } from './support';

const portalLogin = (api: APIRequestContext, login: string, password: string) =>
  api.post('/api/v1/portal/login', { data: { login, password } });

/*
 * A portal user's life as its partner's operator sees it: the login history of the monitoring portal,
 * a block that the portal obeys at once, and a password reset shown once.
 */
test('a portal user: login history, block and unblock, password reset', async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const tariff = await createViaApi(session, '/tariffs', {
    name: unique('Portal tariff '),
    currency: 'RUB',
    period: 'month',
    price: '100.00',
  });
  const partner = await createPartnerViaApi(session, {
    name: unique('Portal Partner '),
    login: unique('portal'),
    priceTariffId: tariff.id,
    showUserPassword: true,
  });
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name: unique('Portal Contract '),
    currency: 'RUB',
    accountType: 'prepayment',
  });
  const login = unique('driver');
  const password = 'Quiet-harbour-lantern-73';
  await createViaApi(session, '/users', { contractId: contract.id, login, name: 'Ivan Driver', password });

  expect((await portalLogin(session.api, login, 'not-the-password')).status()).toBe(401);
  expect((await portalLogin(session.api, login, password)).status()).toBe(200);

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Users' }).click();
  const search = page.getByRole('searchbox', { name: 'Search by login, name, email or phone' });
  await search.fill(login);
  await search.press('Enter');
  await page.getByRole('row', { name: login }).dblclick();
  const card = page.getByRole('dialog', { name: login });

  // The portal's attempts, newest first.
  // A click while the window still zooms in can land before the tabs listen: click until it is selected.
  const historyTab = card.getByRole('tab', { name: 'Login history' });
  await expect(async () => {
    await historyTab.click({ timeout: 2_000 });
    await expect(historyTab).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 });
  }).toPass();
  const attempts = card.getByRole('row');
  await expect(attempts).toHaveCount(3); // the header and two attempts
  await expect(attempts.nth(1)).toContainText('Success');
  await expect(attempts.nth(2)).toContainText('Wrong login or password');

  // Blocked: the portal refuses the right password with the reason; unblocked: it lets the user in.
  await card.getByRole('button', { name: 'Block' }).click();
  await expect(card.getByRole('button', { name: 'Unblock' })).toBeVisible();
  const refused = await portalLogin(session.api, login, password);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: 'user_blocked' });
  await card.getByRole('button', { name: 'Unblock' }).click();
  await expect(card.getByRole('button', { name: 'Block' })).toBeVisible();
  expect((await portalLogin(session.api, login, password)).status()).toBe(200);

  // Reset: the partner shows user passwords, so the new one is shown once and works at the portal.
  const reset = page.getByRole('dialog', { name: 'Password reset' });
  // A click while the confirmation still zooms in can be lost under load: ask and confirm until it shows.
  await expect(async () => {
    if (!(await reset.isVisible())) {
      const yes = page.getByRole('button', { name: 'Yes' });
      if (!(await yes.isVisible())) await card.getByRole('button', { name: 'Reset password' }).click();
      await yes.click({ timeout: 2_000 });
    }
    await expect(reset).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const generated = await reset.getByLabel('New password').inputValue();
  expect(generated.length).toBeGreaterThanOrEqual(8);
  // Done while the dialog still zooms in can land before its button listens: click until it has gone.
  await expect(async () => {
    if (await reset.isVisible()) await reset.getByRole('button', { name: 'Done' }).click({ timeout: 2_000 });
    await expect(reset).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  expect((await portalLogin(session.api, login, password)).status()).toBe(401);
  expect((await portalLogin(session.api, login, generated)).status()).toBe(200);

  // History: blocked, unblocked and the reset, never the password itself.
  await card.getByRole('tab', { name: 'History', exact: true }).click();
  for (const action of ['Blocked', 'Unblocked', 'Password reset']) {
    await expect(card.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
  await expect(card.getByText(generated)).toHaveCount(0);
});
