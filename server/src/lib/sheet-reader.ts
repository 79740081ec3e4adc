import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/*
 * Reading an uploaded csv or xlsx into rows of text cells, with the limits enforced while reading: a
 * file over a limit is refused as soon as the limit is passed, without reading the rest (an xlsx is
 * read as a stream, row by row). Pure and CPU-bound: it runs in a worker thread (off-thread.ts).
 */

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetLimits {
  /** Rows with something in them, the header included. */
  maxRows: number;
  /** Cells in one row (up to its last cell with something in it). */
  maxColumns: number;
}

/** A sheet as text cells, each row with its number in the spreadsheet (the first row is 1). */
export type TextRows = { row: number; cells: string[] }[];

export type SheetProblem =
  | { code: 'import_unreadable' }
  | { code: 'import_too_many_rows'; row: number }
  | { code: 'import_too_many_columns'; row: number };

/** The rows read, or why the file was refused (a plain object: it crosses from the worker thread). */
export type SheetReading = { ok: true; rows: TextRows } | ({ ok: false } & SheetProblem);

/** Stops the reading at the first limit passed; the reason is kept to be answered. */
class LimitPassed extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.code);
  }
}

const hasText = (cells: string[]) => cells.some((cell) => cell.trim() !== '');

/** Collects rows with something in them, refusing at the first limit passed. */
function collector(limits: SheetLimits) {
  const rows: TextRows = [];
  return {
    rows,
    add(row: number, cells: string[]) {
      if (cells.length > limits.maxColumns) {
        // Trailing empty cells do not count: a sheet formatted to column ZZ is not a wide sheet.
        while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
        if (cells.length > limits.maxColumns) throw new LimitPassed({ code: 'import_too_many_columns', row });
      }
      if (!hasText(cells)) return;
      if (rows.length >= limits.maxRows) throw new LimitPassed({ code: 'import_too_many_rows', row });
      rows.push({ row, cells });
    },
  };
}

/** Excel in a Russian locale writes csv with ";"; the header line tells which separator the file uses. */
function csvDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(body: Buffer, limits: SheetLimits): TextRows {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  const sheet = collector(limits);
  let line = 0;
  parse(text, {
    delimiter: csvDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // Each record is judged as it is read, and none is kept by the parser itself.
    on_record: (cells: string[]) => {
      line += 1;
      sheet.add(line, cells);
      return null;
    },
  });
  return sheet.rows;
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

/** An xlsx is a zip archive; the streaming reader takes anything else for an empty workbook. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The first worksheet, read row by row as the file streams in. */
async function readXlsx(body: Buffer, limits: SheetLimits): Promise<TextRows> {
  if (!body.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new Error('not an xlsx (zip) file');
  const input = Readable.from([body]);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  const sheet = collector(limits);
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        // Past the limit, a cell counts only when something is in it (a sheet formatted to column ZZ
        // is not a wide sheet); the first such cell refuses the file, the rest is not read.
        for (let column = limits.maxColumns + 1; column <= row.cellCount; column++) {
          if (cellText(row.getCell(column)).trim() !== '') {
            throw new LimitPassed({ code: 'import_too_many_columns', row: row.number });
          }
        }
        const cells: string[] = [];
        const last = Math.min(row.cellCount, limits.maxColumns);
        for (let column = 1; column <= last; column++) cells.push(cellText(row.getCell(column)));
        sheet.add(row.number, cells);
      }
      break;
    }
  } finally {
    input.destroy();
  }
  return sheet.rows;
}

/** Reads a sheet within the limits: its rows with something in them, or why it was refused. */
export async function readSheet(
  body: Uint8Array,
  format: SheetFormat,
  limits: SheetLimits,
): Promise<SheetReading> {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  try {
    const rows = format === 'csv' ? readCsv(bytes, limits) : await readXlsx(bytes, limits);
    return { ok: true, rows };
  } catch (error) {
    if (error instanceof LimitPassed) return { ok: false, ...error.problem };
    // A limit passed inside the csv parser's callback comes back wrapped in the parser's own error.
    const cause = (error as { cause?: unknown } | null)?.cause;
    if (cause instanceof LimitPassed) return { ok: false, ...cause.problem };
    return { ok: false, code: 'import_unreadable' };
  }
}
