import { expect, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  createPartnerViaApi,
  createViaApi,
  PARTNER_PASSWORD,
  signIn,
  unique,
} from './support';

const STAFF_PASSWORD = 'Quiet-harbor-lantern-73';

/*
 * A partner administrator adds a staff user with the Finance preset; signed in as it, the staff user
 * sees only the sections its rights open, reads a partner without being able to change it, and posts
 * a payment to a contract.
 */
test('a Finance staff user posts a payment and cannot edit a partner', async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const dealer = await createPartnerViaApi(session, { name: unique('Staff Dealer '), login: unique('sd') });
  const contractName = unique('Paid by staff ');
  await createViaApi(session, '/contracts', {
    partnerId: dealer.id,
    name: contractName,
    currency: 'RUB',
    accountType: 'prepayment',
  });

  await signIn(page, dealer.login, PARTNER_PASSWORD);
  await page.getByRole('menuitem', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add' }).click();
  const window = page.getByRole('dialog', { name: 'New staff user' });
  const login = unique('cashier');
  await window.getByLabel('Login', { exact: true }).fill(login);
  await window.getByLabel('Name', { exact: true }).fill('Cashier Anna');
  await window.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
  await expect(window.getByText(dealer.name)).toBeVisible(); // Partner: the administrator's own
  await window.getByRole('button', { name: 'Finance', exact: true }).click();
  await expect(window.getByRole('switch', { name: 'Finance: Write' })).toBeChecked();
  await expect(window.getByRole('switch', { name: 'Finance: Read' })).toBeChecked();
  await expect(window.getByRole('switch', { name: 'Partners: Read' })).toBeChecked();
  await expect(window.getByRole('switch', { name: 'Partners: Write' })).not.toBeChecked();
  await expect(window.getByRole('switch', { name: 'Objects: Read' })).not.toBeChecked();
  await window.getByRole('button', { name: 'Save' }).click();
  await expect(window).toBeHidden();
  const row = page.getByRole('row', { name: login });
  await expect(row).toContainText('Staff');
  await expect(row).toContainText('Write: Finance');
  await page.getByRole('button', { name: 'Log out' }).click();

  await signIn(page, login, STAFF_PASSWORD);
  await expect(page.getByTestId('signed-in-login')).toHaveText(login);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('menuitem', { name: 'Partners' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: 'Contracts' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: 'Staff' })).toHaveCount(0);
  await expect(nav.getByRole('menuitem', { name: 'Objects' })).toHaveCount(0);
  await expect(nav.getByRole('menuitem', { name: 'Users' })).toHaveCount(0);

  // The partner: read, not changed; no Add either.
  await nav.getByRole('menuitem', { name: 'Partners' }).click();
  await expect(page.getByRole('button', { name: 'Add' })).toHaveCount(0);
  await page.getByRole('row', { name: dealer.name }).dblclick();
  const card = page.getByRole('dialog', { name: dealer.name });
  await expect(card.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(card.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(card.getByRole('tab', { name: 'Contracts' })).toBeVisible();
  await expect(card.getByRole('tab', { name: 'Finance' })).toBeVisible();
  await expect(card.getByRole('tab', { name: 'Objects' })).toHaveCount(0);
  await expect(card.getByRole('tab', { name: 'Staff' })).toHaveCount(0);
  await expect(card.getByRole('tab', { name: 'Configuration' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Cancel' }).click();

  // The contract's Finance tab: a payment goes through.
  await nav.getByRole('menuitem', { name: 'Contracts' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(contractName);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name: contractName }).dblclick();
  const contract = page.getByRole('dialog', { name: contractName });
  await expect(contract.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await contract.getByRole('tab', { name: 'Finance' }).click();
  const tab = contract.getByRole('tabpanel', { name: 'Finance' });
  await expect(tab.getByTestId('finance-balance')).toHaveText('0.00 RUB');
  await tab.getByRole('button', { name: 'Add payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add payment' });
  await dialog.getByLabel('Amount').fill('250');
  await dialog.getByLabel('Comment').fill('Cash desk 4');
  await dialog.getByRole('button', { name: 'Add payment', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(tab.getByTestId('finance-balance')).toHaveText('250.00 RUB');
  const payment = tab.getByRole('table', { name: 'Transactions' }).getByRole('row').filter({
    hasText: 'Cash desk 4',
  });
  await expect(payment).toContainText(login);
});

/* A staff user's sign-in shows in its Login history, with its result and browser. */
test("the staff user's login history shows its sign-in", async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const dealer = await createPartnerViaApi(session, { name: unique('History Dealer '), login: unique('hd') });
  const login = unique('clerk');
  await createViaApi(session, '/staff', {
    partnerId: dealer.id,
    login,
    password: STAFF_PASSWORD,
    rights: ['partners:read'],
  });

  await signIn(page, login, STAFF_PASSWORD);
  await expect(page.getByTestId('signed-in-login')).toHaveText(login);
  await page.getByRole('button', { name: 'Log out' }).click();

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Staff' }).click();
  await page.getByRole('searchbox', { name: 'Search by login, name or email' }).fill(login);
  await page.getByRole('searchbox', { name: 'Search by login, name or email' }).press('Enter');
  const row = page.getByRole('row', { name: login });
  await expect(row).toContainText(dealer.name);
  await row.dblclick();
  const window = page.getByRole('dialog', { name: login });
  await expect(window.getByRole('switch', { name: 'Partners: Read' })).toBeChecked();
  await window.getByRole('tab', { name: 'Login history' }).click();
  const history = window.getByRole('table', { name: 'Login history' });
  const signInRow = history.getByRole('row').filter({ hasText: 'Signed in' });
  await expect(signInRow).toHaveCount(1);
  await expect(signInRow).toContainText('Chrome');
});
