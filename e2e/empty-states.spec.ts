import { expect, test, type Locator } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  createPartnerViaApi,
  createViaApi,
  openContractFinance,
  PARTNER_PASSWORD,
  signIn,
  unique,
} from './support';

/** The text a select shows as chosen. */
const chosen = (window: Locator, label: string) =>
  window
    .getByLabel(label, { exact: true })
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .locator('.ant-select-selection-item');

/*
 * Empty and inherited states lead on: an empty tariff select offers to create one, a new sub-partner
 * starts in its parent's currency, a contract without a tariff shows the one its objects get, a
 * partner's Finance tab shows what its clients were charged, and transactions filter by value dates.
 */
test('empty states lead on', async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const tariff = await createViaApi(session, '/tariffs', {
    name: unique('Standard KZT '),
    currency: 'KZT',
    period: 'month',
    price: '3000',
  });
  const parent = await createPartnerViaApi(session, {
    name: unique('Almaty Dealer '),
    login: unique('almaty'),
    currency: 'KZT',
    region: 'KZ-75',
    priceTariffId: tariff.id,
  });
  const contract = await createViaApi(session, '/contracts', {
    partnerId: parent.id,
    name: unique('Steppe Logistics '),
    currency: 'KZT',
    accountType: 'prepayment',
  });
  const moved = await session.api.post('/api/v1/finance/write-offs', {
    headers: { 'x-csrf-token': session.csrf, 'idempotency-key': unique('empty-') },
    data: { contractId: contract.id, amount: '40.00', comment: 'Installation' },
  });
  expect(moved.status()).toBe(201);

  // A new sub-partner of the dealer's administrator is offered its parent's currency.
  await signIn(page, parent.login, PARTNER_PASSWORD);
  await page.getByRole('button', { name: 'Add' }).click();
  const add = page.getByRole('dialog', { name: 'Add partner' });
  await expect(chosen(add, 'Partner')).toContainText(parent.name);
  await expect(chosen(add, 'Currency')).toContainText('KZT');

  // An empty Price select offers to create a tariff (in a new tab, keeping this form).
  await add.getByLabel('Currency', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('AMD');
  await page.keyboard.press('Enter');
  await expect(chosen(add, 'Currency')).toContainText('AMD');
  await add.getByLabel('Price', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  const create = page.getByRole('link', { name: 'Create a tariff' });
  await expect(create).toHaveAttribute('href', '/tariffs?new=1');
  await expect(create).toHaveAttribute('target', '_blank');
  await page.keyboard.press('Escape');
  await add.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('dialog', { name: 'Discard changes?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await page.goto('/tariffs?new=1');
  await expect(page.getByRole('dialog', { name: 'Add tariff' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Add tariff' }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await signIn(page, ADMIN.login, ADMIN.password);

  // A contract without its own tariff shows the one its objects get.
  const { card, tab } = await openContractFinance(page, contract.name);
  await card.getByRole('tab', { name: 'Basic settings' }).click();
  await expect(card.getByText(`${tariff.name} — from the partner`)).toBeVisible();

  // Transactions filter by value dates: none in January 2020, the write-off again without the range.
  await card.getByRole('tab', { name: 'Finance' }).click();
  const transactions = tab.getByRole('table', { name: 'Transactions' });
  await expect(transactions.getByRole('row').filter({ hasText: 'Installation' })).toHaveCount(1);
  await tab.getByPlaceholder('From').fill('2020-01-01');
  await tab.getByPlaceholder('To').fill('2020-01-31');
  await page.keyboard.press('Enter');
  await expect(transactions.getByRole('row').filter({ hasText: 'Installation' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Cancel' }).click();

  // The partner's Finance tab: its balance with its parent, and what its clients were charged.
  await page.getByRole('menuitem', { name: 'Partners' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(parent.name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name: parent.name }).first().dblclick();
  const partnerCard = page.getByRole('dialog', { name: parent.name });
  await partnerCard.getByRole('tab', { name: 'Finance' }).click();
  await expect(partnerCard.getByTestId('finance-revenue')).toHaveText('40.00 KZT');
});
