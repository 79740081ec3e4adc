import { invalid } from '../../lib/errors.js';
import { OffThreadOutOfMemory, runOffThread } from '../../lib/off-thread.js';
import type { SheetProblem } from '../../lib/sheet-reader.js';
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
/** A row holds at most this many cells: an export has about twenty columns, the import reads twelve. */
export const IMPORT_COLUMN_LIMIT = 100;

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

/** The answer to a file the reader refused, naming the limit and the row where it was passed. */
function refusal(problem: SheetProblem) {
  switch (problem.code) {
    case 'import_unreadable':
      return invalid([{ field: 'file', code: 'import_unreadable' }]);
    case 'import_too_many_rows':
      return invalid([{ field: 'file', code: 'import_too_many_rows', params: { max: IMPORT_ROW_LIMIT } }]);
    case 'import_too_many_columns':
      return invalid([
        {
          field: 'file',
          code: 'import_too_many_columns',
          params: { max: IMPORT_COLUMN_LIMIT, row: problem.row },
        },
      ]);
  }
}

/**
 * Reads a file into records keyed by column; refuses a file without a header naming the Name and
 * Device ID columns. Columns it does not know (an export's ID, Partner, Tariff...) are ignored.
 */
export async function readImportFile(body: Buffer, format: ImportFormat): Promise<ImportRecord[]> {
  // Read in a worker thread, the limits enforced while reading (the header row is one of the rows).
  const reading = await runOffThread('readSheet', body, format, {
    maxRows: IMPORT_ROW_LIMIT + 1,
    maxColumns: IMPORT_COLUMN_LIMIT,
  }).catch((error: unknown) => {
    if (error instanceof OffThreadOutOfMemory) throw invalid([{ field: 'file', code: 'import_too_large' }]);
    throw error;
  });
  if (!reading.ok) throw refusal(reading);
  const rows = reading.rows;
  const [header, ...data] = rows;
  if (!header) throw invalid([{ field: 'file', code: 'import_empty' }]);
  const columns = header.cells.map(columnOfHeader);
  const missing = (['name', 'deviceId'] as const).filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw invalid(missing.map((column) => ({ field: column, code: 'import_column_missing' })));
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
