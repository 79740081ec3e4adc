import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createTariff, signInAsPartner } from '../../../test/builders.js';
import { expectStatus } from '../../../test/client.js';
import { today } from '../../lib/clock.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import type { PartnerList } from './partners.schemas.js';
import type { Static } from 'typebox';

type ListBody = Static<typeof PartnerList>;

const { context, root } = useTestAppAsRoot();
let ids: Record<string, number>;

beforeAll(async () => {
  const tariff = await createTariff(root, { name: 'Standard' });
  const alpha = await createPartner(root, {
    name: 'Alpha Trackers',
    email: 'desk@alpha.example',
    phone: '+77011234567',
    iin: '900101300126',
    region: 'KZ-75',
    code1c: 'ALPHA-1C',
    currency: 'KZT',
    comment: 'Key account',
    login: 'alpha.admin',
  });
  const bravo = await createPartner(root, {
    name: 'bravo fleet',
    currency: 'RUB',
    priceTariffId: tariff.id,
    parentId: alpha.id,
    login: 'bravo',
  });
  const charlie = await createPartner(root, {
    name: 'Charlie GPS',
    currency: 'RUB',
    login: 'charlie',
    accountType: 'postpayment',
  });
  ids = { alpha: alpha.id, bravo: bravo.id, charlie: charlie.id, tariff: tariff.id };
});

const parseCsv = (payload: Buffer): string[][] => parse(payload, { bom: true });
const names = (body: ListBody) => body.items.map((item) => item.name);

describe('partners list', () => {
  it('returns the list columns of each partner', async () => {
    const body = expectStatus<ListBody>(await root.get('/api/v1/partners?search=bravo'), 200);
    expect(body).toEqual({
      total: 1,
      items: [
        {
          id: ids.bravo,
          name: 'bravo fleet',
          tariff: { id: ids.tariff, name: 'Standard' },
          balance: '0.00',
          currency: 'RUB',
          email: null,
          phone: null,
          login: 'bravo',
          accountsCount: 0,
          vehiclesCount: 0,
          parent: { id: ids.alpha, name: 'Alpha Trackers' },
          comment: null,
          blocked: false,
          usersBlocked: false,
          blockedBy: null,
          archivedAt: null,
        },
      ],
    });
  });

  it.each([
    ['alpha tr', ['Alpha Trackers']],
    ['ALPHA.ADMIN', ['Alpha Trackers']],
    ['desk@alpha', ['Alpha Trackers']],
    ['7011234', ['Alpha Trackers']],
    ['9001013', ['Alpha Trackers']],
    ['alpha-1c', ['Alpha Trackers']],
    ['100%', []],
  ])(
    'searches name, login, email, phone, IIN and 1C code case-insensitively: %s',
    async (search, expected) => {
      const body = expectStatus<ListBody>(
        await root.get(`/api/v1/partners?search=${encodeURIComponent(search)}`),
        200,
      );
      expect(names(body)).toEqual(expected);
    },
  );

  it('sorts by any column in both directions', async () => {
    const ascending = expectStatus<ListBody>(await root.get('/api/v1/partners?sort=name&order=asc'), 200);
    expect(names(ascending)).toEqual(['Alpha Trackers', 'bravo fleet', 'Charlie GPS']);
    const descending = expectStatus<ListBody>(await root.get('/api/v1/partners?sort=login&order=desc'), 200);
    expect(names(descending)).toEqual(['Charlie GPS', 'bravo fleet', 'Alpha Trackers']);
    const byParent = expectStatus<ListBody>(await root.get('/api/v1/partners?sort=parent&order=asc'), 200);
    expect(names(byParent)[0]).toBe('bravo fleet');
  });

  it('filters by column values', async () => {
    expect(
      names(expectStatus<ListBody>(await root.get('/api/v1/partners?currency=rub&sort=name'), 200)),
    ).toEqual(['bravo fleet', 'Charlie GPS']);
    expect(
      names(expectStatus<ListBody>(await root.get(`/api/v1/partners?parentId=${ids.alpha}`), 200)),
    ).toEqual(['bravo fleet']);
    expect(
      names(expectStatus<ListBody>(await root.get('/api/v1/partners?accountType=postpayment'), 200)),
    ).toEqual(['Charlie GPS']);
    expect(names(expectStatus<ListBody>(await root.get('/api/v1/partners?comment=KEY'), 200))).toEqual([
      'Alpha Trackers',
    ]);
  });

  it('pages on the server and reports the total', async () => {
    const first = expectStatus<ListBody>(await root.get('/api/v1/partners?sort=name&pageSize=2&page=1'), 200);
    const second = expectStatus<ListBody>(
      await root.get('/api/v1/partners?sort=name&pageSize=2&page=2'),
      200,
    );
    expect({ total: first.total, first: names(first), second: names(second) }).toEqual({
      total: 3,
      first: ['Alpha Trackers', 'bravo fleet'],
      second: ['Charlie GPS'],
    });
  });

  it('shows a partner administrator its own subtree only, with matching totals', async () => {
    const alphaAdmin = await signInAsPartner(context.app, { login: 'alpha.admin' });
    const body = expectStatus<ListBody>(await alphaAdmin.get('/api/v1/partners?sort=name'), 200);
    expect({ total: body.total, names: names(body) }).toEqual({
      total: 2,
      names: ['Alpha Trackers', 'bravo fleet'],
    });
  });
});

