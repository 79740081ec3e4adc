import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, choose, PARTNER_PASSWORD, signIn, unique, validImei } from './support';

/*
 * The seed's last sentence: "Once saved, you will be able to assign contracts to the partner, connect
 * objects, and create users." A partner is saved, then given a contract, an object (pinned to the
 * partner's Price) and a portal user whose first password the complex policy refuses; the user then
 * logs in to the monitoring portal through the API.
 */
test('after saving a partner: a contract, an object and a portal user', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const session = await adminApi(baseURL!);
  const tariffResponse = await session.api.post('/api/v1/tariffs', {
    headers: { 'x-csrf-token': session.csrf },
    data: { name: unique('Retail '), currency: 'RUB', period: 'month', price: '350.00' },
  });
  expect(tariffResponse.status()).toBe(201);
  const tariff = (await tariffResponse.json()) as { name: string };
  const partnerName = unique('Eastern Fleet ');
  const contractName = unique('Logistics LLC ');
  const objectName = unique('Volvo FH ');
  const userLogin = unique('dispatcher');
  const imei = validImei();

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('menuitem', { name: 'Partners' }).click();
  await page.getByRole('button', { name: 'Add' }).click();
  const addPartner = page.getByRole('dialog', { name: 'Add partner' });
  await addPartner.getByLabel('Name').fill(partnerName);
  await choose(page, addPartner.getByLabel('Currency', { exact: true }), 'RUB', 'RUB — Russian Ruble');
  await choose(
    page,
    addPartner.getByLabel('Price', { exact: true }),
    tariff.name,
    `${tariff.name} — 350.00 RUB`,
  );
  await choose(page, addPartner.getByLabel('Account type'), null, 'Prepayment');
  await choose(page, addPartner.getByLabel('Password for Users'), null, 'Complex');
  await addPartner.getByLabel('Login', { exact: true }).fill(unique('eastern'));
  await addPartner.getByLabel('Password', { exact: true }).fill(PARTNER_PASSWORD);
  await addPartner.getByRole('button', { name: 'Save' }).click();
  await expect(addPartner).toBeHidden();

  // Reopen the saved partner and give it a contract from its Contracts tab.
  await page.getByRole('searchbox', { name: 'Search' }).fill(partnerName);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name: partnerName }).dblclick();
  const partnerCard = page.getByRole('dialog', { name: partnerName });
  await partnerCard.getByRole('tab', { name: 'Contracts' }).click();
  await partnerCard.getByRole('button', { name: 'Add' }).click();
  const addContract = page.getByRole('dialog', { name: 'Add contract' });
  await addContract.getByLabel('Name', { exact: true }).fill(contractName);
  // Partner and its main currency come preset from the tab.
  await expect(addContract.getByText(/^RUB — /)).toBeVisible();
  await choose(page, addContract.getByLabel('Account type'), null, 'Prepayment');
  await addContract.getByRole('button', { name: 'Save' }).click();
  await expect(addContract).toBeHidden();
  const contractRow = partnerCard.getByRole('row', { name: contractName });
  await expect(contractRow).toBeVisible();

  // Connect an object in the contract's Objects tab: it is pinned to the partner's Price.
  await contractRow.dblclick();
  const contractCard = page.getByRole('dialog', { name: contractName });
  await contractCard.getByRole('tab', { name: 'Objects' }).click();
  await contractCard.getByRole('button', { name: 'Add' }).click();
  const addObject = page.getByRole('dialog', { name: 'New object' });
  await addObject.getByLabel('Name', { exact: true }).fill(objectName);
  // A mistyped IMEI (last digit off by one) is refused under its field, and the typing is kept.
  const wrongImei = `${imei.slice(0, 14)}${(Number(imei[14]) + 1) % 10}`;
  await addObject.getByLabel('Device ID or IMEI').fill(wrongImei);
  await addObject.getByRole('button', { name: 'Save' }).click();
  await expect(addObject.getByLabel('Device ID or IMEI')).toHaveAttribute('aria-invalid', 'true');
  await expect(addObject.getByLabel('Name', { exact: true })).toHaveValue(objectName);
  await addObject.getByLabel('Device ID or IMEI').fill(imei);
  await addObject.getByLabel('Plate number').fill('a123bc77');
  await addObject.getByRole('button', { name: 'Save' }).click();
  await expect(addObject).toBeHidden();
  const objectRow = contractCard.getByRole('row', { name: objectName });
  await expect(objectRow).toContainText(imei);
  await expect(objectRow).toContainText(tariff.name);

  // Create a portal user: the complex policy (the partner's) refuses a short password, names the rule.
  await contractCard.getByRole('tab', { name: 'Users' }).click();
  await contractCard.getByRole('button', { name: 'Add' }).click();
  const addUser = page.getByRole('dialog', { name: 'New user' });
  await expect(addUser.getByText(/^Complex: at least 12 characters/)).toBeVisible();
  await addUser.getByLabel('Login', { exact: true }).fill(userLogin);
  await addUser.getByLabel('Name', { exact: true }).fill('Anna Dispatcher');
  await addUser.getByLabel('Password', { exact: true }).fill('Summer2024!');
  await addUser.getByRole('button', { name: 'Save' }).click();
  const password = addUser.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(addUser.getByText('Password must be at least 12 characters long')).toBeVisible();
  // Long enough but guessable: the server's strength rule is named.
  await password.fill(`${userLogin}2024`);
  await addUser.getByRole('button', { name: 'Save' }).click();
  await expect(addUser.getByText('Password must not contain the login')).toBeVisible();
  await expect(addUser.getByLabel('Login', { exact: true })).toHaveValue(userLogin);
  await password.fill('Quiet-harbour-lantern-73');
  await addUser.getByRole('button', { name: 'Save' }).click();
  await expect(addUser).toBeHidden();
  await expect(contractCard.getByRole('row', { name: userLogin })).toContainText('Anna Dispatcher');

  // The monitoring portal's login check accepts the user with the password that was accepted.
  const login = await page.request.post('/api/v1/portal/login', {
    data: { login: userLogin, password: 'Quiet-harbour-lantern-73' },
  });
  expect(login.status()).toBe(200);
  expect(await login.json()).toMatchObject({
    user: { login: userLogin },
    contract: { name: contractName },
    partner: { name: partnerName },
  });

  // The partners list now counts the partner's contract and object.
  await contractCard.getByRole('button', { name: 'Cancel' }).click();
  await partnerCard.getByRole('button', { name: 'Cancel' }).click();
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const cells = page.getByRole('row', { name: partnerName }).getByRole('cell');
  await expect(cells.nth(headers.findIndex((text) => text.includes('Number of accounts')))).toHaveText('1');
  await expect(cells.nth(headers.findIndex((text) => text.includes('Number of vehicles')))).toHaveText('1');

  // Deleting the object says so, and with Show deleted it reads as deleted, not as active.
  await page.getByRole('menuitem', { name: 'Objects' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(objectName);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.getByRole('row', { name: objectName }).dblclick();
  const objectCard = page.getByRole('dialog', { name: objectName });
  await objectCard.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(objectCard).toBeHidden();
  await expect(page.getByText(`${objectName} deleted; Show deleted finds it`)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show deleted' }).check();
  const deleted = page.getByRole('row', { name: objectName });
  await expect(deleted).toContainText('Deleted');
  await expect(deleted).not.toContainText('Yes');
});
