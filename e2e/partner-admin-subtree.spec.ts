import { expect, test } from '@playwright/test';
import { adminApi, createPartnerViaApi, PARTNER_PASSWORD, choose, signIn, unique } from './support';

test('a partner administrator sees only its subtree and adds a sub-partner under itself', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const dealer = await createPartnerViaApi(session, { name: unique('Dealer '), login: unique('dealer') });
  const ownSub = await createPartnerViaApi(session, {
    name: unique('Own sub '),
    login: unique('own'),
    parentId: dealer.id,
  });
  const stranger = await createPartnerViaApi(session, {
    name: unique('Stranger '),
    login: unique('stranger'),
  });

  await signIn(page, dealer.login, PARTNER_PASSWORD);
  await expect(page.getByTestId('signed-in-login')).toHaveText(dealer.login);
  await expect(page.getByRole('row', { name: dealer.name })).toBeVisible();
  await expect(page.getByRole('row', { name: ownSub.name })).toBeVisible();
  await expect(page.getByRole('row', { name: stranger.name })).toHaveCount(0);
  await expect(page.getByText('2 partners')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill(stranger.name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.locator('.ant-table-placeholder')).toContainText('No data');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('button', { name: 'Add' }).click();
  const window = page.getByRole('dialog', { name: 'Add partner' });
  const name = unique('Sub-dealer ');
  await window.getByLabel('Name').fill(name);
  await expect(window.getByText(dealer.name)).toBeVisible(); // Partner: itself by default
  await choose(page, window.getByLabel('Currency', { exact: true }), 'RUB', 'RUB — Russian Ruble');
  await window.getByLabel('Login', { exact: true }).fill(unique('subdealer'));
  await window.getByRole('button', { name: 'Generate' }).click();
  await window.getByRole('button', { name: 'Save' }).click();
  await expect(window).toBeHidden();
  const row = page.getByRole('row', { name });
  await expect(row).toContainText(dealer.name);
  await expect(page.getByText('3 partners')).toBeVisible();
});
