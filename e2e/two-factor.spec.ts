import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { adminApi, createPartnerViaApi, PARTNER_PASSWORD, signIn, unique } from './support';

/** The code an authenticator app would show for the secret, `stepsAhead` 30-second steps from now. */
const codeFor = (secret: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });

test('a partner that requires two-factor sign-in: its administrator enrols, then signs in with a code', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(session, {
    name: unique('Two-factor '),
    login: unique('twofactor'),
  });
  const setting = await session.api.put(`/api/v1/partners/${partner.id}/settings/require_two_factor`, {
    headers: { 'x-csrf-token': session.csrf },
    data: { value: true },
  });
  expect(setting.status(), await setting.text()).toBe(201);

  // Signed in, the administrator is taken straight to its profile to set two-factor sign-in up.
  await signIn(page, partner.login, PARTNER_PASSWORD);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('alert')).toContainText('Your partner requires two-factor sign-in');
  await expect(page.getByRole('menuitem', { name: 'Partners' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Set up' }).click();
  await expect(
    page.getByRole('img', { name: 'QR code of the secret for your authenticator app' }),
  ).toBeVisible();
  const secret = (await page.getByTestId('two-factor-secret').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code is told under the field; the right one turns it on and shows the recovery codes once.
  await page.getByLabel('Code from the app').fill('000000' === codeFor(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Enable' }).click();
  await expect(page.getByText('the code is wrong or was already used')).toBeVisible();
  await page.getByLabel('Code from the app').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Enable' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expect(page.getByText('they are shown only this once')).toBeVisible();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(codes).toHaveCount(0);
  await expect(page.getByText('On', { exact: true })).toBeVisible();

  // The sections are open now.
  await page.getByRole('menuitem', { name: 'Partners' }).click();
  await expect(page).toHaveURL(/\/partners$/);

  await page.getByRole('button', { name: 'Log out' }).click();
  await signIn(page, partner.login, PARTNER_PASSWORD);
  await expect(page.getByRole('status')).toContainText('enter the code your authenticator app shows now');
  // The code the enrolment spent cannot be used again; the next step's can (one step either side).
  await page.getByLabel('One-time code').fill(codeFor(secret, 1));
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('signed-in-login')).toHaveText(partner.login);
  await expect(page).toHaveURL(/\/partners$/);
});
