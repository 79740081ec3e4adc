import { expect, request, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, createViaApi, signIn, unique } from './support';

/*
 * "Log in as" (the seed's Master entry): with the partner's Portal URL set, the portal user's window
 * gives a single-use token and a link to the portal carrying it; the portal (here, a request without
 * any session) presents the token and is let in as the user, naming the administrator who asked.
 */
test('Log in as: the token, the portal link, and the portal lets the admin in once', async ({
  page,
  baseURL,
}) => {
  const session = await adminApi(baseURL!);
  const partner = await createPartnerViaApi(session, {
    name: unique('Master Partner '),
    login: unique('master'),
  });
  const portalUrl = 'https://portal.example.com/enter';
  const setting = await session.api.put(`/api/v1/partners/${partner.id}/settings/portal_url`, {
    headers: { 'x-csrf-token': session.csrf },
    data: { value: portalUrl },
  });
  expect(setting.status(), await setting.text()).toBe(201);
  const contract = await createViaApi(session, '/contracts', {
    partnerId: partner.id,
    name: unique('Master Contract '),
    currency: 'RUB',
    accountType: 'prepayment',
  });
  const login = unique('dispatcher');
  await createViaApi(session, '/users', {
    contractId: contract.id,
    login,
    name: 'Olga Dispatcher',
    password: 'Silent-meadow-compass-58',
  });

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Users' }).click();
  const search = page.getByRole('searchbox', { name: 'Search by login, name, email or phone' });
  await search.fill(login);
  await search.press('Enter');
  await page.getByRole('row', { name: login }).dblclick();
  const card = page.getByRole('dialog', { name: login });
  await card.getByRole('button', { name: 'Log in as' }).click();

  const result = page.getByRole('dialog', { name: `Log in as ${login}` });
  const masterToken = await result.getByLabel('Log in as token').inputValue();
  expect(masterToken.length).toBeGreaterThan(20);
  await expect(result.getByRole('timer')).toContainText(/Valid for \d+ more seconds/);
  const open = result.getByRole('link', { name: 'Open portal' });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', /noopener/);
  const href = (await open.getAttribute('href'))!;
  expect(href.startsWith(portalUrl)).toBe(true);
  expect(href).toContain('masterToken=');
  expect(new URL(href).searchParams.get('masterToken')).toBe(masterToken);

  // The monitoring portal presents the token: it is let in as the user, naming the admin; once only.
  const portal = await request.newContext({ baseURL });
  const entered = await portal.post('/api/v1/portal/login', { data: { masterToken } });
  expect(entered.status(), await entered.text()).toBe(200);
  expect(await entered.json()).toMatchObject({ user: { login }, master: { login: ADMIN.login } });
  expect((await portal.post('/api/v1/portal/login', { data: { masterToken } })).status()).toBe(401);
  await portal.dispose();

  // Without a Portal URL on the path, the window says the setting is not set.
  const deleted = await session.api.delete(`/api/v1/partners/${partner.id}/settings/portal_url`, {
    headers: { 'x-csrf-token': session.csrf },
  });
  expect(deleted.status(), await deleted.text()).toBe(204);
  await result.getByRole('button', { name: 'Done' }).click();
  await expect(result).toBeHidden();
  await card.getByRole('button', { name: 'Log in as' }).click();
  await expect(result.getByText('The partner’s Portal URL setting is not set')).toBeVisible();
  await expect(result.getByRole('link', { name: 'Open portal' })).toHaveCount(0);
  await session.api.dispose();
});
