import { expect, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  choose,
  createPartnerViaApi,
  createViaApi,
  signIn,
  unique,
  validImei,
} from './support';

interface Run {
  id: number;
  day: string;
  objectsCharged: number;
  transfersCreated: number;
  alreadyCharged: number;
  issuesCount: number;
}

/** A day as the forms and lists show it, in the browser's (and the server's) calendar. */
function isoDay(offsetDays = 0) {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/*
 * The Tariffs section: a new tariff, then a new price from a later day; the tariff keeps both
 * versions, the one in force today and the scheduled one.
 */
test('Tariffs: add a tariff and a new price version from a future day', async ({ page }) => {
  const name = unique('Fleet Basic ');
  const later = isoDay(10);

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Tariffs' }).click();
  await expect(page.getByRole('heading', { name: 'Tariffs' })).toBeVisible();
  await page.getByRole('button', { name: 'Add' }).click();
  const add = page.getByRole('dialog', { name: 'Add tariff' });
  await add.getByLabel('Name').fill(name);
  await choose(page, add.getByLabel('Currency'), 'RUB', 'RUB — Russian Ruble');
  await expect(add.getByLabel('Period')).toBeVisible();
  await add.getByLabel('Price', { exact: true }).fill('300');
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toBeHidden();

  await page.getByRole('searchbox', { name: 'Search by name' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search by name' }).press('Enter');
  const row = page.getByRole('row', { name });
  await expect(row).toContainText('300.00 RUB');
  await expect(row).toContainText('Per month');
  await expect(row).toContainText('Platform');

  await row.dblclick();
  const card = page.getByRole('dialog', { name });
  await card.getByRole('tab', { name: 'Price versions' }).click();
  await card.getByRole('button', { name: 'New price' }).click();
  const newPrice = page.getByRole('dialog', { name: `New price of ${name}` });
  await newPrice.getByLabel('Price', { exact: true }).fill('350.50');
  const effectiveFrom = newPrice.getByLabel('Effective from');
  await effectiveFrom.click();
  await effectiveFrom.fill(later);
  await effectiveFrom.press('Enter');
  await newPrice.getByRole('button', { name: 'Add price' }).click();
  await expect(newPrice).toBeHidden();

  const versions = card.getByRole('table', { name: 'Price versions' });
  await expect(versions.getByRole('row')).toHaveCount(3); // the header and two versions
  await expect(versions.getByRole('row').nth(1)).toContainText('350.50 RUB');
  await expect(versions.getByRole('row').nth(1)).toContainText(later);
  await expect(versions.getByRole('row').nth(1)).toContainText('Scheduled');
  await expect(versions.getByRole('row').nth(2)).toContainText('300.00 RUB');
  await expect(versions.getByRole('row').nth(2)).toContainText(isoDay());
  await expect(versions.getByRole('row').nth(2)).toContainText('In force');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toBeHidden();
  // Today's price is still the first one.
  await expect(row).toContainText('300.00 RUB');
});

/*
 * The Billing page: the super administrator runs today's billing; the run appears with its counts
 * and its report. The page follows the language switch.
 */
test('Billing: run billing for today and read the run', async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const tariff = await createViaApi(session, '/tariffs', {
    name: unique('Billing tariff '),
    currency: 'RUB',
    period: 'day',
    price: '12.00',
  });
  const partner = await createPartnerViaApi(session, {
    name: unique('Billing Partner '),
    login: unique('billing'),
    priceTariffId: tariff.id,
  });
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name: unique('Billing Contract '),
    currency: 'RUB',
    accountType: 'postpayment',
  });
  await createViaApi(session, '/objects', {
    contractId: contract.id,
    name: unique('Billed Truck '),
    deviceId: validImei(),
  });
  const today = isoDay();

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible();
  await expect(page.getByLabel('Day', { exact: true })).toHaveValue(today);
  const startRun = async () => {
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/billing/runs') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Run billing' }).click();
    const response = await answer;
    expect(response.status()).toBe(201);
    const { runs } = (await response.json()) as { runs: Run[] };
    expect(runs).toHaveLength(1);
    expect(runs[0]!.day).toBe(today);
    return runs[0]!;
  };
  const runsTable = page.getByRole('table', { name: 'Billing runs' });
  const rowOf = (run: Run) => runsTable.getByRole('row', { name: `Run ${run.id} for ${today}`, exact: true });

  const run = await startRun();
  // At least the object made above, charged for the first time today.
  expect(run.objectsCharged).toBeGreaterThanOrEqual(1);
  const runRow = rowOf(run);
  await expect(runRow).toContainText('Completed');
  await expect(runRow).toContainText(`Operator (${ADMIN.login})`);
  await expect(runRow.getByRole('cell').nth(3)).toHaveText(String(run.objectsCharged));
  await expect(runRow.getByRole('cell').nth(4)).toHaveText(String(run.transfersCreated));
  await expect(runRow.getByRole('cell').nth(6)).toHaveText(String(run.issuesCount));
  await expect(runRow).toContainText('RUB');

  await runRow.dblclick();
  const report = page.getByRole('dialog', { name: `Billing run for ${today}` });
  await expect(report.getByRole('table', { name: 'Charged by level' })).toContainText(
    'Contracts to partners',
  );
  await expect(report.getByRole('table', { name: 'Issues' })).toBeVisible();
  await report.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();
  await expect(report).toBeHidden();

  // The same day again charges nothing twice: what the first run charged is counted as already charged.
  const rerun = await startRun();
  expect(rerun.objectsCharged).toBe(0);
  expect(rerun.alreadyCharged).toBeGreaterThanOrEqual(1);
  await expect(rowOf(rerun)).toContainText('Completed');
  await expect(rowOf(rerun).getByRole('cell').nth(3)).toHaveText('0');

  await page.getByText('Русский').click();
  await expect(page.getByRole('heading', { name: 'Начисления' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Запустить начисление' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Запуски начисления' }).getByRole('row', {
      name: `Запуск ${run.id} за ${today}`,
      exact: true,
    }),
  ).toContainText('Завершён');
});
