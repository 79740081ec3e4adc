import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertObjectActiveOn, insertPricedTariff } from '../../../test/billing-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { insertContract, insertPartner } from '../../../test/table-rows.js';
import { today } from '../../lib/clock.js';
import { runBillingDay } from '../billing/billing-run.js';

/*
 * The transactions export of a billed day: each level's charge named by who pays whom, amounts as
 * numbers, days and times as dates, in the language of the caller's interface.
 */
const { context, root } = useTestAppAsRoot({ rootLogin: 'tx-export.root' });
const day = '2025-05-10'; // May: 31 days, so a monthly price of 31·x is x a day
const exportUrl = (format: string) =>
  `/api/v1/finance/transactions/export?format=${format}&kind=charge&from=${day}&to=${day}&sort=amount&order=asc`;

beforeAll(async () => {
  const db = context.database.db;
  const top = await insertPartner(db, { partnerPriceTariffId: await insertPricedTariff(db, '62.00') });
  const sub = await insertPartner(db, {
    parent: top,
    partnerPriceTariffId: await insertPricedTariff(db, '155.00'),
  });
  const contractId = await insertContract(db, sub.id);
  const objectTariff = await insertPricedTariff(db, '310.00');
  for (let index = 0; index < 2; index += 1) await insertObjectActiveOn(db, contractId, objectTariff, day);
  expect(await runBillingDay(db, { day, trigger: 'cli' })).toMatchObject({
    status: 'completed',
    transfersCreated: 3,
  });
});

describe('the transactions export of charges', () => {
  it('in English: the level by who pays whom, amounts and days as the English csv writes them', async () => {
    const response = await root.get(exportUrl('csv'));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="transactions-${today()}.csv"`,
    );
    const rows: string[][] = parse(response.rawPayload, { bom: true });
    const columns = (row: string[]) => [row[1], row[2], row[3], row[9], row[10], row[11], row[12]];
    expect(rows.map(columns)).toEqual([
      ['Date', 'Type', 'Amount', 'Object-days', 'Amount per object-day', 'Level', 'Charge day'],
      [day, 'Charge', '4.00', '2', '2.00', 'Partner (level 1) → platform', day],
      [day, 'Charge', '10.00', '2', '5.00', 'Partner (level 2) → parent partner', day],
      [day, 'Charge', '20.00', '2', '10.00', 'Contract → partner', day],
    ]);
    expect(rows[0]?.[17]).toBe('Created at (UTC)');
    expect(rows[1]?.[17]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('in Russian: semicolons, decimal commas, dd.mm.yyyy days and the levels in Russian', async () => {
    const response = await root.inLocale('ru').get(exportUrl('csv'));
    const text = response.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFID;Дата;Тип;Сумма;')).toBe(true);
    const rows: string[][] = parse(text, { bom: true, delimiter: ';' });
    expect(rows.slice(1).map((row) => [row[1], row[3], row[10], row[11], row[12]])).toEqual([
      ['10.05.2025', '4,00', '2,00', 'Партнёр (уровень 1) → платформа', '10.05.2025'],
      ['10.05.2025', '10,00', '5,00', 'Партнёр (уровень 2) → вышестоящий партнёр', '10.05.2025'],
      ['10.05.2025', '20,00', '10,00', 'Договор → партнёр', '10.05.2025'],
    ]);
    expect(rows[1]?.[17]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('in xlsx: amounts as numbers with two decimals, days and times as dates', async () => {
    const response = await root.inLocale('ru').get(exportUrl('xlsx'));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="transactions-${today()}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Операции')!;
    expect(sheet.getRow(1).getCell(12).value).toBe('Уровень');
    const row = sheet.getRow(4);
    const dayValue = new Date(`${day}T00:00:00Z`);
    expect(row.getCell(2)).toMatchObject({
      type: ExcelJS.ValueType.Date,
      value: dayValue,
      numFmt: 'dd.mm.yyyy',
    });
    expect(row.getCell(4)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 20, numFmt: '#,##0.00' });
    expect(row.getCell(10)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 2 });
    expect(row.getCell(11)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 10, numFmt: '#,##0.00' });
    expect(row.getCell(12).value).toBe('Договор → партнёр');
    expect(row.getCell(13)).toMatchObject({ type: ExcelJS.ValueType.Date, value: dayValue });
    expect(row.getCell(18)).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: 'dd.mm.yyyy hh:mm:ss' });
    // A charge has no signed amount unless the list is filtered to one owner: the cell stays empty.
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Null);
  });
});
