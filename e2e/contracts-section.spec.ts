import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, createViaApi, signIn, unique } from './support';

/*
 * The Contracts section as an operator uses it day to day: find a contract by a column filter, hide
 * a column, keep or discard unsaved changes, clone a contract (an unsaved copy until Save), archive
 * the copy and find it again with Show deleted, and read what happened in History.
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

  // A change thrown away asks first: Cancel on a card with a change offers to keep editing.
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name }).first().dblclick();
  const card = page.getByRole('dialog', { name });
  // The window opens with the focus in its first field.
  await expect(card.getByLabel('Name')).toBeFocused();
  await expect(card.getByLabel('Blocking limit')).toHaveValue('5000.00');
  await card.getByLabel('Comment').fill('Typed, then thought better of');
  await card.getByRole('button', { name: 'Cancel' }).click();
  const discard = page.getByRole('dialog', { name: 'Discard changes?' });
  await expect(discard).toContainText('is not saved and will be lost');
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(discard).toBeHidden();
  await expect(card.getByLabel('Comment')).toHaveValue('Typed, then thought better of');
  await page.keyboard.press('Escape');
  await page
    .getByRole('dialog', { name: 'Discard changes?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await expect(card).toBeHidden();
  // The focus is back on the row the window came from.
  await expect(page.getByRole('row', { name }).first()).toBeFocused();
  // One click on the name opens the record, as a link does.
  await page.getByRole('row', { name }).first().getByRole('link', { name }).click();
  await expect(card.getByLabel('Comment')).toHaveValue('');

  // Clone opens the copy as an unsaved form: Cancel leaves nothing behind.
  await card.getByRole('button', { name: 'Clone' }).click();
  const copy = page.getByRole('dialog', { name: 'Clone contract — not saved yet' });
  await expect(copy.getByLabel('Name')).toHaveValue(`${name} (copy)`);
  await expect(copy.getByLabel('Blocking limit')).toHaveValue('5000.00');
  await expect(copy.getByLabel('Warehouse account')).toHaveAttribute('aria-checked', 'false');
  await copy.getByRole('button', { name: 'Cancel' }).click();
  await expect(copy).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search' }).fill(`${name} (copy)`);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.locator('.ant-empty-description')).toHaveText('No data');
  const found = await session.api.get(`/api/v1/contracts?search=${encodeURIComponent(name)}`);
  expect(((await found.json()) as { total: number }).total).toBe(1);

  // Clone again and Save: the copy is made then, and its History says it was cloned.
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name }).first().dblclick();
  await card.getByRole('button', { name: 'Clone' }).click();
  await expect(copy.getByLabel('Name')).toHaveValue(`${name} (copy)`);
  await copy.getByRole('button', { name: 'Save' }).click();
  await expect(copy).toBeHidden();
  await expect(page.getByText('Contract saved')).toBeVisible();
  const copied = page.getByRole('row', { name: `${name} (copy)` });
  await expect(copied).toHaveCount(1);
  await copied.dblclick();
  const saved = page.getByRole('dialog', { name: `${name} (copy)` });
  await expect(saved.getByLabel('Blocking limit')).toHaveValue('5000.00');

  // Delete the copy; Show deleted brings it back into the list, marked.
  await saved.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(saved).toBeHidden();
  await expect(page.getByText(`${name} (copy) deleted; Show deleted finds it`)).toBeVisible();
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
