import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { invalid } from '../../lib/errors.js';
import { isCalendarDay } from '../../lib/clock.js';
import type { Locale } from '../../lib/messages.js';

/*
 * Reading a bulk-import file: a csv or an xlsx sheet whose first row names the columns. Pure parsing,
 * no database: the import service judges the rows.
 */

export type ImportFormat = 'csv' | 'xlsx';

export const importColumns = [
  'name',
  'deviceId',
  'deviceType',
  'simPhone',
  'sim2Phone',
  'iccid',
  'simProvider',
  'plateNumber',
  'active',
  'activeFrom',
  'activeUntil',
  'contractId',
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** A file holds at most this many data rows; larger batches are split by the person importing. */
export const IMPORT_ROW_LIMIT = 50_000;

/** The import's columns as a person reads them: the headers of the export's first columns and of the sample. */
export const importColumnLabels: Record<ImportColumn, Record<Locale, string>> = {
  name: { en: 'Name', ru: 'Наименование' },
  deviceId: { en: 'Device ID', ru: 'ID устройства' },
  deviceType: { en: 'Device type', ru: 'Тип устройства' },
  simPhone: { en: 'SIM phone', ru: 'Телефон SIM' },
  sim2Phone: { en: 'SIM 2', ru: 'SIM 2' },
  iccid: { en: 'ICCID', ru: 'ICCID' },
  simProvider: { en: 'SIM provider', ru: 'Оператор SIM' },
  plateNumber: { en: 'Plate number', ru: 'Госномер' },
  active: { en: 'Active', ru: 'Активен' },
  activeFrom: { en: 'Active from', ru: 'Активен с' },
  activeUntil: { en: 'Active until', ru: 'Активен по' },
  contractId: { en: 'Contract ID', ru: 'ID договора' },
};

/** Header texts as people write them besides those labels: the API keys and other common names. */
const headerAliases: Record<ImportColumn, string[]> = {
  name: ['name', 'Название'],
  deviceId: ['deviceId', 'Device ID or IMEI', 'IMEI', 'ID устройства или IMEI'],
  deviceType: ['deviceType'],
  simPhone: ['simPhone'],
  sim2Phone: ['sim2Phone', 'SIM 2 phone'],
  iccid: ['iccid'],
  simProvider: ['simProvider'],
  plateNumber: ['plateNumber'],
  active: ['active'],
  activeFrom: ['activeFrom'],
  activeUntil: ['activeUntil'],
  contractId: ['contractId'],
};

/** Case, spaces and punctuation do not matter in a header: "Device ID", "device_id", "DEVICEID". */
const headerKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const columnByHeader = new Map<string, ImportColumn>(
  importColumns.flatMap((column) =>
    [...Object.values(importColumnLabels[column]), ...headerAliases[column]].map(
      (alias) => [headerKey(alias), column] as const,
    ),
  ),
);

export function columnOfHeader(text: string): ImportColumn | null {
  return columnByHeader.get(headerKey(text)) ?? null;
}

/** One data row: its spreadsheet row number (the header is row 1) and its cells by column. */
export interface ImportRecord {
  row: number;
  values: Partial<Record<ImportColumn, string>>;
}

/** A sheet as text cells, each row with its number in the spreadsheet. */
type TextRows = { row: number; cells: string[] }[];

/** Excel in a Russian locale writes csv with ";"; the header line tells which separator the file uses. */
function csvDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(body: Buffer): TextRows {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  try {
    const records: string[][] = parse(text, {
      delimiter: csvDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return records.map((cells, index) => ({ row: index + 1, cells }));
  } catch {
    throw invalid([{ field: 'file', code: 'import_unreadable' }]);
  }
}

/*
 * A cell's text as the sheet shows it, except a date cell (Active from typed into Excel becomes one),
 * which is read as its day, YYYY-MM-DD: exceljs hands dates over as UTC midnights.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return cell.text ?? '';
}

async function readXlsx(body: Buffer): Promise<TextRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw invalid([{ field: 'file', code: 'import_unreadable' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TextRows = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)));
    rows.push({ row: row.number, cells });
  });
  return rows;
}

/**
 * Reads a file into records keyed by column; refuses a file without a header naming the Name and
 * Device ID columns. Columns it does not know (an export's ID, Partner, Tariff...) are ignored.
 */
export async function readImportFile(body: Buffer, format: ImportFormat): Promise<ImportRecord[]> {
  const rows = (format === 'csv' ? readCsv(body) : await readXlsx(body)).filter((row) =>
    row.cells.some((cell) => cell.trim() !== ''),
  );
  const [header, ...data] = rows;
  if (!header) throw invalid([{ field: 'file', code: 'import_empty' }]);
  const columns = header.cells.map(columnOfHeader);
  const missing = (['name', 'deviceId'] as const).filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw invalid(missing.map((column) => ({ field: column, code: 'import_column_missing' })));
  }
  if (data.length > IMPORT_ROW_LIMIT) {
    throw invalid([{ field: 'file', code: 'import_too_many_rows', params: { max: IMPORT_ROW_LIMIT } }]);
  }
  return data.map(({ row, cells }) => {
    const values: ImportRecord['values'] = {};
    columns.forEach((column, index) => {
      if (column && values[column] === undefined) values[column] = (cells[index] ?? '').trim();
    });
    return { row, values };
  });
}

const yes = new Set(['', 'true', 'yes', 'y', '1', 'да', 'д', 'on']);
const no = new Set(['false', 'no', 'n', '0', 'нет', 'н', 'off']);

/** The Active cell: empty means active, as on the form; undefined when it is not a yes or no. */
export function parseActive(text: string | undefined): boolean | undefined {
  const value = (text ?? '').trim().toLowerCase();
  if (yes.has(value)) return true;
  if (no.has(value)) return false;
  return undefined;
}

/** The Contract ID cell: null when empty, undefined when it is not an id. */
export function parseContractId(text: string | undefined): number | null | undefined {
  const value = (text ?? '').trim();
  if (value === '') return null;
  if (!/^\d{1,15}$/.test(value) || Number(value) === 0) return undefined;
  return Number(value);
}

const dottedDay = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * An Active from / Active until cell: YYYY-MM-DD, or DD.MM.YYYY as a Russian spreadsheet writes it.
 * null when empty; undefined when it is not a calendar day.
 */
export function parseDay(text: string | undefined): string | null | undefined {
  const value = (text ?? '').trim();
  if (value === '') return null;
  const dotted = dottedDay.exec(value);
  const day = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : value;
  return isCalendarDay(day) ? day : undefined;
}
