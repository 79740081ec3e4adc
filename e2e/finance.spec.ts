import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  createPartnerViaApi,
  createViaApi,
  openContractFinance,
  signIn,
  unique,
} from './support';

/** Add payment or Write off from the Finance tab: the small form, sent, and its dialog gone. */
async function moveMoney(
  page: Page,
  tab: Locator,
  action: 'Add payment' | 'Write off',
  amount: string,
  comment: string,
) {
  await tab.getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByLabel('Amount').fill(amount);
  await dialog.getByLabel('Comment').fill(comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/*
 * A contract's money as the operator handles it in the contract window's Finance tab: a payment
 * shows in the balance and the transactions; writing off more than a prepayment contract holds
 * blocks it for debt; paying the debt back unblocks it; a correction reverses a transfer.
 */
test('the Finance tab: payment, write-off into debt blocks the contract, paying back unblocks it', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(session, {
    name: unique('Finance Partner '),
    login: unique('finance'),
  });
  const name = unique('Prepaid Haulage ');
  await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name,
    currency: 'RUB',
    accountType: 'prepayment',
  });

  await signIn(page, ADMIN.login, ADMIN.password);
  const { tab } = await openContractFinance(page, name);
  const balance = tab.getByTestId('finance-balance');
  const debt = tab.getByTestId('finance-debt-blocked');
  const transactions = tab.getByRole('table', { name: 'Transactions' });
  await expect(balance).toHaveText('0.00 RUB');
  await expect(debt).toHaveText('Not blocked');
  // Nothing is charged yet: the balance lasts without an end.
  await expect(tab.getByTestId('finance-days-left')).toHaveText('—');

  // An amount typed and closed with the X asks first; discarded, nothing is posted.
  await tab.getByRole('button', { name: 'Add payment' }).click();
  const unsent = page.getByRole('dialog', { name: 'Add payment' });
  await unsent.getByLabel('Amount').fill('999');
  await unsent.getByRole('button', { name: 'Close' }).click();
  await page
    .getByRole('dialog', { name: 'Discard changes?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await expect(unsent).toBeHidden();
  await expect(balance).toHaveText('0.00 RUB');

  await moveMoney(page, tab, 'Add payment', '100', 'Bank transfer 17');
  await expect(balance).toHaveText('100.00 RUB');
  const payment = transactions.getByRole('row').filter({ hasText: 'Bank transfer 17' });
  await expect(payment).toContainText('Payment');
  await expect(payment).toContainText('+100.00 RUB');
  await expect(payment).toContainText(ADMIN.login);

  // More than it holds: a prepayment contract in debt is blocked.
  await moveMoney(page, tab, 'Write off', '150.00', 'Equipment damage');
  await expect(balance).toHaveText('-50.00 RUB');
  await expect(debt).toHaveText('Blocked for debt');
  await expect(transactions.getByRole('row').filter({ hasText: 'Equipment damage' })).toContainText(
    '-150.00 RUB',
  );

  // The debt paid back: unblocked.
  await moveMoney(page, tab, 'Add payment', '50,00', 'Debt settled');
  await expect(balance).toHaveText('0.00 RUB');
  await expect(debt).toHaveText('Not blocked');
  await expect(tab.getByText('3 transactions')).toBeVisible();

  // A payment entered by mistake is reversed, never edited: it stays, marked, next to its reversal.
  const settled = transactions.getByRole('row').filter({ hasText: 'Debt settled' });
  await settled.getByRole('button', { name: 'Correct' }).click();
  const correction = page.getByRole('dialog', { name: 'Correct a transaction' });
  await correction.getByRole('button', { name: 'Reverse' }).click();
  await expect(correction.getByText('Reason is required')).toBeVisible();
  await correction.getByLabel('Reason').fill('Entered twice');
  await correction.getByRole('button', { name: 'Reverse' }).click();
  await expect(correction).toBeHidden();
  await expect(balance).toHaveText('-50.00 RUB');
  await expect(debt).toHaveText('Blocked for debt');
  await expect(settled).toContainText('Reversed');
  await expect(settled.getByRole('button', { name: 'Correct' })).toHaveCount(0);
  const reversal = transactions.getByRole('row').filter({ hasText: 'Entered twice' });
  await expect(reversal).toContainText('Correction');
  await expect(reversal).toContainText('-50.00 RUB');
});
