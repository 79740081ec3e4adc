import { expect, test } from '@playwright/test';
import { adminApi, createPartnerViaApi, PARTNER_PASSWORD, signIn, unique } from './support';

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
