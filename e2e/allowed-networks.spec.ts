import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, choose, createPartnerViaApi, signIn, unique } from './support';

/*
 * Allowed networks in a partner's Configuration tab: a list of IPv4 and IPv6 addresses and networks
 * is saved and shown as the server normalised it; an invalid CIDR is refused, and the server's
 * message shows under the field (aria-invalid), not in a general alert.
 */
test('Allowed networks: a list is saved, an invalid CIDR is refused on the field', async ({
  page,
  baseURL,
}) => {
  const admin = await adminApi(baseURL!);
  const name = unique('Networks Partner ');
  await createPartnerViaApi(admin, { name, login: unique('networks') });

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name }).dblclick();
  const card = page.getByRole('dialog', { name });
  await card.getByRole('tab', { name: 'Configuration' }).click();
  const tab = card.getByRole('tabpanel', { name: 'Configuration' });

  await tab
    .getByRole('toolbar', { name: 'Configuration actions' })
    .getByRole('button', { name: 'Add' })
    .click();
  const editor = page.getByRole('dialog', { name: 'Add a setting' });
  await choose(page, editor.getByRole('combobox', { name: 'Setting' }), 'Allowed', 'Allowed networks');
  const networks = editor.getByRole('textbox', { name: 'Allowed networks' });

  await networks.fill('10.0.0.0/8, 192.0.2.300/24');
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  const refusal =
    'Enter addresses or networks separated by commas, like 10.0.0.0/8, 192.0.2.1 or 2001:db8::/32';
  await expect(editor.getByText(refusal)).toBeVisible();
  await expect(networks).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('alert')).toHaveCount(0);

  await networks.fill('10.0.0.0/8,  192.0.2.1 , 2001:db8::/32');
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(editor).toBeHidden();
  const row = tab.getByRole('row').filter({ hasText: 'Allowed networks' });
  await expect(row).toContainText('10.0.0.0/8, 192.0.2.1, 2001:db8::/32');
  await admin.api.dispose();
});
