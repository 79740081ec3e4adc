import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, signIn } from './support';

/*
 * Issue 15, item 1: a reference select picks what was typed. "RUB" + Enter is RUB (not the first
 * option containing "rub", Aruban Florin); "Moscow" + Enter is Moscow, not Moscow Oblast; a region is
 * found by its name in either language, and shows its country.
 */

async function typeAndEnter(page: Page, select: Locator, text: string) {
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The text a select shows as chosen: the selection item of the select around the labelled combobox. */
const chosen = (window: Locator, label: string) =>
  window
    .getByLabel(label, { exact: true })
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .locator('.ant-select-selection-item');

test('typing a code or a name and Enter chooses that very option, in either language', async ({ page }) => {
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Partners' }).click();
  await page.getByRole('button', { name: 'Add' }).click();
  const window = page.getByRole('dialog', { name: 'Add partner' });
  await window.getByRole('tab', { name: 'Main settings' }).click();

  await typeAndEnter(page, window.getByLabel('Currency', { exact: true }), 'RUB');
  await expect(chosen(window, 'Currency')).toHaveText('RUB — Russian Ruble');
  await typeAndEnter(page, window.getByLabel('Currency', { exact: true }), 'euro');
  await expect(chosen(window, 'Currency')).toHaveText('EUR — Euro');

  await typeAndEnter(page, window.getByLabel('Region'), 'Moscow');
  await expect(chosen(window, 'Region')).toHaveText('Moscow (RU-MOW)');
  // The Russian name in the English interface; the country is shown beside the region.
  await window.getByLabel('Region').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('Санкт-Пет');
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await expect(option).toContainText('Saint Petersburg (RU-SPE)');
  await expect(option).toContainText('Russia');
  await page.keyboard.press('Enter');
  await expect(chosen(window, 'Region')).toHaveText('Saint Petersburg (RU-SPE)');
});

test('in the Russian interface an English name finds the region', async ({ page }) => {
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByText('Русский').click();
  await page.getByRole('menuitem', { name: 'Партнёры' }).click();
  await page.getByRole('button', { name: 'Добавить' }).click();
  const window = page.getByRole('dialog');
  await window.getByRole('tab', { name: 'Основные настройки' }).click();
  await typeAndEnter(page, window.getByLabel('Регион'), 'Moscow');
  await expect(chosen(window, 'Регион')).toHaveText('Москва (RU-MOW)');
});
