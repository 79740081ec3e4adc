import { expect, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  createPartnerViaApi,
  createViaApi,
  PARTNER_PASSWORD,
  signIn,
  unique,
} from './support';

test('a blocked partner cannot sign in and is told why', async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const blocked = await createPartnerViaApi(session, {
    name: unique('Blocked '),
    login: unique('blocked'),
    blocked: true,
  });

  await signIn(page, blocked.login, PARTNER_PASSWORD);
  await expect(page.getByRole('alert')).toContainText(
    'Access is blocked: your partner or one of its parent partners is blocked',
  );
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  await signIn(page, blocked.login, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('Wrong login or password');
});

/*
 * Blocking from the partner's window asks first, naming what it reaches; once saved, the sub-partner,
 * the contract and its portal user all say which partner blocks them, in the lists and the windows.
 */
test('Block Partner asks first, then every record below says "Blocked by partner"', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const dealer = await createPartnerViaApi(session, {
    name: unique('Blocking Dealer '),
    login: unique('bd'),
  });
  const subDealer = await createPartnerViaApi(session, {
    name: unique('Blocked Sub '),
    login: unique('bs'),
    parentId: dealer.id,
  });
  const contract = await createViaApi(session, '/contracts', {
    partnerId: subDealer.id,
    name: unique('Blocked Client '),
    currency: 'RUB',
    accountType: 'prepayment',
  });
  const user = await createViaApi<{ id: number; login: string }>(session, '/users', {
    contractId: contract.id,
    login: unique('portal'),
    name: 'Portal Person',
    password: 'Quiet-harbour-lantern-73',
    type: 'user',
  });

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('searchbox', { name: 'Search' }).fill(dealer.name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name: dealer.name }).first().dblclick();
  const card = page.getByRole('dialog', { name: dealer.name });

  // The confirmation names what Block Partner reaches; Cancel leaves the switch off.
  await card.getByRole('switch', { name: 'Block Partner' }).click();
  const confirm = page.getByRole('dialog', { name: `Block partner ${dealer.name}?` });
  await expect(confirm.getByTestId('block-impact')).toContainText('1 sub-partner');
  await expect(confirm.getByTestId('block-impact')).toContainText('2 administrators and staff users');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByRole('switch', { name: 'Block Partner' })).toHaveAttribute('aria-checked', 'false');

  await card.getByRole('switch', { name: 'Block Partner' }).click();
  await confirm.getByRole('button', { name: 'Block partner' }).click();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card).toBeHidden();

  // The sub-partner, the contract and the portal user say who blocks them.
  const blockedBy = `Blocked by partner ${dealer.name}`;
  await page.getByRole('searchbox', { name: 'Search' }).fill(subDealer.name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.getByRole('row', { name: subDealer.name }).first()).toContainText(blockedBy);
  await page.getByRole('menuitem', { name: 'Contracts' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(contract.name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.getByRole('row', { name: contract.name }).first()).toContainText(blockedBy);
  await page.getByRole('row', { name: contract.name }).first().dblclick();
  const contractCard = page.getByRole('dialog', { name: contract.name });
  await expect(contractCard.getByRole('alert')).toContainText(blockedBy);
  await expect(contractCard.getByRole('alert')).toContainText('Its portal users cannot log in');
  await contractCard.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('menuitem', { name: 'Users' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(user.login);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.getByRole('row', { name: user.login }).first()).toContainText(blockedBy);
});
