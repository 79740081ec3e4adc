import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { ADMIN, adminApi, choose, createPartnerViaApi, createViaApi, signIn, unique } from './support';

/** The day the server names its files with: today in UTC (the server runs on this machine). */
const today = () => new Date().toISOString().slice(0, 10);

/** Clicks what starts a download and gives the download with its text. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<[Download, string]> {
  const download = page.waitForEvent('download');
  await click();
  const done = await download;
  return [done, await readFile(await done.path(), 'utf8')];
}

/*
 * Exports from the Russian interface open in a Russian Excel as they are: a csv named with the day,
 * with a byte-order mark, semicolons and decimal commas. The object import dialog offers a sample
 * file in the interface's language, and that sample imports as it is.
 */
test('in Russian an export is a dated csv with semicolons, and the import sample imports', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const tariff = await createViaApi(session, '/tariffs', {
    name: unique('Export tariff '),
    currency: 'RUB',
    period: 'day',
    price: '12.00',
  });
  const partner = await createPartnerViaApi(session, {
    name: unique('Экспорт '),
    login: unique('exporter'),
    priceTariffId: tariff.id,
    deposit: '1500.50',
  });
  const { balance } = (await (await session.api.get(`/api/v1/partners/${partner.id}`)).json()) as {
    balance: string;
  };
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name: unique('Export Contract '),
    currency: 'RUB',
    accountType: 'prepayment',
  });

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByText('Русский').click();
  await page.getByRole('menuitem', { name: 'Партнёры' }).click();
  await expect(page.getByRole('heading', { name: 'Партнёры' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Поиск' });
  await search.fill(partner.name);
  await search.press('Enter');
  await expect(page.getByRole('row', { name: partner.name })).toBeVisible();

  const [partners, partnersCsv] = await downloadBy(page, async () => {
    await page.getByRole('button', { name: 'Экспорт' }).click();
    await page.getByRole('menuitem', { name: 'CSV' }).click();
  });
  expect(partners.suggestedFilename()).toBe(`partners-${today()}.csv`);
  expect(partnersCsv.charCodeAt(0)).toBe(0xfeff);
  const lines = partnersCsv.slice(1).trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^ID;Наименование;Тариф;Баланс;Валюта;/);
  expect(lines[1]).toContain(
    `${partner.id};${partner.name};${tariff.name};${balance.replace('.', ',')};RUB;`,
  );

  await page.getByRole('menuitem', { name: 'Объекты' }).click();
  await page.getByRole('button', { name: 'Импорт' }).click();
  const dialog = page.getByRole('dialog', { name: 'Импорт объектов' });
  const [sample, sampleCsv] = await downloadBy(page, () =>
    dialog.getByRole('group', { name: 'Скачать пример файла' }).getByRole('button', { name: 'CSV' }).click(),
  );
  expect(sample.suggestedFilename()).toBe(`objects-import-sample-${today()}.csv`);
  expect(sampleCsv.slice(1).split('\n')[0]).toBe(
    'Наименование;ID устройства;Тип устройства;Телефон SIM;SIM 2;ICCID;Оператор SIM;Госномер;Активен;Активен с;Активен по;ID договора',
  );

  // The sample, as downloaded, imports into the chosen contract.
  await choose(
    page,
    dialog.getByLabel('Импортировать в договор'),
    contract.name,
    `${contract.name} (${partner.name})`,
  );
  await dialog.locator('input[type=file]').setInputFiles(await sample.path());
  await dialog.getByRole('button', { name: 'Импортировать', exact: true }).click();
  await expect(dialog.getByText('Создан 1 объект')).toBeVisible();
});
