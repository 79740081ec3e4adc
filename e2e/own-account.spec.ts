import { expect, test } from '@playwright/test';
import { adminApi, createPartnerViaApi, PARTNER_PASSWORD, signIn, unique } from './support';

/*
 * One's own account from the header: the role beside the login, and a password changed by its owner —
 * the current one checked, the new one asked twice, the next sign-in with the new one.
 */
test("the header shows the role and changes one's own password", async ({ page, baseURL }) => {
  const session = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(session, {
    name: unique('Own Account Dealer '),
    login: unique('ownaccount'),
  });
  await signIn(page, partner.login, PARTNER_PASSWORD);
  await expect(page.getByTestId('signed-in-role')).toHaveText(`Partner administrator · ${partner.name}`);

  await page.getByRole('button', { name: `Account menu of ${partner.login}` }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your password' });
  await expect(dialog.getByLabel('Current password')).toBeFocused();

  // A wrong current password is told on its field; the two new ones must agree.
  await dialog.getByLabel('Current password').fill('Not-my-password-1');
  await dialog.getByLabel('New password', { exact: true }).fill('Fresh-meadow-clock-58');
  await dialog.getByLabel('Repeat the new password').fill('Fresh-meadow-clock-59');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog.getByText('The two new passwords differ')).toBeVisible();
  await dialog.getByLabel('Repeat the new password').fill('Fresh-meadow-clock-58');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog.getByText('Current password is not your current password')).toBeVisible();

  await dialog.getByLabel('Current password').fill(PARTNER_PASSWORD);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Password changed; your other sessions have ended')).toBeVisible();

  // The next sign-in takes the new password only.
  await page.getByRole('button', { name: 'Log out' }).click();
  await signIn(page, partner.login, PARTNER_PASSWORD);
  await expect(page.getByText('Wrong login or password')).toBeVisible();
  await page.getByLabel('Password').fill('Fresh-meadow-clock-58');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('signed-in-login')).toHaveText(partner.login);

  // In Russian the role reads as a Russian operator says it.
  await page.getByText('Русский').click();
  await expect(page.getByTestId('signed-in-role')).toHaveText(`Администратор партнёра · ${partner.name}`);
});
