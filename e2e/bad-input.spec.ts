import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, choose, signIn, unique } from './support';

test('bad input shows the message under the right field and keeps what was typed', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const existing = await createPartnerViaApi(session, { name: unique('Taken '), login: unique('taken') });

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('button', { name: 'Add' }).click();
  const window = page.getByRole('dialog', { name: 'Add partner' });
  const name = unique('Careless ');
  await window.getByLabel('Name').fill(name);
  await choose(page, window.getByLabel('Region'), 'RU-MOW', 'Moscow (RU-MOW)');
  await window.getByLabel('IIN').fill('7707083894');
  await window.getByLabel('KPP').fill('773601001');
  await window.getByLabel('VAT').fill('150');
  await choose(page, window.getByLabel('Currency', { exact: true }), 'RUB', 'RUB — Russian Ruble');
  await window.getByLabel('Login', { exact: true }).fill(existing.login.toUpperCase());
  await window.getByLabel('Password', { exact: true }).fill('Quiet-harbour-lantern-7');
  await window.getByRole('button', { name: 'Save' }).click();

  // Checked in the browser before Save reaches the server: the IIN check digit and the VAT range.
  const iin = window.getByLabel('IIN');
  await expect(iin).toHaveAttribute('aria-invalid', 'true');
  const iinHelp = await iin.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${iinHelp?.split(' ')[0]}"]`)).toContainText(
    'IIN: the check digit does not match',
  );
  const vat = window.getByLabel('VAT');
  await expect(vat).toHaveAttribute('aria-invalid', 'true');
  await expect(window.getByText('VAT must be a percentage from 0 to 100')).toBeVisible();
  await expect(iin).toHaveValue('7707083894');
  await expect(vat).toHaveValue('150');

  // Fix both; the taken login is the server's to refuse (409), shown under Login.
  await iin.fill('7707083893');
  await vat.fill('22');
  await window.getByRole('button', { name: 'Save' }).click();
  const login = window.getByLabel('Login', { exact: true });
  await expect(login).toHaveAttribute('aria-invalid', 'true');
  await expect(window.getByText('This login is already taken')).toBeVisible();
  await expect(login).toHaveValue(existing.login.toUpperCase());
  await expect(window.getByLabel('Name')).toHaveValue(name);
  await expect(window.getByLabel('KPP')).toHaveValue('773601001');
});
