import { expect, test } from '@playwright/test';
import { ADMIN, adminApi, createPartnerViaApi, signIn, unique } from './support';

test('in Russian the partner window shows Russian labels, and the choice is remembered', async ({
  page,
  baseURL,
}) => {
  await createPartnerViaApi(await adminApi(baseURL!), { name: unique('Listed '), login: unique('listed') });
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByText('Русский').click();
  await expect(page.getByRole('heading', { name: 'Партнёры' })).toBeVisible();
  await expect(page.getByText('50 / стр.')).toBeVisible(); // Ant Design's own texts follow the language
  await page.getByRole('button', { name: 'Добавить' }).click();
  const window = page.getByRole('dialog', { name: 'Добавить партнёра' });
  await expect(window.getByRole('tab', { name: 'Основные настройки' })).toBeVisible();
  for (const heading of [
    'Общая информация',
    'Настройки доступа и подчинения',
    'Финансовые и ценовые параметры',
    'Учётные данные для входа',
  ]) {
    await expect(window.getByRole('heading', { name: heading })).toBeVisible();
  }
  for (const label of [
    'Наименование',
    'Телефон',
    'Депозит',
    'ИНН',
    'КПП',
    'НДС',
    'Код 1С',
    'Регион',
    'Заблокировать партнёра',
    'Валюта',
    'Порядок расчётов',
    'Пароли пользователей',
    'Логин',
  ]) {
    await expect(window.getByLabel(label, { exact: true })).toBeVisible();
  }
  await window.getByRole('button', { name: 'Сохранить' }).click();
  await expect(window.getByText('Поле «Наименование» обязательно')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Партнёры' })).toBeVisible();
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Partners' })).toBeVisible();
});
