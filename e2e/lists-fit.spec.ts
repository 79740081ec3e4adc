import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, createViaApi, signIn, unique, validImei } from './support';

/*
 * Issue 15, item 11: on a 1366×768 screen every list's default columns fit beside the navigation
 * without a sideways scrollbar, in English and in Russian (whose headers are longer), the page never
 * scrolls sideways, and the right-most column filter's pop-up, with its list of choices, is whole.
 */
test.use({ viewport: { width: 1366, height: 768 } });

const sections = ['/partners', '/contracts', '/objects', '/users', '/tariffs', '/staff', '/billing'];
/** The tabs of a partner's and of a contract's window that hold a list (their keys, not their labels). */
const partnerTabs = ['contracts', 'objects', 'users', 'finance', 'staff'];
const contractTabs = ['users', 'objects', 'finance'];

/** Records whose texts are as long as real ones get: a long login and email, names of several words. */
async function makeRecords(baseURL: string) {
  const session = await adminApi(baseURL);
  const tariff = await createViaApi(session, '/tariffs', {
    name: unique('Стандарт GPS-мониторинг '),
    currency: 'RUB',
    period: 'day',
    price: '12.00',
  });
  const partner = await createPartnerViaApi(session, {
    name: unique('Северо-Западная Телематика '),
    login: unique('northwesterntelematics'),
    priceTariffId: tariff.id,
    email: 'office.saint-petersburg@northwestern-telematics.ru',
    phone: '+78121234567',
    comment: 'Дилер по Санкт-Петербургу и Ленинградской области',
  });
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name: unique('ООО Балтийские Грузоперевозки '),
    currency: 'RUB',
    accountType: 'prepayment',
    email: 'dispatch.department@baltic-cargo-transport.ru',
    phone: '+78129876543',
    code1c: unique('BK-'),
  });
  await createViaApi(session, '/objects', {
    contractId: contract.id,
    name: 'Volvo FH16 тягач А123ВС78',
    deviceId: validImei(),
    plateNumber: 'А123ВС78',
    simPhone: '+79111234567',
  });
  await createViaApi(session, '/users', {
    contractId: contract.id,
    login: unique('chiefdispatcher'),
    name: 'Константинопольский Александр Вячеславович',
    email: 'chief.dispatcher@baltic-cargo-transport.ru',
    password: 'Quiet-harbour-lantern-73',
    type: 'user',
  });
  await createViaApi(session, '/staff', {
    partnerId: partner.id,
    login: unique('accountant'),
    password: 'Quiet-harbour-lantern-73',
    rights: ['partners:read'],
  });
  const paid = await session.api.post('/api/v1/finance/payments', {
    headers: { 'x-csrf-token': session.csrf, 'idempotency-key': unique('fit-') },
    data: { contractId: contract.id, amount: '125000.00', valueDate: new Date().toLocaleDateString('sv-SE') },
  });
  expect(paid.status(), await paid.text()).toBe(201);
  return { partner, contract };
}

/** The first list in `scope` fits its place and the page; its right-most filter's pop-up is whole. */
async function expectListFits(page: Page, scope: Locator, what: string) {
  const table = scope.locator('.ant-table-wrapper').first();
  await expect(table.locator('thead th').first()).toBeVisible();
  await expect(table.locator('.ant-spin-spinning')).toHaveCount(0);
  const overflow = () =>
    table.locator('.ant-table-content').evaluate((box) => box.scrollWidth - box.clientWidth);
  await expect.poll(overflow, { message: `${what}: the list scrolls sideways` }).toBeLessThanOrEqual(0);
  const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await expect.poll(pageOverflow, { message: `${what}: the page scrolls sideways` }).toBeLessThanOrEqual(0);

  // antd also renders hidden copies of the header's buttons for measuring: only the header's count.
  const filters = table.locator('thead .ant-table-filter-trigger');
  if ((await filters.count()) === 0) return;
  await filters.last().click();
  const popup = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-table-filter-dropdown');
  await expect(popup, `${what}: the right-most filter's pop-up`).toBeInViewport({ ratio: 1 });
  const choices = popup.locator('.ant-select');
  if ((await choices.count()) > 0) {
    await choices.click();
    const options = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await expect(options.last(), `${what}: the filter's last choice`).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
}

/** Opens the record of `name` from its section's list, searched for by name. */
async function openRecord(page: Page, section: string, name: string) {
  await page.goto(section);
  const search = page.getByRole('searchbox').first();
  await search.fill(name);
  await search.press('Enter');
  await page.getByRole('row', { name }).dblclick();
  const window = page.getByRole('dialog', { name });
  await expect(window.getByRole('tab').first()).toBeVisible();
  return window;
}

for (const language of ['English', 'Русский']) {
  test(`at 1366×768 every list fits without scrolling sideways (${language})`, async ({ page, baseURL }) => {
    test.setTimeout(240_000);
    const { partner, contract } = await makeRecords(baseURL!);
    await signIn(page, ADMIN.login, ADMIN.password);
    await page.getByText(language, { exact: true }).click();

    for (const section of sections) {
      await page.goto(section);
      await expectListFits(page, page.locator('main'), `${language} ${section}`);
    }
    for (const [section, name, tabs] of [
      ['/partners', partner.name, partnerTabs],
      ['/contracts', contract.name, contractTabs],
    ] as const) {
      const window = await openRecord(page, section, name);
      for (const tab of tabs) {
        await window.locator(`.ant-tabs-tab[data-node-key="${tab}"]`).click();
        await expectListFits(
          page,
          window.locator('.ant-tabs-tabpane-active'),
          `${language} ${section} ${tab}`,
        );
      }
      await window.getByRole('button', { name: language === 'English' ? 'Cancel' : 'Отмена' }).click();
      await expect(window).toBeHidden();
    }
  });
}
