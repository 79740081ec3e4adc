import type { FastifyReply } from 'fastify';
import { today } from './clock.js';
import type { Locale } from './messages.js';
import { cooperativePause } from './cooperative.js';
import { runOffThreadWithRows } from './off-thread.js';
import { columnWidth, measureRow } from './spreadsheet-writer.js';
import type { Sheet, SpreadsheetFormat } from './spreadsheet-cells.js';

export {
  amountCell,
  dayCell,
  timeCell,
  type AmountCell,
  type Cell,
  type DayCell,
  type Sheet,
  type SpreadsheetFormat,
  type TimeCell,
} from './spreadsheet-cells.js';
export { AMOUNT_FORMAT } from './spreadsheet-writer.js';

export const spreadsheetContentTypes: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Writes a sheet as csv or xlsx, numbers and dates as the caller's language writes them — in a worker
 * thread, so that a large export never stalls the other requests. The columns' widths are measured
 * here first (in slices of the event loop's time); the rows then follow in batches, each written by
 * the worker as it arrives.
 */
export async function writeSpreadsheet(
  sheet: Sheet,
  format: SpreadsheetFormat,
  locale: Locale,
): Promise<Buffer> {
  const longest = sheet.headers.map((header) => header.length);
  const pause = cooperativePause();
  for (const row of sheet.rows) {
    await pause();
    measureRow(longest, row, locale);
  }
  const head = { name: sheet.name, headers: sheet.headers, widths: longest.map(columnWidth) };
  // The file comes back from the worker as a Uint8Array (a Buffer is copied as its bytes).
  const file: Uint8Array = await runOffThreadWithRows('writeSpreadsheet', head, sheet.rows, format, locale);
  return Buffer.from(file.buffer, file.byteOffset, file.byteLength);
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
