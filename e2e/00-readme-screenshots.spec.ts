import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, signIn, unique } from './support';

/*
 * The README's pictures: the list and a filled Main settings tab, in English and in Russian. The file
 * name sorts first so the pictures show only the partners made here, on the fresh database.
 */
test('screenshots of the partners list and the Main settings tab in both languages', async ({
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
});
