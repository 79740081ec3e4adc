import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, createViaApi, signIn, unique } from './support';

/*
 * The Contracts section as an operator uses it day to day: find a contract by a column filter, hide
 * a column, clone a contract (without its objects), archive the copy and find it again with Show
 * deleted, and read what happened in History.
 */
test('the Contracts section: filter, columns, clone, delete, show deleted, history', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(session, {
    name: unique('Contracts Partner '),
    login: unique('contracts'),
  });
  const name = unique('Harbour Freight ');
  await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name,
    currency: 'RUB',
    accountType: 'postpayment_light',
    blockingLimit: '5000.00',
  });

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Contracts' }).click();
  await expect(page.getByRole('heading', { name: 'Contracts' })).toBeVisible();

  // A column filter finds the contract by a part of its name.
  await page.getByRole('button', { name: 'Filter by Name' }).click();
  await page.getByRole('textbox', { name: 'Filter by Name' }).fill(name.split(' ').at(-1)!);
  await page.getByRole('button', { name: 'Apply filter' }).click();
  const row = page.getByRole('row', { name, exact: false });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(partner.name);
  await expect(row).toContainText('Postpayment (light)');

  // The column chooser hides Balance, and the choice survives a reload.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Balance' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'Balance' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Contracts' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Name' }).first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Balance' })).toHaveCount(0);

  // Clone: the copy opens in the window, with the same settings and its own name.
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name }).first().dblclick();
  const card = page.getByRole('dialog', { name });
  await expect(card.getByLabel('Blocking limit')).toHaveValue('5000.00');
  await card.getByRole('button', { name: 'Clone' }).click();
  const copy = page.getByRole('dialog', { name: `${name} (copy)` });
  await expect(copy.getByLabel('Blocking limit')).toHaveValue('5000.00');
  await expect(copy.getByLabel('Warehouse account')).toHaveAttribute('aria-checked', 'false');

  // Delete the copy; Show deleted brings it back into the list, marked.
  await copy.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(copy).toBeHidden();
  await expect(page.getByRole('row', { name: `${name} (copy)` })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show deleted' }).check();
  await expect(page.getByRole('row', { name: `${name} (copy)` })).toContainText('Deleted');

  // History of the copy: created by cloning, then deleted, by the operator.
  await page.getByRole('row', { name: `${name} (copy)` }).dblclick();
  const archived = page.getByRole('dialog', { name: `${name} (copy)` });
  await archived.getByRole('tab', { name: 'History' }).click();
  await expect(archived.getByRole('cell', { name: 'Cloned' }).first()).toBeVisible();
  await expect(archived.getByRole('cell', { name: 'Deleted' }).first()).toBeVisible();
  await expect(archived.getByRole('cell', { name: ADMIN.login }).first()).toBeVisible();
});
