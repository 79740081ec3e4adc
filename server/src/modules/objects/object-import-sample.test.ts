import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { createDealer, createObject, uniqueImei } from '../../../test/builders.js';
import { addDays, getObjectBody } from '../../../test/object-helpers.js';
import { insertContract } from '../../../test/table-rows.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';
import type { Locale } from '../../lib/messages.js';
import type { ImportResponse } from './objects.schemas.js';
import type { Static } from 'typebox';

type ImportBody = Static<typeof ImportResponse>;

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const headers: Record<Locale, string[]> = {
  en: [
    'Name',
    'Device ID',
    'Device type',
    'SIM phone',
    'SIM 2',
    'ICCID',
    'SIM provider',
    'Plate number',
    'Active',
    'Active from',
    'Active until',
    'Contract ID',
  ],
  ru: [
    'Наименование',
    'ID устройства',
    'Тип устройства',
    'Телефон SIM',
    'SIM 2',
    'ICCID',
    'Оператор SIM',
    'Госномер',
    'Активен',
    'Активен с',
    'Активен по',
    'ID договора',
  ],
};

/** A day as the Russian interface's csv writes it: DD.MM.YYYY. */
const dotted = (day: string) => day.split('-').reverse().join('.');

const { context, root } = useTestAppAsRoot();
let dealerSession: TestClient;
let contractId: number;

beforeAll(async () => {
  const created = await createDealer(root);
  dealerSession = created.dealerSession;
  contractId = await insertContract(context.database.db, created.dealer.id);
});

const sample = (locale: Locale, format: 'csv' | 'xlsx') =>
  dealerSession.inLocale(locale).get(`/api/v1/objects/import/sample?format=${format}`);

const importFile = (file: Buffer, format: 'csv' | 'xlsx') =>
  dealerSession.request('POST', `/api/v1/objects/import?contractId=${contractId}`, file, {
    'content-type': contentTypes[format],
  });

describe('GET /objects/import/sample', () => {
  it("gives the import's columns and one example row as a csv in English", async () => {
    const response = await sample('en', 'csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(contentTypes.csv);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="objects-import-sample-${today()}.csv"`,
    );
    expect(response.rawPayload.toString('utf8')).toBe(
      `\uFEFF${headers.en.join(',')}\n` +
        `Truck 01,490154203237518,Teltonika FMB920,+77011234567,,8970101234567890123,Beeline,A001AA77,Yes,${today()},,\n`,
    );
  });

  it('gives it in Russian with semicolons and the day written DD.MM.YYYY', async () => {
    const response = await sample('ru', 'csv');
    const rows: string[][] = parse(response.rawPayload, { bom: true, delimiter: ';' });
    expect(rows).toEqual([
      headers.ru,
      [
        'Грузовик 01',
        '490154203237518',
        'Teltonika FMB920',
        '+77011234567',
        '',
        '8970101234567890123',
        'Beeline',
        'A001AA77',
        'Да',
        dotted(today()),
        '',
        '',
      ],
    ]);
  });

  it('gives an xlsx whose long numbers are text and whose Active from is a date', async () => {
    const response = await sample('ru', 'xlsx');
    expect(response.headers['content-type']).toBe(contentTypes.xlsx);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="objects-import-sample-${today()}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers.ru);
    const row = sheet.getRow(2);
    expect(row.getCell(2)).toMatchObject({ type: ExcelJS.ValueType.String, value: '490154203237518' });
    expect(row.getCell(6)).toMatchObject({ type: ExcelJS.ValueType.String, value: '8970101234567890123' });
    expect(row.getCell(10)).toMatchObject({
      type: ExcelJS.ValueType.Date,
      value: new Date(`${today()}T00:00:00Z`),
      numFmt: 'dd.mm.yyyy',
    });
    expect(sheet.rowCount).toBe(2);
  });

  it('refuses a format it does not write', async () => {
    expect((await dealerSession.get('/api/v1/objects/import/sample?format=pdf')).statusCode).toBe(400);
    expect((await dealerSession.get('/api/v1/objects/import/sample')).statusCode).toBe(400);
  });

  it.each([
    ['en', 'csv'],
    ['ru', 'csv'],
    ['en', 'xlsx'],
    ['ru', 'xlsx'],
  ] as const)('imports back as it is: the %s %s sample creates its object', async (locale, format) => {
    const file = (await sample(locale, format)).rawPayload;
    const report = expectStatus<ImportBody>(await importFile(file, format), 200);
    expect(report).toMatchObject({ total: 1, created: 1, refused: [] });
    const object = await getObjectBody(dealerSession, report.createdIds[0]!);
    expect(object).toMatchObject({
      name: locale === 'ru' ? 'Грузовик 01' : 'Truck 01',
      deviceId: '490154203237518',
      deviceType: 'Teltonika FMB920',
      simPhone: '+77011234567',
      iccid: '8970101234567890123',
      simProvider: 'Beeline',
      plateNumber: 'A001AA77',
      active: true,
      activeFrom: today(),
      activeUntil: null,
      contractId,
    });
    // The next case imports the same device ID: archiving frees it.
    expectStatus(await dealerSession.delete(`/api/v1/objects/${object.id}`), 200);
  });
});

describe('the Russian csv export', () => {
  it('imports back with its semicolons, Да / Нет and DD.MM.YYYY days', async () => {
    const monthAgo = addDays(today(), -30);
    const objects = [
      await createObject(dealerSession, contractId, { name: 'Экспорт 1', activeFrom: monthAgo }),
      await createObject(dealerSession, contractId, {
        name: 'Экспорт 2',
        deviceId: uniqueImei(),
        active: false,
        activeFrom: monthAgo,
        activeUntil: addDays(monthAgo, 3),
      }),
    ];
    const exported = await dealerSession
      .inLocale('ru')
      .get(
        `/api/v1/objects/export?format=csv&contractId=${contractId}&search=${encodeURIComponent('Экспорт')}`,
      );
    const rows: string[][] = parse(exported.rawPayload, { bom: true, delimiter: ';' });
    expect(rows.slice(1).map((row) => [row[0], row[8], row[9], row[10]])).toEqual([
      ['Экспорт 1', 'Да', dotted(monthAgo), ''],
      ['Экспорт 2', 'Нет', dotted(monthAgo), dotted(addDays(monthAgo, 3))],
    ]);
    for (const object of objects) await dealerSession.delete(`/api/v1/objects/${object.id}`);

    const report = expectStatus<ImportBody>(await importFile(exported.rawPayload, 'csv'), 200);
    expect(report).toMatchObject({ created: 2, refused: [] });
    const again = await Promise.all(report.createdIds.map((id) => getObjectBody(dealerSession, id)));
    expect(
      again.map((object) => [object.name, object.active, object.activeFrom, object.activeUntil]),
    ).toEqual([
      ['Экспорт 1', true, monthAgo, null],
      ['Экспорт 2', false, monthAgo, addDays(monthAgo, 3)],
    ]);
  });
});
