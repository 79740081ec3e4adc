import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type SpreadsheetFormat = 'csv' | 'xlsx';
export type Cell = string | number | boolean | null;

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
 * CSV starts with a UTF-8 byte-order mark so that Excel opens Cyrillic text correctly. A CSV cell that
 * starts with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula, unless it is a
 * plain number or phone number (+77011234567, -5.00), which no spreadsheet runs. xlsx cells are typed
 * strings, never formulas, so they are written as they are.
 */
const numberLike = /^[+-]?[\d\s().-]+$/;
function neutraliseFormula(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) && !numberLike.test(cell) ? `'${cell}` : cell;
}

export async function writeSpreadsheet(sheet: Sheet, format: SpreadsheetFormat): Promise<Buffer> {
  if (format === 'csv') {
    const text = stringify([sheet.headers, ...sheet.rows.map((row) => row.map(neutraliseFormula))]);
    return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]);
  }
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.addRow(sheet.headers).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row);
  worksheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers with a written spreadsheet as a download named `<name>.<format>`. */
export function sendSpreadsheet(
  reply: FastifyReply,
  file: Buffer,
  format: SpreadsheetFormat,
  name: string,
): FastifyReply {
  return reply
    .type(spreadsheetContentTypes[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(file);
}
