import { mapInSlices } from './cooperative.js';
import type { Locale } from './messages.js';
import { writeSpreadsheet, type Cell, type SpreadsheetFormat } from './spreadsheet.js';

/** An export holds at most this many rows; beyond it a person should narrow the filters. */
export const EXPORT_ROW_LIMIT = 100_000;

/** The rows an export reads: the first EXPORT_ROW_LIMIT of the list, filtered and sorted as shown. */
export const EXPORT_ROWS = { limit: EXPORT_ROW_LIMIT, offset: 0 } as const;

/** One column of a list's export: its header in each language and its cell, declared together. */
export interface ExportColumn<T> {
  header: Record<Locale, string>;
  cell: (item: T, locale: Locale) => Cell;
}

/** A column headed `en` / `ru` whose cell `cell` reads from a row. */
export function exportColumn<T>(
  en: string,
  ru: string,
  cell: (item: T, locale: Locale) => Cell,
): ExportColumn<T> {
  return { header: { en, ru }, cell };
}

const yesNoWords: Record<Locale, [string, string]> = { en: ['Yes', 'No'], ru: ['Да', 'Нет'] };

/** A flag as the lists' exports write it: Yes / No, Да / Нет. */
export function yesNo(value: boolean, locale: Locale): string {
  return yesNoWords[locale][value ? 0 : 1];
}

const parentPartnerWords: Record<Locale, string> = { en: 'Parent partner', ru: 'Вышестоящий партнёр' };

/**
 * The partner whose block applies to a record (the lists' blockedBy) as an export writes it: its name,
 * or "Parent partner" for one above the caller's own partner, which the caller may not see; empty for none.
 */
export function blockedByName(blockedBy: { name: string | null } | null, locale: Locale): string | null {
  if (blockedBy === null) return null;
  return blockedBy.name ?? parentPartnerWords[locale];
}

/**
 * Writes rows as a csv or xlsx sheet with the columns' headers in the caller's language, and its
 * numbers and dates as that language writes them (spreadsheet.ts). `present`, when given, turns each
 * item into what the columns read just before its cells are made: 100,000 presented items are then
 * never all held at once beside the rows and the cells.
 */
export async function writeExport<T, Item = T>(options: {
  sheetName: Record<Locale, string>;
  columns: readonly ExportColumn<T>[];
  items: readonly Item[];
  present?: (item: Item) => T;
  /** Rows after the items, such as totals. */
  footer?: Cell[][];
  locale: Locale;
  format: SpreadsheetFormat;
}): Promise<Buffer> {
  const { columns, locale, present } = options;
  const rows = await mapInSlices(options.items, (item) => {
    const shown = present ? present(item) : (item as unknown as T);
    return columns.map((column) => column.cell(shown, locale));
  });
  rows.push(...(options.footer ?? []));
  return writeSpreadsheet(
    { name: options.sheetName[locale], headers: columns.map((column) => column.header[locale]), rows },
    options.format,
    locale,
  );
}
