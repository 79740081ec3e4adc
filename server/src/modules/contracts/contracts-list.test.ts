import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createTariff,
  signInAsPartner,
  unique,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';
import type { ContractList } from './contracts.schemas.js';
import type { Static } from 'typebox';

type ListBody = Static<typeof ContractList>;

const { context, root } = useTestAppAsRoot();
let ids: Record<string, number>;

beforeAll(async () => {
  const tariff = await createTariff(root, { name: 'Standard' });
  const north = await createPartner(root, {
    name: 'North',
    login: 'north.admin',
    additionalCurrencies: ['USD'],
  });
  const south = await createPartner(root, { name: 'South', parentId: north.id, login: 'south.admin' });
  const west = await createPartner(root, { name: 'West', login: 'west.admin' });
  const alpha = await createContract(root, north.id, {
    name: 'Alpha Cargo',
    email: 'desk@alpha.example',
    phone: '+77011234567',
    code1c: 'ALPHA-1C',
    tariffId: tariff.id,
    comment: '=HYPERLINK("http://evil.example")',
  });
  const bravo = await createContract(root, north.id, {
    name: 'bravo taxi',
    currency: 'USD',
    accountType: 'postpayment_light',
    blockingLimit: '500',
    isWarehouse: true,
  });
  const charlie = await createContract(root, south.id, {
    name: 'Charlie Bus',
    iin: 'KZ-TAX-77',
    active: false,
    blocked: true,
    accountType: 'postpayment',
  });
  const delta = await createContract(root, west.id, { name: 'Delta Foreign', email: 'x@alpha.example' });
  const archived = await createContract(root, north.id, { name: 'Echo Archived' });
  expectStatus(await root.delete(`/api/v1/contracts/${archived.id}`), 200);

  const db = context.database.db;
  for (let index = 0; index < 2; index += 1) {
    await db
      .insertInto('objects')
      .values({
        partner_id: north.id,
        contract_id: alpha.id,
        name: `Truck ${index}`,
        device_id: unique('dev'),
        tariff_id: tariff.id,
        tariff_pinned_at: '2026-01-01',
      })
      .execute();
  }
  await db
    .insertInto('portal_users')
    .values({
      partner_id: north.id,
      contract_id: alpha.id,
      login: unique('u'),
      password_hash: 'x',
      type: 'user',
    })
    .execute();
  ids = {
    north: north.id,
    south: south.id,
    west: west.id,
    tariff: tariff.id,
    alpha: alpha.id,
    bravo: bravo.id,
    charlie: charlie.id,
    delta: delta.id,
    archived: archived.id,
  };
});

const list = async (client: TestClient, query = '') =>
  expectStatus<ListBody>(await client.get(`/api/v1/contracts?${query}`), 200);
const names = (body: ListBody) => body.items.map((item) => item.name);
const parseCsv = (payload: Buffer): string[][] => parse(payload, { bom: true });

