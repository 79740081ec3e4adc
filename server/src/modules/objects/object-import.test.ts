import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { columnOfHeader, parseActive, parseContractId, parseDay, readImportFile } from './object-import.js';

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).errors.map((entry) => `${entry.field}:${entry.code}`);
}

describe('import headers', () => {
  it.each([
    ['Name', 'name'],
    ['Device ID', 'deviceId'],
    ['device_id', 'deviceId'],
    ['DEVICEID', 'deviceId'],
    ['Device ID or IMEI', 'deviceId'],
    ['Device type', 'deviceType'],
    ['SIM phone', 'simPhone'],
    ['SIM 2', 'sim2Phone'],
    ['sim2Phone', 'sim2Phone'],
    ['ICCID', 'iccid'],
    ['SIM provider', 'simProvider'],
    ['Plate number', 'plateNumber'],
    ['Active', 'active'],
    ['Active from', 'activeFrom'],
    ['active_from', 'activeFrom'],
    ['Active until', 'activeUntil'],
    ['Активен с', 'activeFrom'],
    ['Активен по', 'activeUntil'],
    ['Contract ID', 'contractId'],
    ['contractId', 'contractId'],
    ['ID устройства', 'deviceId'],
    ['Tariff', null],
  ])('%j → %j', (header, column) => {
    expect(columnOfHeader(header)).toBe(column);
  });
});

describe('readImportFile', () => {
  it('reads csv with comma or semicolon, a BOM, quotes; numbers rows as a spreadsheet does', async () => {
    const csv = '\uFEFFName;Device ID;Plate number;Unknown\r\n"Truck; one";D1;a1;x\r\n\r\nTruck 2;D2\r\n';
    expect(await readImportFile(Buffer.from(csv), 'csv')).toEqual([
      { row: 2, values: { name: 'Truck; one', deviceId: 'D1', plateNumber: 'a1' } },
      { row: 4, values: { name: 'Truck 2', deviceId: 'D2', plateNumber: '' } },
    ]);
    const comma = await readImportFile(Buffer.from('name,deviceId\nA,B\n'), 'csv');
    expect(comma).toEqual([{ row: 2, values: { name: 'A', deviceId: 'B' } }]);
  });

  it('reads the first sheet of an xlsx, numbers as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Objects');
    sheet.addRow(['Name', 'Device ID', 'Active', 'Contract ID']);
    sheet.addRow(['Truck', 490154203237518, 'no', 12]);
    sheet.addRow([]);
    sheet.addRow(['Bus', 'D-2']);
    const records = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(records).toEqual([
      { row: 2, values: { name: 'Truck', deviceId: '490154203237518', active: 'no', contractId: '12' } },
      { row: 4, values: { name: 'Bus', deviceId: 'D-2', active: '', contractId: '' } },
    ]);
  });

  it('reads a date cell of an xlsx as its day', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Objects');
    sheet.addRow(['Name', 'Device ID', 'Active from', 'Active until']);
    sheet.addRow(['Truck', 'D-1', new Date('2025-03-04T00:00:00Z'), '2025-12-31']);
    const records = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(records).toEqual([
      {
        row: 2,
        values: { name: 'Truck', deviceId: 'D-1', activeFrom: '2025-03-04', activeUntil: '2025-12-31' },
      },
    ]);
  });

  it('refuses an empty file, missing required columns, an unreadable workbook', async () => {
    expect(await problemOf(readImportFile(Buffer.from(''), 'csv'))).toEqual(['file:import_empty']);
    expect(await problemOf(readImportFile(Buffer.from('Name,Plate\nA,B'), 'csv'))).toEqual([
      'deviceId:import_column_missing',
    ]);
    expect(await problemOf(readImportFile(Buffer.from('junk'), 'xlsx'))).toEqual(['file:import_unreadable']);
  });
});

