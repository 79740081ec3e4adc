import { expect, test, type Page } from '@playwright/test';
import { ADMIN, unique } from './support';

/** Presses Tab until the focused element matches, as a person would; fails after `limit` presses. */
async function tabTo(
  page: Page,
  matches: (element: { text: string; label: string; role: string }) => boolean,
  limit = 60,
) {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const labelledBy = element?.id
        ? document.querySelector(`label[for="${element.id}"]`)?.textContent
        : null;
      return {
        text: element?.innerText?.trim() ?? '',
        label: element?.getAttribute('aria-label') ?? labelledBy ?? '',
        role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? '',
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('the element was not reached with Tab');
}

test('the seed flow works with the keyboard alone', async ({ page }) => {
  const name = unique('Keyboard Partner ');
  await page.goto('/partners');
  await page.getByLabel('Login').focus();
  await page.keyboard.type(ADMIN.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Partners' })).toBeVisible();

  await tabTo(page, (element) => element.text === 'Add');
  await page.keyboard.press('Enter');
  const window = page.getByRole('dialog', { name: 'Add partner' });
  await expect(window).toBeVisible();
  await tabTo(page, (element) => element.label === 'Name');
  await page.keyboard.type(name);
  await tabTo(page, (element) => element.label === 'Currency');
  await page.keyboard.type('RUB — R');
  await page.keyboard.press('Enter');
  await tabTo(page, (element) => element.label === 'Login');
  await page.keyboard.type(unique('keys'));
  await page.keyboard.press('Tab');
  await page.keyboard.type('Quiet-harbour-lantern-7');
  await page.keyboard.press('Enter');
  await expect(window).toBeHidden();

  // The new partner's row is reached with Tab and opened with Enter.
  await tabTo(page, (element) => element.label === name, 120);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name }).getByLabel('Name')).toHaveValue(name);
});