describe('contracts list', () => {
  it('returns the list columns with the counts of objects and users', async () => {
    const body = await list(root, 'search=alpha%20cargo');
    expect(body).toEqual({
      total: 1,
      items: [
        {
          id: ids.alpha,
          name: 'Alpha Cargo',
          partner: { id: ids.north, name: 'North' },
          tariff: { id: ids.tariff, name: 'Standard' },
          balance: '0.00',
          currency: 'RUB',
          email: 'desk@alpha.example',
          phone: '+77011234567',
          iin: null,
          accountType: 'prepayment',
          blockingLimit: null,
          code1c: 'ALPHA-1C',
          active: true,
          isWarehouse: false,
          blocked: false,
          debtBlocked: false,
          blockedBy: null,
          comment: '=HYPERLINK("http://evil.example")',
          objectsCount: 2,
          usersCount: 1,
          archivedAt: null,
        },
      ],
    });
  });

  it('searches name, email, phone, IIN and 1C code', async () => {
    expect(names(await list(root, 'search=ALPHA'))).toEqual(['Alpha Cargo', 'Delta Foreign']);
    expect(names(await list(root, 'search=7011234'))).toEqual(['Alpha Cargo']);
    expect(names(await list(root, 'search=kz-tax'))).toEqual(['Charlie Bus']);
    expect(names(await list(root, 'search=alpha-1c'))).toEqual(['Alpha Cargo']);
    expect(names(await list(root, 'search=%25'))).toEqual([]);
  });

  it('filters by column', async () => {
    expect(names(await list(root, `partnerId=${ids.north}`))).toEqual(['Alpha Cargo', 'bravo taxi']);
    expect(names(await list(root, 'accountType=postpayment_light'))).toEqual(['bravo taxi']);
    expect(names(await list(root, 'currency=usd'))).toEqual(['bravo taxi']);
    expect(names(await list(root, 'isWarehouse=true'))).toEqual(['bravo taxi']);
    expect(names(await list(root, 'active=false'))).toEqual(['Charlie Bus']);
    expect(names(await list(root, 'blocked=true'))).toEqual(['Charlie Bus']);
    expect(names(await list(root, 'partnerName=sou'))).toEqual(['Charlie Bus']);
    expect(names(await list(root, 'tariffName=stand'))).toEqual(['Alpha Cargo']);
    expect(names(await list(root, `tariffId=${ids.tariff}`))).toEqual(['Alpha Cargo']);
    expect(names(await list(root, 'name=taxi&email=&code1c='))).toEqual(['bravo taxi']);
  });

  it('sorts by a column either way, pages, and shows deleted on request', async () => {
    expect(names(await list(root, 'sort=name&order=desc'))).toEqual([
      'Delta Foreign',
      'Charlie Bus',
      'bravo taxi',
      'Alpha Cargo',
    ]);
    expect(names(await list(root, 'sort=partner&order=asc')).slice(0, 2)).toEqual([
      'Alpha Cargo',
      'bravo taxi',
    ]);
    const page = await list(root, 'sort=name&pageSize=2&page=2');
    expect(page).toMatchObject({ total: 4 });
    expect(names(page)).toEqual(['Charlie Bus', 'Delta Foreign']);
    const deleted = await list(root, 'showDeleted=true&search=echo');
    expect(deleted.items).toEqual([
      expect.objectContaining({ name: 'Echo Archived', archivedAt: expect.any(String) }),
    ]);
    expect((await list(root, 'search=echo')).total).toBe(0);
  });

  it("shows a partner administrator only its subtree's contracts", async () => {
    const north = await signInAsPartner(context.app, { login: 'north.admin' });
    expect(names(await list(north, 'sort=name'))).toEqual(['Alpha Cargo', 'bravo taxi', 'Charlie Bus']);
    expect(names(await list(north, 'search=alpha'))).toEqual(['Alpha Cargo']);
    expect((await list(north, `partnerId=${ids.west}`)).total).toBe(0);
    const south = await signInAsPartner(context.app, { login: 'south.admin' });
    expect(names(await list(south, 'showDeleted=true'))).toEqual(['Charlie Bus']);
    const west = await signInAsPartner(context.app, { login: 'west.admin' });
    expect(names(await list(west, 'search=alpha'))).toEqual(['Delta Foreign']);
  });
});

