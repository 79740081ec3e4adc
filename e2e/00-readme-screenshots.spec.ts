import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, createViaApi, signIn, unique, validImei } from './support';

/*
 * The README's pictures: the list and a filled Main settings tab, in English and in Russian, and a
 * contract's card and the Objects section. The file name sorts first so the pictures show only the
 * records made here, on the fresh database.
 */
test('screenshots of the partners list and tree, Main settings, a contract, its Finance tab, the objects list and the home page', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const tariffResponse = await session.api.post('/api/v1/tariffs', {
    headers: { 'x-csrf-token': session.csrf },
    data: { name: 'Standard KZ', currency: 'KZT', period: 'month', price: '2500.00' },
  });
  const tariff = (await tariffResponse.json()) as { id: number };
  const dealer = await createPartnerViaApi(session, {
    name: 'Altyn Telematics',
    priceTariffId: tariff.id,
    vatPercent: '16',
    code1c: 'ALT-001',
    organizationType: 'KZ-TOO',
    additionalCurrencies: ['USD'],
    accountType: 'postpayment',
    login: unique('altyn'),
    email: 'info@altyn.example',
    phone: '+7 701 555 12 34',
    region: 'KZ-75',
    currency: 'KZT',
    iin: '900101300126',
    comment: 'Almaty dealer',
  });
  for (const [name, region] of [
    ['Baikal Track', 'RU-IRK'],
    ['Volga Fleet Service', 'RU-SAM'],
    ['Minsk GPS', 'BY-HM'],
  ] as const) {
    await createPartnerViaApi(session, { name, login: unique('p'), region, parentId: dealer.id });
  }

  const contracts = [];
  for (const [name, accountType] of [
    ['Almaty Logistics LLP', 'prepayment'],
    ['Steppe Cargo', 'postpayment'],
  ] as const) {
    contracts.push(
      await createViaApi(session, '/contracts', {
        partnerId: dealer.id,
        name,
        currency: 'KZT',
        accountType,
        email: 'fleet@example.kz',
      }),
    );
  }
  for (const [index, name] of ['MAN TGX 18.440', 'Volvo FH 460', 'KAMAZ 54901', 'Ford Transit'].entries()) {
    await createViaApi(session, '/objects', {
      contractId: contracts[index % 2]!.id,
      name,
      deviceId: validImei(),
      deviceType: 'Teltonika FMC130',
      plateNumber: `${123 + index}ABC02`,
      simPhone: `+7701555${String(1000 + index)}`,
    });
  }

  // Money on the first contract for the Finance tab's picture: an advance payment, then a write-off.
  for (const [path, amount, comment] of [
    ['payments', '45000.00', 'Bank transfer, invoice 1187'],
    ['write-offs', '3200.00', 'Installation of two trackers'],
  ] as const) {
    const response = await session.api.post(`/api/v1/finance/${path}`, {
      headers: { 'x-csrf-token': session.csrf, 'idempotency-key': unique('readme-') },
      data: { contractId: contracts[0]!.id, amount, comment },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  await signIn(page, ADMIN.login, ADMIN.password);
  for (const language of ['en', 'ru'] as const) {
    await page.evaluate((value) => localStorage.setItem('fleetdesk.language', value), language);
    await page.reload();
    await expect(page.getByRole('row', { name: 'Altyn Telematics' })).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/partners-list-${language}.png` });
    await page.getByRole('row', { name: 'Altyn Telematics' }).dblclick();
    await expect(
      page.getByRole('dialog', { name: 'Altyn Telematics' }).getByRole('textbox').first(),
    ).toHaveValue('Altyn Telematics');
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page
      .getByRole('dialog')
      .screenshot({ path: `docs/screenshots/partner-main-settings-${language}.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('Escape');
  }

  await page.evaluate(() => localStorage.setItem('fleetdesk.language', 'en'));
  await page.reload();
  await page.getByRole('menuitem', { name: 'Contracts' }).click();
  await page.getByRole('row', { name: 'Almaty Logistics LLP' }).dblclick();
  const contract = page.getByRole('dialog', { name: 'Almaty Logistics LLP' });
  await expect(contract.getByLabel('Name', { exact: true })).toHaveValue('Almaty Logistics LLP');
  await page.setViewportSize({ width: 1280, height: 1300 });
  await contract.screenshot({ path: 'docs/screenshots/contract-basic-settings-en.png' });
  await contract.getByRole('tab', { name: 'Finance', exact: true }).click();
  await expect(contract.getByRole('cell', { name: 'Installation of two trackers' })).toBeVisible();
  await contract.screenshot({ path: 'docs/screenshots/contract-finance-en.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: 'Objects' }).click();
  await expect(page.getByRole('row', { name: 'Volvo FH 460' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/objects-list-en.png' });

  // The home page: what needs attention, each item a link.
  await page.getByRole('menuitem', { name: 'Home' }).click();
  await expect(page.getByTestId('home-payments')).toContainText('Almaty Logistics LLP');
  await page.screenshot({ path: 'docs/screenshots/home-en.png' });

  // The partners as a tree, the dealer's level open.
  await page.getByRole('menuitem', { name: 'Partners' }).click();
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Tree', { exact: true }).click();
  const tree = page.getByRole('tree');
  await tree
    .getByRole('treeitem')
    .filter({ hasText: 'Altyn Telematics' })
    .locator('.ant-tree-switcher')
    .click();
  await expect(tree.getByRole('treeitem').filter({ hasText: 'Minsk GPS' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/partners-tree-en.png' });
  // The next journeys start from the table.
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Table', { exact: true }).click();
});
