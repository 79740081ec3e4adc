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

/*
 * Bulk import of objects from a csv file with good and bad rows: the good ones are created, each bad
 * one is reported with its row number and the reason, and nothing of a bad row is created.
 */
test('importing a csv of objects reports the refused rows and creates the good ones', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const tariff = await createViaApi(session, '/tariffs', {
    name: unique('Import tariff '),
    currency: 'RUB',
    period: 'day',
    price: '12.00',
  });
  const partner = await createPartnerViaApi(session, {
    name: unique('Import Partner '),
    login: unique('importer'),
    priceTariffId: tariff.id,
  });
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name: unique('Import Contract '),
    currency: 'RUB',
    accountType: 'prepayment',
  });
  const good = [unique('Truck A '), unique('Truck B ')];
  const [imeiA, imeiB] = [validImei(), validImei()];
  const badImei = `${imeiA.slice(0, 14)}${(Number(imeiA[14]) + 1) % 10}`;
  const csv = [
    'Name,Device ID,Plate number,ICCID',
    `${good[0]},${imeiA},A001AA77,`,
    `${unique('Bad IMEI ')},${badImei},,`, // row 3: the check digit is wrong
    `${good[1]},${imeiB},,`,
    `${unique('Bad ICCID ')},${validImei()},,8970101234567890129`, // row 5: ICCID check digit
    `,${validImei()},,`, // row 6: no name
  ].join('\n');

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Objects' }).click();
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import objects' });
  await choose(
    page,
    dialog.getByLabel('Import into contract'),
    contract.name,
    `${contract.name} (${partner.name})`,
  );
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'objects.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(dialog.getByText('2 objects created')).toBeVisible();
  await expect(dialog.getByText('Refused: 3 rows')).toBeVisible();
  const refused = dialog.getByRole('table', { name: 'Refused rows' });
  await expect(refused.getByRole('row')).toHaveCount(4); // the header and three rows
  await expect(refused.getByRole('row').nth(1)).toContainText('3');
  await expect(refused.getByRole('row').nth(1)).toContainText('Device ID');
  await expect(refused.getByRole('row').nth(2)).toContainText('5');
  await expect(refused.getByRole('row').nth(2)).toContainText('ICCID');
  await expect(refused.getByRole('row').nth(3)).toContainText('6');
  await expect(refused.getByRole('row').nth(3)).toContainText('Name');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The good rows are in the list with the partner's Price; nothing of the refused rows is.
  const search = page.getByRole('searchbox', { name: 'Search by name, device ID, plate or SIM' });
  for (const [name, imei] of [
    [good[0], imeiA],
    [good[1], imeiB],
  ] as [string, string][]) {
    await search.fill(imei);
    await search.press('Enter');
    await expect(page.getByRole('row', { name })).toContainText(tariff.name);
  }
  await search.fill(badImei);
  await search.press('Enter');
  await expect(
    page.getByRole('table', { name: 'Objects' }).getByRole('img', { name: 'No data' }),
  ).toBeVisible();
});