describe('contracts export', () => {
  it('writes the filtered list as csv, with formulas neutralised', async () => {
    const response = await root.get('/api/v1/contracts/export?format=csv&sort=name');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="contracts-${today()}.csv"`);
    const rows = parseCsv(response.rawPayload);
    expect(rows[0]).toEqual([
      'ID',
      'Name',
      'Partner',
      'Tariff',
      'Balance',
      'Currency',
      'Email',
      'Phone',
      'IIN',
      'Account type',
      'Blocking limit',
      '1C code',
      'Active',
      'Warehouse account',
      'Blocked',
      'Blocked by partner',
      'Blocked for debt',
      'Number of vehicles',
      'Number of users',
      'Comment',
    ]);
    expect(rows.slice(1).map((row) => row[1])).toEqual([
      'Alpha Cargo',
      'bravo taxi',
      'Charlie Bus',
      'Delta Foreign',
    ]);
    expect(rows[1]).toEqual([
      String(ids.alpha),
      'Alpha Cargo',
      'North',
      'Standard',
      '0.00',
      'RUB',
      'desk@alpha.example',
      '+77011234567',
      '',
      'Prepayment',
      '',
      'ALPHA-1C',
      'Yes',
      'No',
      'No',
      '',
      'No',
      '2',
      '1',
      `'=HYPERLINK("http://evil.example")`,
    ]);
    // bravo's Blocking limit; Charlie is blocked.
    expect(rows[2]?.[10]).toBe('500.00');
    expect(rows[3]?.slice(14, 17)).toEqual(['Yes', '', 'No']);
  });

  it('writes amounts with a decimal comma in the csv of the Russian interface', async () => {
    const response = await root.inLocale('ru').get('/api/v1/contracts/export?format=csv&search=bravo');
    expect(response.rawPayload.toString('utf8')).toMatch(/^\uFEFFID;Наименование;Партнёр;/);
    const rows: string[][] = parse(response.rawPayload, { bom: true, delimiter: ';' });
    expect(rows[1]?.slice(1, 6)).toEqual(['bravo taxi', 'North', '', '0,00', 'USD']);
    expect(rows[1]?.[10]).toBe('500,00');
    expect(rows[0]?.slice(14, 16)).toEqual(['Заблокирован', 'Заблокирован партнёром']);

    const xlsx = await root.inLocale('ru').get('/api/v1/contracts/export?format=xlsx&search=bravo');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(11)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 500,
      numFmt: '#,##0.00',
    });
  });

  it('writes xlsx in Russian with the same filters, and only the caller subtree', async () => {
    const south = await signInAsPartner(context.app, { login: 'south.admin' });
    const response = await south.inLocale('ru').get('/api/v1/contracts/export?format=xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Договоры');
    expect(sheet.getRow(1).getCell(2).value).toBe('Наименование');
    expect(sheet.getRow(1).getCell(15).value).toBe('Заблокирован');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('Charlie Bus');
    expect(sheet.getRow(2).getCell(10).value).toBe('Постоплата');
    expect(sheet.getRow(2).getCell(15).value).toBe('Да');
    expect(sheet.getRow(2).getCell(5)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 0,
      numFmt: '#,##0.00',
    });

    const north = await signInAsPartner(context.app, { login: 'north.admin' });
    const filtered = parseCsv(
      (await north.get('/api/v1/contracts/export?format=csv&search=alpha')).rawPayload,
    );
    expect(filtered.slice(1).map((row) => row[1])).toEqual(['Alpha Cargo']);
  });

  it("names the partner whose block of its users' logins reaches a contract, if the caller may see it", async () => {
    const setUsersBlocked = async (usersBlocked: boolean) => {
      const { version } = expectStatus<{ version: number }>(
        await root.get(`/api/v1/partners/${ids.north}`),
        200,
      );
      expectStatus(await root.patch(`/api/v1/partners/${ids.north}`, { version, usersBlocked }), 200);
    };
    const blockedBy = async (client: TestClient, locale: 'en' | 'ru') => {
      const response = await client
        .inLocale(locale)
        .get('/api/v1/contracts/export?format=csv&search=charlie');
      const rows: string[][] = parse(response.rawPayload, {
        bom: true,
        delimiter: locale === 'ru' ? ';' : ',',
      });
      return rows[1]?.[15];
    };
    await setUsersBlocked(true);
    try {
      expect(await blockedBy(root, 'en')).toBe('North');
      // North is above South's administrator, who may not see it.
      const south = await signInAsPartner(context.app, { login: 'south.admin' });
      expect(await blockedBy(south, 'en')).toBe('Parent partner');
      expect(await blockedBy(south, 'ru')).toBe('Вышестоящий партнёр');
    } finally {
      await setUsersBlocked(false);
    }
  });
});
