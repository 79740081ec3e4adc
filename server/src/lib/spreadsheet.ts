import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { today } from './clock.js';
import type { Locale } from './messages.js';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** An amount: a decimal string as the API has it ('1500.00'), never a JS float. */
export interface AmountCell {
  kind: 'amount';
  value: string;
}
/** A calendar day, 'YYYY-MM-DD'. */
export interface DayCell {
  kind: 'day';
  value: string;
}
/** A moment, written in UTC. */
export interface TimeCell {
  kind: 'time';
  value: Date;
}

/**
 * What a column holds: text, an integer (an id, a count), or a typed value each format writes as its
 * kind — a number with two decimals, a date, a date and time. null is an empty cell. Flags are words
 * (Yes / Да), which read the same in every program.
 */
export type Cell = string | number | null | AmountCell | DayCell | TimeCell;

/** An amount cell of a decimal string; null stays empty. */
export const amountCell = (value: string | null): Cell => (value === null ? null : { kind: 'amount', value });

/** A date cell of a 'YYYY-MM-DD' day; null stays empty. */
export const dayCell = (value: string | null): Cell => (value === null ? null : { kind: 'day', value });

/** A date-and-time cell of a moment (a Date or ISO text); null stays empty. */
export const timeCell = (value: Date | string | null): Cell =>
  value === null ? null : { kind: 'time', value: new Date(value) };

export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export const spreadsheetContentTypes: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

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
function writeCsv(sheet: Sheet, style: LocaleStyle): Buffer {
  const text = stringify(
    [sheet.headers, ...sheet.rows.map((row) => row.map((cell) => csvText(cell, style)))],
    {
      delimiter: style.delimiter,
    },
  );
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]);
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

async function writeXlsx(sheet: Sheet, style: LocaleStyle): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // The header stays in view while scrolling and carries the filter buttons.
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow(sheet.headers).font = { bold: true };
  for (const cells of sheet.rows) {
    const row = worksheet.addRow([]);
    cells.forEach((cell, index) => setXlsxCell(row.getCell(index + 1), cell, style));
  }
  if (sheet.headers.length > 0) {
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } };
  }
  sheet.headers.forEach((header, index) => {
    const longest = Math.max(
      header.length,
      ...sheet.rows.map((row) => shownLength(row[index] ?? null, style)),
    );
    worksheet.getColumn(index + 1).width = Math.min(Math.max(longest + 2, 10), 50);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes a sheet as csv or xlsx, numbers and dates as the caller's language writes them. */
export async function writeSpreadsheet(
  sheet: Sheet,
  format: SpreadsheetFormat,
  locale: Locale,
): Promise<Buffer> {
  const style = localeStyles[locale];
  return format === 'csv' ? writeCsv(sheet, style) : writeXlsx(sheet, style);
}

/** The name a file is downloaded under: `<name>-<day>.<format>`, the day the server wrote it (UTC). */
export function spreadsheetFileName(name: string, format: SpreadsheetFormat, day: string = today()): string {
  return `${name}-${day}.${format}`;
}

/** Answers with a written spreadsheet as a download named `<name>-<today>.<format>`. */
export function sendSpreadsheet(
  reply: FastifyReply,
  file: Buffer,
  format: SpreadsheetFormat,
  name: string,
): FastifyReply {
  return reply
    .type(spreadsheetContentTypes[format])
    .header('content-disposition', `attachment; filename="${spreadsheetFileName(name, format)}"`)
    .send(file);
}
