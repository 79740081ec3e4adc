import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_FORMAT,
  amountCell,
  dayCell,
  spreadsheetFileName,
  timeCell,
  writeSpreadsheet,
  type Sheet,
} from './spreadsheet.js';

const sheet: Sheet = {
  name: 'Sheet',
  headers: ['ID', 'Name', 'Balance', 'Date', 'Time (UTC)', 'Comment'],
  rows: [
    [
      7,
      'Ёлка',
      amountCell('-1234.50'),
      dayCell('2026-12-07'),
      timeCell('2026-12-07T09:05:03.000Z'),
      '=HYPERLINK("x")',
    ],
    [8, '+77011234567', amountCell('0.00'), null, null, null],
  ],
};

async function readXlsx(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.getWorksheet('Sheet')!;
}

describe('xlsx', () => {
  it('writes amounts as numbers with two decimals and days and times as dates', async () => {
    const worksheet = await readXlsx(await writeSpreadsheet(sheet, 'xlsx', 'en'));
    const row = worksheet.getRow(2);
    expect(row.getCell(1)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 7 });
    expect(row.getCell(2)).toMatchObject({ type: ExcelJS.ValueType.String, value: 'Ёлка' });
    expect(row.getCell(3)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: -1234.5,
      numFmt: AMOUNT_FORMAT,
    });
    expect(row.getCell(4)).toMatchObject({
      type: ExcelJS.ValueType.Date,
      value: new Date('2026-12-07T00:00:00.000Z'),
      numFmt: 'yyyy-mm-dd',
    });
    expect(row.getCell(5)).toMatchObject({
      type: ExcelJS.ValueType.Date,
      value: new Date('2026-12-07T09:05:03.000Z'),
      numFmt: 'yyyy-mm-dd hh:mm:ss',
    });
    // A typed string, never a formula.
    expect(row.getCell(6)).toMatchObject({ type: ExcelJS.ValueType.String, value: '=HYPERLINK("x")' });
    expect(worksheet.getRow(3).getCell(3)).toMatchObject({ value: 0, numFmt: AMOUNT_FORMAT });
    expect(worksheet.getRow(3).getCell(4).type).toBe(ExcelJS.ValueType.Null);
  });

  it('shows dates the Russian way in Russian, and keeps the header in view with its filters', async () => {
    const worksheet = await readXlsx(await writeSpreadsheet(sheet, 'xlsx', 'ru'));
    expect(worksheet.getRow(2).getCell(4).numFmt).toBe('dd.mm.yyyy');
    expect(worksheet.getRow(2).getCell(5).numFmt).toBe('dd.mm.yyyy hh:mm:ss');
    expect(worksheet.getRow(2).getCell(3).numFmt).toBe(AMOUNT_FORMAT);
    expect(worksheet.getRow(1).font?.bold).toBe(true);
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(worksheet.autoFilter).toBe('A1:F1');
  });
});

describe('csv', () => {
  it('in English: a byte-order mark, commas, decimal points and ISO dates', async () => {
    const file = await writeSpreadsheet(sheet, 'csv', 'en');
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8').slice(1);
    expect(text.split('\n')[0]).toBe('ID,Name,Balance,Date,Time (UTC),Comment');
    expect(parse(text)).toEqual([
      ['ID', 'Name', 'Balance', 'Date', 'Time (UTC)', 'Comment'],
      ['7', 'Ёлка', '-1234.50', '2026-12-07', '2026-12-07 09:05:03', `'=HYPERLINK("x")`],
      ['8', '+77011234567', '0.00', '', '', ''],
    ]);
  });

  it('in Russian: a byte-order mark, semicolons, decimal commas and dd.mm.yyyy dates', async () => {
    const file = await writeSpreadsheet(sheet, 'csv', 'ru');
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8').slice(1);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'ID;Name;Balance;Date;Time (UTC);Comment',
      `7;Ёлка;-1234,50;07.12.2026;07.12.2026 09:05:03;"'=HYPERLINK(""x"")"`,
      '8;+77011234567;0,00;;;',
    ]);
    expect(parse(text, { delimiter: ';' })[1]).toEqual([
      '7',
      'Ёлка',
      '-1234,50',
      '07.12.2026',
      '07.12.2026 09:05:03',
      `'=HYPERLINK("x")`,
    ]);
  });

  it('quotes a cell holding the separator', async () => {
    const file = await writeSpreadsheet(
      { name: 'S', headers: ['A', 'B'], rows: [['x;y', 'p,q']] },
      'csv',
      'ru',
    );
    expect(file.toString('utf8').slice(1)).toBe('A;B\n"x;y";p,q\n');
  });
});

describe('file names', () => {
  it('carry the day the file was written', () => {
    expect(spreadsheetFileName('partners', 'xlsx', '2026-12-07')).toBe('partners-2026-12-07.xlsx');
    expect(spreadsheetFileName('objects', 'csv')).toMatch(/^objects-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
