import { expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const ADMIN = { login: 'admin', password: 'E2e-operator-passphrase' };
export const PARTNER_PASSWORD = 'Gentle-river-stone-42';

let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;

/** An API session as the super administrator, for building the data a journey starts from. */
export async function adminApi(baseURL: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/api/v1/auth/login', { data: ADMIN });
  expect(response.status()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
}

export async function createPartnerViaApi(
  session: { api: APIRequestContext; csrf: string },
  fields: Record<string, unknown>,
): Promise<{ id: number; login: string; name: string; version: number }> {
  const response = await session.api.post('/api/v1/partners', {
    headers: { 'x-csrf-token': session.csrf },
    data: { currency: 'RUB', accountType: 'prepayment', password: PARTNER_PASSWORD, ...fields },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number; login: string; name: string; version: number };
}

/**
 * Signs in from the Partners section's address, where most journeys start; the app returns there after
 * the login (a user without that section lands on its home page, as one signing in at / does).
 */
export async function signIn(page: Page, login: string, password: string) {
  await page.goto('/partners');
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * Picks an option of an Ant Design select by its visible text. The options a person sees are not
 * the hidden accessibility list, so they are found by their title within the open dropdown.
 */
export async function choose(page: Page, select: Locator, search: string | null, optionText: string) {
  // The keyboard way in: focus, open with ArrowDown, type to search (a chosen value would intercept a click).
  await select.focus();
  await page.keyboard.press('ArrowDown');
  if (search !== null) await page.keyboard.type(search);
  // A dropdown still closing (the previous select's) is left out: it would swallow the click.
  const option = page
    .locator('.ant-select-dropdown:not(.ant-slide-up-leave):visible .ant-select-item-option')
    .filter({
      has: page.locator(`xpath=self::*[@title=${JSON.stringify(optionText)}]`),
    });
  await option.first().click();
}

/** A 15-digit IMEI whose last digit is its Luhn check digit, unique to this run. */
export function validImei(): string {
  const body = `35${Date.now().toString().slice(-9)}${String(++counter).padStart(3, '0')}`.slice(0, 14);
  const sum = [...body].reduce((total, character, index) => {
    const digit = Number(character);
    // From the right, every second digit next to the check digit is doubled.
    if (index % 2 === 1) return total + (digit * 2 > 9 ? digit * 2 - 9 : digit * 2);
    return total + digit;
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export async function createViaApi<T = { id: number; name: string }>(
  session: { api: APIRequestContext; csrf: string },
  path: string,
  data: Record<string, unknown>,
): Promise<T> {
  const response = await session.api.post(`/api/v1${path}`, {
    headers: { 'x-csrf-token': session.csrf },
    data,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

/** Opens a contract's window from the Contracts section (searched by name) on its Finance tab. */
export async function openContractFinance(page: Page, name: string) {
  await page.getByRole('menuitem', { name: 'Contracts' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name }).dblclick();
  const card = page.getByRole('dialog', { name });
  await card.getByRole('tab', { name: 'Finance' }).click();
  return { card, tab: card.getByRole('tabpanel', { name: 'Finance' }) };
}
