import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Locale } from './messages.js';
import type { Cell, SpreadsheetFormat } from './spreadsheet-cells.js';

/*
 * Writing a sheet as a file: pure and CPU-bound (100,000 rows of xlsx take seconds), so it runs in a
 * worker thread (off-thread.ts) and never blocks the server's event loop.
 */

/*
 * How each language writes numbers and dates, as a spreadsheet program in that locale reads a csv
 * without asking: Excel in a Russian locale splits on ";" and takes "1500,50" for a number and
 * 07.12.2026 for a date; in English it splits on "," and takes 1500.50 and 2026-12-07 (ISO, which no
 * reader takes for the 12th of July). The xlsx number formats show the same, whatever the reader's
 * locale. Times are UTC (the export's headers say so): the server does not know the reader's zone.
 */
interface LocaleStyle {
  delimiter: string;
  decimalSeparator: string;
  dayFormat: string;
  timeFormat: string;
  dayText: (day: string) => string;
}

const isoDay = (day: string) => day;
const dottedDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

const localeStyles: Record<Locale, LocaleStyle> = {
  en: {
    delimiter: ',',
    decimalSeparator: '.',
    dayFormat: 'yyyy-mm-dd',
    timeFormat: 'yyyy-mm-dd hh:mm:ss',
    dayText: isoDay,
  },
  ru: {
    delimiter: ';',
    decimalSeparator: ',',
    dayFormat: 'dd.mm.yyyy',
    timeFormat: 'dd.mm.yyyy hh:mm:ss',
    dayText: dottedDay,
  },
};

/** Amounts are shown with two decimals and grouped thousands (in the reader's own separators). */
export const AMOUNT_FORMAT = '#,##0.00';

/*
 * A csv cell that starts with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula,
 * unless it is a plain number or phone number (+77011234567, -5), which no spreadsheet runs. xlsx
 * cells are typed values, never formulas, so they are written as they are.
 */
const numberLike = /^[+-]?[\d\s().-]+$/;
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !numberLike.test(text) ? `'${text}` : text;
}

function csvText(cell: Cell, style: LocaleStyle): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return neutraliseFormula(cell);
  if (typeof cell === 'number') return String(cell).replace('.', style.decimalSeparator);
  switch (cell.kind) {
    case 'amount':
      return cell.value.replace('.', style.decimalSeparator);
    case 'day':
      return style.dayText(cell.value);
    case 'time': {
      const iso = cell.value.toISOString();
      return `${style.dayText(iso.slice(0, 10))} ${iso.slice(11, 19)}`;
    }
  }
}

/*
 * Every csv starts with a UTF-8 byte-order mark, in both languages: without it Excel reads the file in
 * the machine's legacy code page, and names in Cyrillic (or any other non-ASCII letter) arrive garbled
 * whatever the interface's language was.
 */
async function writeCsv(sheet: StreamedSheet, style: LocaleStyle): Promise<Buffer> {
  const options = { delimiter: style.delimiter };
  const parts = [Buffer.from('\uFEFF'), Buffer.from(stringify([sheet.headers], options))];
  for await (const batch of sheet.rows) {
    parts.push(
      Buffer.from(
        stringify(
          batch.map((row) => row.map((cell) => csvText(cell, style))),
          options,
        ),
      ),
    );
  }
  return Buffer.concat(parts);
}

/** Puts a typed value into an xlsx cell: amounts as numbers (xlsx holds doubles), dates as dates. */
function setXlsxCell(target: ExcelJS.Cell, cell: Cell, style: LocaleStyle) {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') {
    target.value = cell;
    return;
  }
  switch (cell.kind) {
    case 'amount':
      target.value = Number(cell.value);
      target.numFmt = AMOUNT_FORMAT;
      return;
    case 'day':
      target.value = new Date(`${cell.value}T00:00:00Z`);
      target.numFmt = style.dayFormat;
      return;
    case 'time':
      target.value = cell.value;
      target.numFmt = style.timeFormat;
      return;
  }
}

/** Roughly how wide a cell reads, in characters, for the column widths. */
function shownLength(cell: Cell, style: LocaleStyle): number {
  return csvText(cell, style).length;
}

/**
 * Keeps the longest text of each column (`longest`, one entry per column, headers first) up to date
 * with a row: the column widths are known before the first row is written.
 */
export function measureRow(longest: number[], row: readonly Cell[], locale: Locale): void {
  const style = localeStyles[locale];
  row.forEach((cell, index) => {
    longest[index] = Math.max(longest[index] ?? 0, shownLength(cell, style));
  });
}

/** A column as wide as its longest text, within 10 and 50 characters. */
export const columnWidth = (longest: number) => Math.min(Math.max(longest + 2, 10), 50);

/** A sheet whose rows arrive in batches (from the main thread), with its columns' widths measured. */
export interface StreamedSheet {
  name: string;
  headers: string[];
  widths: number[];
  rows: AsyncIterable<Cell[][]>;
}

/*
 * The workbook is written as a stream, row by row (each row committed is written out and forgotten):
 * 100,000 rows held as a whole workbook took more than the worker's 256 MB.
 */
async function writeXlsx(sheet: StreamedSheet, style: LocaleStyle): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  // The header stays in view while scrolling and carries the filter buttons.
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.widths.map((width) => ({ width }));
  if (sheet.headers.length > 0) {
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } };
  }
  const header = worksheet.addRow(sheet.headers);
  header.font = { bold: true };
  header.commit();
  // Each batch is written and forgotten as it arrives: the worker never holds the whole sheet.
  for await (const batch of sheet.rows) {
    for (const cells of batch) {
      const row = worksheet.addRow([]);
      cells.forEach((cell, index) => setXlsxCell(row.getCell(index + 1), cell, style));
      row.commit();
    }
  }
  worksheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Writes a sheet as csv or xlsx, here and now: called in a worker thread by writeSpreadsheet. */
export async function writeSpreadsheetHere(
  sheet: StreamedSheet,
  format: SpreadsheetFormat,
  locale: Locale,
): Promise<Buffer> {
  const style = localeStyles[locale];
  return format === 'csv' ? writeCsv(sheet, style) : writeXlsx(sheet, style);
}
