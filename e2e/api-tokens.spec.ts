import { expect, request, test } from '@playwright/test';
import { adminApi, createPartnerViaApi, PARTNER_PASSWORD, signIn, unique } from './support';

/*
 * API tokens, from the account menu: a partner's administrator makes a token with Contracts: read,
 * sees it once, a program uses it as `Authorization: Bearer` (no cookie), and revoking it in the
 * browser stops the program at once.
 */
test('API tokens: create with contracts:read, use as Bearer, revoke', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const admin = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(admin, {
    name: unique('Tokens Partner '),
    login: unique('tokens'),
  });
  await signIn(page, partner.login, PARTNER_PASSWORD);
  await expect(page.getByTestId('signed-in-login')).toHaveText(partner.login);

  await page.getByRole('button', { name: `Account menu of ${partner.login}` }).click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await expect(page.getByText('Authorization: Bearer <token>').first()).toBeVisible();

  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  // Only the user's own rights are offered: a partner's administrator does not hold portal:login.
  await expect(dialog.getByRole('switch', { name: 'Contracts: Read' })).toBeVisible();
  await expect(dialog.getByRole('switch', { name: /^Portal login/ })).toHaveCount(0);

  // The server's refusal is shown under the field it names: a name of spaces only.
  await dialog.getByLabel('Name').fill('   ');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  const name = unique('Accounting robot ');
  await dialog.getByLabel('Name').fill(name);
  // Write turns Read on with it and holds it on; turning Write off leaves Read as chosen.
  await dialog.getByRole('switch', { name: 'Contracts: Write' }).click();
  await expect(dialog.getByRole('switch', { name: 'Contracts: Read' })).toBeChecked();
  await expect(dialog.getByRole('switch', { name: 'Contracts: Read' })).toBeDisabled();
  await dialog.getByRole('switch', { name: 'Contracts: Write' }).click();
  await expect(dialog.getByRole('switch', { name: 'Contracts: Read' })).toBeChecked();
  await expect(dialog.getByRole('switch', { name: 'Contracts: Write' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const once = page.getByRole('dialog', { name: `Token “${name}” created` });
  await expect(once.getByText('it is shown only this once and cannot be shown again')).toBeVisible();
  const token = await once.getByLabel('Token').inputValue();
  expect(token).toMatch(/^fdt_[\w-]{43}$/);
  await once.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('The token is copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(once.getByText('Authorization: Bearer <token>')).toBeVisible();
  await once.getByRole('button', { name: 'I have copied it' }).click();
  await expect(once).toBeHidden();

  const table = page.getByRole('table', { name: 'Your API tokens' });
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText('Contracts: Read');
  await expect(row).toContainText('Never');
  // The list never holds the token itself.
  await expect(page.getByText(token)).toHaveCount(0);

  // A program with the token and no cookie.
  const machine = await request.newContext({ baseURL });
  const bearer = { Authorization: `Bearer ${token}` };
  expect((await machine.get('/api/v1/contracts', { headers: bearer })).status()).toBe(200);
  expect((await machine.get('/api/v1/contracts')).status()).toBe(401);

  await row.getByRole('button', { name: `Revoke the token ${name}` }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText(`The token “${name}” is revoked`)).toBeVisible();
  await expect(row).toHaveCount(0);
  expect((await machine.get('/api/v1/contracts', { headers: bearer })).status()).toBe(401);

  await machine.dispose();
  await admin.api.dispose();
});
