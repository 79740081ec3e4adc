import { expect, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  createPartnerViaApi,
  createViaApi,
  openContractFinance,
  signIn,
  unique,
  validImei,
} from './support';

/*
 * A billing day's charge in the contract's Finance tab sums its objects' days: the link opens the
 * objects behind it, and one object's day is refunded from there, once.
 */
test("the Finance tab: a day's charge lists its objects, and one object's day is refunded", async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const tariff = await createViaApi(session, '/tariffs', {
    name: unique('Per-day tariff '),
    currency: 'RUB',
    period: 'day',
    price: '12.00',
  });
  const partner = await createPartnerViaApi(session, {
    name: unique('Charge Partner '),
    login: unique('charge'),
    priceTariffId: tariff.id,
  });
  const name = unique('Two Trucks Haulage ');
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name,
    currency: 'RUB',
    accountType: 'postpayment',
  });
  const trucks = [unique('Refunded Truck '), unique('Kept Truck ')];
  for (const truck of trucks) {
    await createViaApi(session, '/objects', { contractId: contract.id, name: truck, deviceId: validImei() });
  }
  const run = await session.api.post('/api/v1/billing/runs', {
    data: { day: new Date().toLocaleDateString('sv-SE') },
    headers: { 'x-csrf-token': session.csrf },
  });
  expect(run.status()).toBe(201);

  await signIn(page, ADMIN.login, ADMIN.password);
  const { tab } = await openContractFinance(page, name);
  await expect(tab.getByTestId('finance-balance')).toHaveText('-24.00 RUB');
  const charge = tab
    .getByRole('table', { name: 'Transactions' })
    .getByRole('row')
    .filter({ hasText: 'Charge' });
  await expect(charge).toContainText('-24.00 RUB');

  await charge.getByRole('button', { name: '2 objects × 12.00 RUB' }).click();
  const objects = page.getByRole('dialog', { name: /2 objects × 12\.00 RUB/ });
  const list = objects.getByRole('table', { name: 'Objects of the charge' });
  await expect(list.getByRole('row')).toHaveCount(3); // the header and two objects
  const refunded = list.getByRole('row').filter({ hasText: trucks[0]! });
  await expect(refunded).toContainText('12.00 RUB');
  await refunded.getByRole('button', { name: 'Correct' }).click();
  const correction = page.getByRole('dialog', { name: 'Correct a transaction' });
  await expect(correction).toContainText(trucks[0]!);
  await correction.getByLabel('Reason').fill('Truck was in the workshop');
  await correction.getByRole('button', { name: 'Reverse' }).click();
  await expect(correction).toBeHidden();
  await expect(refunded).toContainText('Reversed');
  await expect(refunded.getByRole('button', { name: 'Correct' })).toHaveCount(0);
  await expect(
    list.getByRole('row').filter({ hasText: trucks[1]! }).getByRole('button', { name: 'Correct' }),
  ).toBeVisible();
  await objects.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();
  await expect(objects).toBeHidden();

  await expect(tab.getByTestId('finance-balance')).toHaveText('-12.00 RUB');
  const refund = tab.getByRole('table', { name: 'Transactions' }).getByRole('row').filter({
    hasText: 'Truck was in the workshop',
  });
  await expect(refund).toContainText('Correction');
  await expect(refund).toContainText(trucks[0]!);
  await expect(refund).toContainText('+12.00 RUB');
});