describe('partners export', () => {
  const englishHeaders = [
    'ID',
    'Name',
    'Tariff',
    'Balance',
    'Currency',
    'Email',
    'Phone',
    'Login',
    'Number of accounts',
    'Number of vehicles',
    'Partner',
    'Comment',
    'Blocked',
    'Blocked by partner',
    'Users of accounts blocked',
  ];

  it('exports what the list shows as a real csv, named with the day', async () => {
    const response = await root.get('/api/v1/partners/export?format=csv&currency=RUB&sort=name');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="partners-${today()}.csv"`);
    const rows = parseCsv(response.rawPayload);
    expect(rows).toEqual([
      englishHeaders,
      [
        String(ids.bravo),
        'bravo fleet',
        'Standard',
        '0.00',
        'RUB',
        '',
        '',
        'bravo',
        '0',
        '0',
        'Alpha Trackers',
        '',
        'No',
        '',
        'No',
      ],
      [
        String(ids.charlie),
        'Charlie GPS',
        '',
        '0.00',
        'RUB',
        '',
        '',
        'charlie',
        '0',
        '0',
        '',
        '',
        'No',
        '',
        'No',
      ],
    ]);
  });

  it('writes the csv of the Russian interface with a byte-order mark, semicolons and decimal commas', async () => {
    const response = await root
      .inLocale('ru')
      .get('/api/v1/partners/export?format=csv&currency=RUB&sort=name');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="partners-${today()}.csv"`);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.rawPayload.toString('utf8').slice(1).split('\n').slice(0, 3)).toEqual([
      'ID;Наименование;Тариф;Баланс;Валюта;Email;Телефон;Логин;Количество договоров;Количество объектов;Партнёр;Комментарий;Заблокирован;Заблокирован партнёром;Вход пользователям договоров запрещён',
      `${ids.bravo};bravo fleet;Standard;0,00;RUB;;;bravo;0;0;Alpha Trackers;;Нет;;Нет`,
      `${ids.charlie};Charlie GPS;;0,00;RUB;;;charlie;0;0;;;Нет;;Нет`,
    ]);
  });

  it('says which partners are blocked, by themselves or from up the tree, and whose users are', async () => {
    const blocked = await createPartner(root, { currency: 'EUR', blocked: true, usersBlocked: true });
    const below = await createPartner(root, { currency: 'EUR', parentId: blocked.id });
    const open = await createPartner(root, { currency: 'EUR', usersBlocked: true });
    const rows = parseCsv(
      (await root.get('/api/v1/partners/export?format=csv&currency=EUR&sort=id')).rawPayload,
    );
    expect(rows.map((row) => [row[0], ...row.slice(12)])).toEqual([
      ['ID', 'Blocked', 'Blocked by partner', 'Users of accounts blocked'],
      [String(blocked.id), 'Yes', '', 'Yes'],
      [String(below.id), 'No', blocked.name, 'No'],
      [String(open.id), 'No', '', 'Yes'],
    ]);
  });

  it('exports a real xlsx workbook with Russian headers and typed cells when asked', async () => {
    const response = await root.inLocale('ru').get('/api/v1/partners/export?format=xlsx&search=alpha');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="partners-${today()}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Партнёры')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'ID',
      'Наименование',
      'Тариф',
      'Баланс',
      'Валюта',
      'Email',
      'Телефон',
      'Логин',
      'Количество договоров',
      'Количество объектов',
      'Партнёр',
      'Комментарий',
      'Заблокирован',
      'Заблокирован партнёром',
      'Вход пользователям договоров запрещён',
    ]);
    expect(values(2)).toEqual([
      ids.alpha,
      'Alpha Trackers',
      undefined,
      0,
      'KZT',
      'desk@alpha.example',
      '+77011234567',
      'alpha.admin',
      0,
      0,
      undefined,
      'Key account',
      'Нет',
      undefined,
      'Нет',
    ]);
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(2).getCell(4)).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: '#,##0.00' });
    expect(sheet.rowCount).toBe(2);
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    await createPartner(root, { name: '=HYPERLINK("http://evil")', currency: 'USD' });
    const response = await root.get('/api/v1/partners/export?format=csv&currency=USD');
    const rows = parseCsv(response.rawPayload);
    expect(rows[1]?.[1]).toBe(`'=HYPERLINK("http://evil")`);
  });
});