describe('limits, enforced while the file is read (in a worker thread)', () => {
  /** The field errors of a refusal with their parameters. */
  async function refusalOf(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).errors;
  }

  async function xlsxOf(rows: (string | number)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Objects');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const dataRows = (count: number) =>
    Array.from({ length: count }, (_, index) => [`Truck ${index}`, `35${String(index).padStart(13, '0')}`]);

  it('refuses a file of more than 50,000 rows, naming the limit, in csv and xlsx', async () => {
    const csv = ['Name,Device ID', ...dataRows(50_001).map((cells) => cells.join(','))].join('\n');
    const tooMany = [{ field: 'file', code: 'import_too_many_rows', params: { max: 50_000 } }];
    expect(await refusalOf(readImportFile(Buffer.from(csv), 'csv'))).toEqual(tooMany);
    const xlsx = await xlsxOf([['Name', 'Device ID'], ...dataRows(50_001)]);
    expect(await refusalOf(readImportFile(xlsx, 'xlsx'))).toEqual(tooMany);
  });

  it('takes exactly 50,000 rows', async () => {
    const csv = ['Name,Device ID', ...dataRows(50_000).map((cells) => cells.join(','))].join('\n');
    const records = await readImportFile(Buffer.from(csv), 'csv');
    expect(records).toHaveLength(50_000);
    expect(records[49_999]).toEqual({
      row: 50_001,
      values: { name: 'Truck 49999', deviceId: '350000000049999' },
    });
  });

  it('refuses a row of more than 100 cells, naming the row, in csv and xlsx', async () => {
    const wide = ['Truck', '350000000000001', ...Array.from({ length: 1_998 }, (_, index) => `x${index}`)];
    const tooWide = [{ field: 'file', code: 'import_too_many_columns', params: { max: 100, row: 3 } }];
    const csv = ['Name,Device ID', 'Van,350000000000002', wide.join(',')].join('\n');
    expect(await refusalOf(readImportFile(Buffer.from(csv), 'csv'))).toEqual(tooWide);
    const xlsx = await xlsxOf([['Name', 'Device ID'], ['Van', '350000000000002'], wide]);
    expect(await refusalOf(readImportFile(xlsx, 'xlsx'))).toEqual(tooWide);
  });

  it('refuses a workbook that takes more memory to read than a worker has, and the server goes on', async () => {
    // 1,200,000 different shared strings of 160 characters: their table alone is more than the worker's heap.
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
    const sheet = workbook.addWorksheet('Objects');
    sheet.addRow(['Name', 'Device ID']).commit();
    for (let index = 0; index < 600_000; index++) {
      sheet.addRow([`Truck ${index} ${'x'.repeat(150)}`, `Device ${index} ${'y'.repeat(150)}`]).commit();
    }
    sheet.commit();
    await workbook.commit();
    expect(await refusalOf(readImportFile(Buffer.concat(chunks), 'xlsx'))).toEqual([
      { field: 'file', code: 'import_too_large' },
    ]);
    // A new worker reads the next file.
    expect(await readImportFile(Buffer.from('Name,Device ID\nVan,350000000000002'), 'csv')).toHaveLength(1);
  }, 60_000);

  it('takes a row whose cells past the hundredth are empty (a sheet formatted far to the right)', async () => {
    const csv = ['Name,Device ID', `Van,350000000000002${','.repeat(500)}`].join('\n');
    expect(await readImportFile(Buffer.from(csv), 'csv')).toEqual([
      { row: 2, values: { name: 'Van', deviceId: '350000000000002' } },
    ]);
  });
});

describe('cell values', () => {
  it.each([
    ['', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['да', true],
    ['no', false],
    ['0', false],
    ['Нет', false],
    ['maybe', undefined],
  ])('Active %j → %j', (text, expected) => {
    expect(parseActive(text)).toBe(expected);
  });

  it.each([
    ['', null],
    [' 42 ', 42],
    ['0', undefined],
    ['4.2', undefined],
    ['abc', undefined],
  ])('Contract ID %j → %j', (text, expected) => {
    expect(parseContractId(text)).toBe(expected);
  });

  it.each([
    ['', null],
    [' 2025-06-01 ', '2025-06-01'],
    ['01.06.2025', '2025-06-01'],
    ['1.6.2025', '2025-06-01'],
    ['29.02.2024', '2024-02-29'],
    ['29.02.2025', undefined],
    ['2025-02-30', undefined],
    ['06/01/2025', undefined],
    ['2025-6-1', undefined],
    ['yesterday', undefined],
  ])('Active from / until %j → %j', (text, expected) => {
    expect(parseDay(text)).toBe(expected);
  });
});
