import { expect, test, type Page } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, PARTNER_PASSWORD, signIn, unique } from './support';

/** The Partners section shown as a tree (the choice is remembered in this browser). */
async function openTree(page: Page) {
  await page.getByRole('menuitem', { name: 'Partners' }).click();
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Tree', { exact: true }).click();
  return page.getByRole('tree', { name: 'Partner tree' });
}

/*
 * The partner tree: the super administrator expands a dealer's levels, searches a partner three levels
 * down and opens it with a click on its name; a partner administrator's tree starts at its own partner.
 */
test('the partner tree expands, searches, opens a partner, and stays inside the caller’s subtree', async ({
  page,
  browser,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  // The tree shows as many lines as fit its height (a virtual list), and the journeys before this one
  // leave many partners: this one's are named to sort first, so an expanded level is on screen.
  const dealer = await createPartnerViaApi(session, { name: unique('0 Tree dealer '), login: unique('td') });
  const branch = await createPartnerViaApi(session, {
    name: unique('0 Tree branch '),
    login: unique('tb'),
    parentId: dealer.id,
  });
  const leaf = await createPartnerViaApi(session, {
    name: unique('0 Tree leaf '),
    login: unique('tl'),
    parentId: branch.id,
  });
  const blocked = await createPartnerViaApi(session, {
    name: unique('0 Tree blocked '),
    login: unique('tk'),
    parentId: dealer.id,
    blocked: true,
  });
  const stranger = await createPartnerViaApi(session, {
    name: unique('0 Tree stranger '),
    login: unique('ts'),
  });

  await signIn(page, ADMIN.login, ADMIN.password);
  let tree = await openTree(page);
  const item = (name: string) => tree.getByRole('treeitem').filter({ hasText: name });
  const expand = (name: string) => item(name).locator('.ant-tree-switcher').click();

  // Top-level partners first; a level opens when its partner is expanded.
  await expect(item(dealer.name)).toContainText('2 sub-partners');
  await expect(item(stranger.name)).toBeVisible();
  await expect(item(branch.name)).toHaveCount(0);
  await expand(dealer.name);
  await expect(item(branch.name)).toContainText('1 sub-partner');
  await expect(item(blocked.name)).toContainText('Blocked');
  await expand(branch.name);
  await expect(item(leaf.name)).toBeVisible();

  // The choice of the tree is remembered.
  await page.reload();
  tree = page.getByRole('tree', { name: 'Partner tree' });
  await expect(item(dealer.name)).toBeVisible();

  // A search shows what it finds with its ancestors, opened down to it.
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill(leaf.name);
  await search.press('Enter');
  await expect(page.getByText('1 partner found')).toBeVisible();
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await expect(item(dealer.name)).toBeVisible();
  await expect(item(branch.name)).toBeVisible();
  await expect(item(leaf.name).locator('mark')).toHaveText(leaf.name);
  await expect(item(stranger.name)).toHaveCount(0);

  // A click on a partner's name opens its window, the one the table opens.
  await item(leaf.name).getByText(leaf.name).click();
  const window = page.getByRole('dialog', { name: leaf.name });
  await expect(window.getByLabel('Name')).toHaveValue(leaf.name);
  // Escape closes the window once it has put the focus in its first field.
  await expect(window.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(window).toBeHidden();

  // The branch's administrator: its tree starts at its own partner, and a search finds nothing above it.
  const context = await browser.newContext();
  const dealerPage = await context.newPage();
  await signIn(dealerPage, branch.login, PARTNER_PASSWORD);
  tree = await openTree(dealerPage);
  await expect(tree.getByRole('treeitem')).toHaveCount(2);
  await expect(item(branch.name)).toBeVisible();
  await expect(item(leaf.name)).toBeVisible();
  // The keyboard way: into the tree, down to its first partner, Enter opens it.
  await dealerPage.getByRole('checkbox', { name: 'Show deleted' }).focus();
  await dealerPage.keyboard.press('Tab');
  await dealerPage.keyboard.press('ArrowDown');
  await dealerPage.keyboard.press('Enter');
  const branchWindow = dealerPage.getByRole('dialog', { name: branch.name });
  await expect(branchWindow.getByLabel('Name')).toHaveValue(branch.name);
  await expect(branchWindow.getByLabel('Name')).toBeFocused();
  await dealerPage.keyboard.press('Escape');
  await expect(branchWindow).toBeHidden();
  for (const hidden of [dealer.name, stranger.name]) {
    const searchbox = dealerPage.getByRole('searchbox', { name: 'Search' });
    await searchbox.fill(hidden);
    await searchbox.press('Enter');
    await expect(dealerPage.getByText('No partner found')).toBeVisible();
    await expect(tree.getByRole('treeitem')).toHaveCount(0);
  }

  // Emptying the search goes back to the tree as browsed; in Russian, counts take Russian plural forms.
  await dealerPage.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(item(leaf.name)).toBeVisible();
  await dealerPage.getByText('Русский').click();
  tree = dealerPage.getByRole('tree', { name: 'Дерево партнёров' });
  await expect(dealerPage.getByRole('radiogroup', { name: 'Вид' })).toContainText('Дерево');
  await expect(item(branch.name)).toContainText('1 субпартнёр · 0 договоров · 0 объектов');
  await context.close();
});
