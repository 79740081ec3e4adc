import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, choose, signIn, unique } from './support';

/*
 * The seed, literally: "Click the Add button in the Partners section; in the window that opens, go to
 * the Main settings tab; fill in the details; click Save." Then find the partner and see every value.
 */
test('the super administrator adds a partner with every field of the seed', async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const tariffResponse = await session.api.post('/api/v1/tariffs', {
    headers: { 'x-csrf-token': session.csrf },
    data: { name: unique('Retail '), currency: 'RUB', period: 'month', price: '350.00' },
  });
  const tariff = (await tariffResponse.json()) as { name: string };
  const wholesaleResponse = await session.api.post('/api/v1/tariffs', {
    headers: { 'x-csrf-token': session.csrf },
    data: { name: unique('Wholesale '), currency: 'RUB', period: 'month', price: '120.00' },
  });
  const wholesale = (await wholesaleResponse.json()) as { name: string };
  const name = unique('Northern Telematics ');
  const login = unique('north');

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Partners' }).click();
  await page.getByRole('button', { name: 'Add' }).click();
  const window = page.getByRole('dialog', { name: 'Add partner' });
  await window.getByRole('tab', { name: 'Main settings' }).click();

  // General Information
  await window.getByLabel('Name').fill(name);
  await window.getByLabel('Email').fill('office@north.example');
  await window.getByLabel('Phone').fill('+7 916 123-45-67');
  await window.getByLabel('Deposit').fill('15000.50');
  await choose(page, window.getByLabel('Region'), 'Moscow', 'Moscow (RU-MOW)');
  await window.getByLabel('IIN').fill('7707083893');
  await window.getByLabel('KPP').fill('773601001');
  await expect(window.getByLabel('VAT')).toHaveValue('22.00'); // proposed: Russia's rate in force
  await window.getByLabel('VAT').fill('20');
  await window.getByLabel('1C Code').fill(unique('NT-'));
  // Access and assignment settings
  await window.getByLabel('Block users of accounts partner').click();
  // Financial and pricing parameters
  await choose(page, window.getByLabel('Currency', { exact: true }), 'RUB', 'RUB — Russian Ruble');
  await choose(page, window.getByLabel('Additional currencies'), 'USD', 'USD — US Dollar');
  await window.getByLabel('Additional currencies').press('Escape');
  await choose(page, window.getByLabel('Price', { exact: true }), tariff.name, `${tariff.name} — 350.00 RUB`);
  await choose(page, window.getByLabel('Partner price'), wholesale.name, `${wholesale.name} — 120.00 RUB`);
  await choose(page, window.getByLabel('Organization type'), null, 'Limited liability company (OOO)');
  await choose(page, window.getByLabel('Account type'), null, 'Postpayment');
  // Login credentials
  await choose(page, window.getByLabel('Password for Users'), null, 'Complex');
  await window.getByLabel('Show user password').click();
  await window.getByLabel('Login', { exact: true }).fill(login);
  await window.getByLabel('Password', { exact: true }).fill('Quiet-harbour-lantern-7');

  await window.getByRole('button', { name: 'Save' }).click();
  await expect(window).toBeHidden();

  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  const row = page.getByRole('row', { name });
  await expect(row).toContainText(login);
  await expect(row).toContainText('office@north.example / +79161234567');
  await expect(row).toContainText(tariff.name);

  await row.dblclick();
  const card = page.getByRole('dialog', { name });
  await expect(card.getByLabel('Name')).toHaveValue(name);
  await expect(card.getByLabel('Email')).toHaveValue('office@north.example');
  await expect(card.getByLabel('Phone')).toHaveValue('+79161234567');
  await expect(card.getByLabel('Deposit')).toHaveValue('15000.50');
  await expect(card.getByLabel('IIN')).toHaveValue('7707083893');
  await expect(card.getByLabel('KPP')).toHaveValue('773601001');
  await expect(card.getByLabel('VAT')).toHaveValue('20.00');
  await expect(card.getByText('Moscow (RU-MOW)')).toBeVisible();
  await expect(card.getByLabel('Block Partner')).toHaveAttribute('aria-checked', 'false');
  await expect(card.getByLabel('Block users of accounts partner')).toHaveAttribute('aria-checked', 'true');
  await expect(card.getByText(/^RUB — /)).toBeVisible();
  await expect(card.getByText(/^USD — /)).toBeVisible();
  await expect(card.getByText(new RegExp(`^${tariff.name}`))).toBeVisible();
  await expect(card.getByText(new RegExp(`^${wholesale.name}`))).toBeVisible();
  await expect(card.getByText('Limited liability company (OOO)')).toBeVisible();
  await expect(card.getByText('Postpayment', { exact: true })).toBeVisible();
  await expect(card.getByText('Complex', { exact: true })).toBeVisible();
  await expect(card.getByLabel('Show user password')).toHaveAttribute('aria-checked', 'true');
  await expect(card.getByLabel('Login', { exact: true })).toHaveValue(login);
  await expect(card.getByLabel('Password', { exact: true })).toHaveValue('');
});
