import { today } from '../../lib/clock.js';
import { writeExport, yesNo, type ExportColumn } from '../../lib/export-columns.js';
import type { Locale } from '../../lib/messages.js';
import { dayCell, type Cell, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { importColumnLabels, importColumns, type ImportColumn } from './object-import.js';

/*
 * The import dialog's sample file: every column the import reads, headed as the caller's language
 * heads it, and one row that the import accepts as it is (a real IMEI and ICCID with their check
 * digits, Active from the day of the file). Contract ID is left empty: the row goes to the contract
 * chosen in the dialog.
 */

type SampleRow = Record<ImportColumn, Cell>;

function sampleRow(locale: Locale, day: string): SampleRow {
  return {
    name: locale === 'ru' ? 'Грузовик 01' : 'Truck 01',
    deviceId: '490154203237518',
    deviceType: 'Teltonika FMB920',
    simPhone: '+77011234567',
    sim2Phone: null,
    iccid: '8970101234567890123',
    simProvider: 'Beeline',
    plateNumber: 'A001AA77',
    active: yesNo(true, locale),
    activeFrom: dayCell(day),
    activeUntil: null,
    contractId: null,
  };
}

const sampleColumns: readonly ExportColumn<SampleRow>[] = importColumns.map((column) => ({
  header: importColumnLabels[column],
  cell: (row: SampleRow) => row[column],
}));

/** The sample file in the caller's language, as csv or xlsx. */
export function writeImportSample(options: { format: SpreadsheetFormat; locale: Locale; day?: string }) {
  const { format, locale } = options;
  return writeExport({
    sheetName: { en: 'Objects', ru: 'Объекты' },
    columns: sampleColumns,
    items: [sampleRow(locale, options.day ?? today())],
    locale,
    format,
  });
}
