import { expect, test, type Page } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, createViaApi, signIn, unique } from './support';

/** The focused element's name, as a screen reader would read it (its label, else its text). */
function focusedName(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
    return (
      element.getAttribute('aria-label') ??
      label?.textContent ??
      element.closest('label')?.textContent ??
      element.innerText
    ).trim();
  });
}

/** The names focused by `presses` Tab presses from the list's search box. */
async function tabsFromSearch(page: Page, search: string, presses: number) {
  await page.getByRole('searchbox', { name: search }).focus();
  const names: string[] = [];
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    names.push(await focusedName(page));
  }
  return names;
}

/*
 * Issue 15, item 15: from a list's search box to its first row took 29 Tab presses through every sort
 * and filter control of the header. The header is one tab stop now, its controls reached with the
 * arrow keys (a roving tabindex, as accessible grids do), in both languages.
 */
test('a list header is one tab stop: the arrows move through its controls, the next Tab reaches the rows', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(session, {
    name: unique('Header Keys Partner '),
    login: unique('hk'),
  });
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name: unique('Header Keys Contract '),
    currency: 'RUB',
    accountType: 'prepayment',
  });

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Contracts' }).click();
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill(contract.name);
  await search.press('Enter');
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: contract.name, exact: true })).toBeVisible();
  // The search is forgiving (other journeys' contracts with like names may be found too): the row the
  // Tab reaches is the list's first, whichever it is.
  const row = table.locator('tbody tr[data-row-key]').first();
  const firstName = (await row.getAttribute('aria-label'))!;

  // Search button, Show deleted, Clear filters, Columns, the header (one stop), then the first row.
  expect(await tabsFromSearch(page, 'Search', 6)).toEqual([
    'Search',
    'Show deleted',
    'Clear filters',
    'Columns',
    'ID',
    firstName,
  ]);
  await expect(row).toBeFocused();

  // Back into the header, then across it with the arrow keys: a sort title, its filter, the next title.
  await page.keyboard.press('Shift+Tab');
  const header = table.locator('thead');
  await expect(header.getByRole('columnheader', { name: 'ID' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(header.getByRole('button', { name: 'Filter by ID' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(header.getByRole('columnheader', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(header.getByRole('button', { name: 'Filter by ID' })).toBeFocused();

  // The last control, reached with End, opens its filter with Enter; Escape gives the focus back.
  await page.keyboard.press('End');
  const last = header.getByRole('button', { name: /^Filter by / }).last();
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-table-filter-dropdown').last()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-table-filter-dropdown').last()).toBeHidden();

  // Home, then Enter sorts by that column; the header still holds one tab stop, the one last used.
  await last.focus();
  await page.keyboard.press('Home');
  const idTitle = header.getByRole('columnheader', { name: 'ID' });
  await expect(idTitle).toBeFocused();
  // The list opens sorted by its ID, ascending; Enter turns the order.
  await expect(idTitle).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(idTitle).toHaveAttribute('aria-sort', 'descending');
  await expect(header.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(row).toBeFocused();

  // The same in Russian.
  await page.getByText('Русский').click();
  await expect(page.getByRole('heading', { name: 'Договоры' })).toBeVisible();
  // Sorted by ID descending now: the first row may be another.
  const firstNow = (await row.getAttribute('aria-label'))!;
  expect(await tabsFromSearch(page, 'Поиск', 6)).toEqual([
    'Найти',
    'Показать удалённые',
    'Сбросить фильтры',
    'Столбцы',
    'ID',
    firstNow,
  ]);
});
