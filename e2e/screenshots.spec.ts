import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, signIn, unique } from './support';

/* The README's pictures: the list and a filled Main settings tab, in English and in Russian. */
test('screenshots of the partners list and the Main settings tab in both languages', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const dealer = await createPartnerViaApi(session, {
    name: 'Altyn Telematics',
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
    await page.screenshot({ path: `docs/screenshots/partner-main-settings-${language}.png`, fullPage: true });
    await page.keyboard.press('Escape');
  }
});
