import { expect, test } from '@playwright/test';
import { adminApi, createPartnerViaApi, createViaApi, PARTNER_PASSWORD, unique } from './support';

/*
 * The home page a partner's administrator lands on: its counts, the contract blocked for debt and the
 * latest payment, each a link to the record or the filtered list.
 */
test('the home page shows what needs attention and leads to it', async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const dealer = await createPartnerViaApi(session, { name: unique('Home Dealer '), login: unique('home') });
  const paying = await createViaApi(session, '/contracts', {
    partnerId: dealer.id,
    name: unique('Paying Client '),
    currency: 'RUB',
    accountType: 'prepayment',
  });
  const debtor = await createViaApi(session, '/contracts', {
    partnerId: dealer.id,
    name: unique('Debtor Client '),
    currency: 'RUB',
    accountType: 'prepayment',
  });
  const money = async (endpoint: string, contractId: number, amount: string) => {
    const response = await session.api.post(`/api/v1/finance/${endpoint}`, {
      headers: { 'x-csrf-token': session.csrf, 'idempotency-key': unique('home-') },
      data: { contractId, amount },
    });
    expect(response.status(), await response.text()).toBe(201);
  };
  await money('payments', paying.id, '250.00');
  await money('write-offs', debtor.id, '40.00');

  // Signing in at the panel's address lands on the home page.
  await page.goto('/');
  await page.getByLabel('Login').fill(dealer.login);
  await page.getByLabel('Password').fill(PARTNER_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await expect(page.getByRole('link', { name: '2 contracts' })).toBeVisible();
  const debt = page.getByTestId('home-debt-blocked');
  await expect(debt).toContainText(debtor.name);
  await expect(debt).toContainText('-40.00 RUB');
  await expect(page.getByTestId('home-payments')).toContainText(paying.name);
  await expect(page.getByTestId('home-payments')).toContainText('+250.00 RUB');
  await expect(page.getByTestId('home-balances')).toContainText('210.00 RUB');
  await expect(page.getByTestId('home-balances')).toContainText('debt -40.00 RUB on 1 contract');

  // "Blocked for debt" leads to the contracts list showing only those.
  await debt.getByRole('link', { name: '1 contract' }).click();
  await expect(page.getByRole('heading', { name: 'Contracts' })).toBeVisible();
  await expect(page.getByText('Only contracts blocked for debt')).toBeVisible();
  await expect(page.getByRole('row', { name: debtor.name })).toHaveCount(1);
  await expect(page.getByRole('row', { name: paying.name })).toHaveCount(0);

  // A contract's name opens its window, in one click from the home page.
  await page.getByRole('menuitem', { name: 'Home' }).click();
  await page.getByTestId('home-payments').getByRole('link', { name: paying.name }).click();
  await expect(page.getByRole('dialog', { name: paying.name })).toBeVisible();

  // In Russian, with Russian plural forms.
  await page.getByRole('dialog', { name: paying.name }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('menuitem', { name: 'Home' }).click();
  await page.getByText('Русский').click();
  await expect(page.getByRole('heading', { name: 'Главная' })).toBeVisible();
  await expect(page.getByRole('link', { name: '2 договора' })).toBeVisible();
});
