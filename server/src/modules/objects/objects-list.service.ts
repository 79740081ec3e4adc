import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOf } from '../../lib/paging.js';
import {
  EXPORT_ROWS,
  exportColumn,
  writeExport,
  yesNo,
  type ExportColumn,
} from '../../lib/export-columns.js';
import { dayCell, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { importColumnLabels, type ImportColumn } from './object-import.js';
import { countObjects, listObjects, type ObjectListFilters } from './objects-list.repository.js';
import { presentObject, type ObjectResponse } from './objects.presenter.js';
import type { ObjectQuery } from './objects.schemas.js';

function filtersOf(actor: Actor, query: ObjectQuery): ObjectListFilters {
  return {
    scope: scopeOf(actor),
    search: emptyToNull(query.search) ?? undefined,
    showDeleted: query.showDeleted,
    partnerId: query.partnerId,
    contractId: query.contractId,
    tariffId: query.tariffId,
    active: query.active,
    activeOn: query.activeOn,
  };
}

export async function findObjects(options: { db: Db; actor: Actor; query: ObjectQuery }) {
  const { db, actor, query } = options;
  const filters = filtersOf(actor, query);
  const page = pageOf(query);
  const [rows, total] = await Promise.all([
    listObjects(db, {
      filters,
      sort: query.sort ?? 'id',
      order: query.order ?? 'asc',
      ...page,
    }),
    countObjects(db, filters),
  ]);
  return { items: rows.map(presentObject), total };
}

/** A column of the import's, headed by the import's label, so an exported file can be imported again. */
function importColumn(column: ImportColumn, cell: ExportColumn<ObjectResponse>['cell']) {
  const { en, ru } = importColumnLabels[column];
  return exportColumn(en, ru, cell);
}

/*
 * The export's first columns are the import's, under the same labels, so an exported file can be
 * edited and imported again (its Yes / Да and its dates read back as written); the read-only columns
 * follow and are ignored by the import.
 */
const exportColumns: readonly ExportColumn<ObjectResponse>[] = [
  importColumn('name', (item) => item.name),
  importColumn('deviceId', (item) => item.deviceId),
  importColumn('deviceType', (item) => item.deviceType),
  importColumn('simPhone', (item) => item.simPhone),
  importColumn('sim2Phone', (item) => item.sim2Phone),
  importColumn('iccid', (item) => item.iccid),
  importColumn('simProvider', (item) => item.simProvider),
  importColumn('plateNumber', (item) => item.plateNumber),
  importColumn('active', (item, locale) => yesNo(item.active, locale)),
  importColumn('activeFrom', (item) => dayCell(item.activeFrom)),
  importColumn('activeUntil', (item) => dayCell(item.activeUntil)),
  importColumn('contractId', (item) => item.contractId),
  exportColumn('ID', 'ID', (item) => item.id),
  exportColumn('Contract', 'Договор', (item) => item.contract.name),
  exportColumn('Partner', 'Партнёр', (item) => item.partner.name),
  exportColumn('Tariff', 'Тариф', (item) => item.tariff.name),
  exportColumn('Tariff from', 'Тариф с', (item) => dayCell(item.tariffPinnedAt)),
  exportColumn('Archived', 'В архиве', (item, locale) => yesNo(item.archivedAt !== null, locale)),
];

/** The list as it is filtered and sorted, every page of it, as a csv or xlsx file. */
export async function exportObjects(options: {
  db: Db;
  actor: Actor;
  query: ObjectQuery;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const rows = await listObjects(options.db, {
    filters: filtersOf(options.actor, options.query),
    sort: options.query.sort ?? 'id',
    order: options.query.order ?? 'asc',
    ...EXPORT_ROWS,
  });
  return writeExport({
    sheetName: { en: 'Objects', ru: 'Объекты' },
    columns: exportColumns,
    items: rows,
    present: presentObject,
    locale: options.locale,
    format: options.format,
  });
}
