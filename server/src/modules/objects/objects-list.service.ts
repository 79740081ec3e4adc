import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOf } from '../../lib/paging.js';
import { EXPORT_ROWS, exportColumn, writeExport, type ExportColumn } from '../../lib/export-columns.js';
import type { SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
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

/* The import reads these words back (object-import.ts), so they stay as the import knows them. */
const flag = (value: boolean, locale: Locale) =>
  (value ? { en: 'yes', ru: 'да' } : { en: 'no', ru: 'нет' })[locale];

/*
 * The export's first columns are the import's, under the same labels, so an exported file can be
 * edited and imported again; the read-only columns follow and are ignored by the import.
 */
const exportColumns: readonly ExportColumn<ObjectResponse>[] = [
  exportColumn('Name', 'Наименование', (item) => item.name),
  exportColumn('Device ID', 'ID устройства', (item) => item.deviceId),
  exportColumn('Device type', 'Тип устройства', (item) => item.deviceType),
  exportColumn('SIM phone', 'Телефон SIM', (item) => item.simPhone),
  exportColumn('SIM 2', 'SIM 2', (item) => item.sim2Phone),
  exportColumn('ICCID', 'ICCID', (item) => item.iccid),
  exportColumn('SIM provider', 'Оператор SIM', (item) => item.simProvider),
  exportColumn('Plate number', 'Госномер', (item) => item.plateNumber),
  exportColumn('Active', 'Активен', (item, locale) => flag(item.active, locale)),
  exportColumn('Active from', 'Активен с', (item) => item.activeFrom),
  exportColumn('Active until', 'Активен по', (item) => item.activeUntil),
  exportColumn('Contract ID', 'ID договора', (item) => item.contractId),
  exportColumn('ID', 'ID', (item) => item.id),
  exportColumn('Contract', 'Договор', (item) => item.contract.name),
  exportColumn('Partner', 'Партнёр', (item) => item.partner.name),
  exportColumn('Tariff', 'Тариф', (item) => item.tariff.name),
  exportColumn('Tariff from', 'Тариф с', (item) => item.tariffPinnedAt),
  exportColumn('Archived', 'В архиве', (item, locale) => flag(item.archivedAt !== null, locale)),
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
    items: rows.map(presentObject),
    locale: options.locale,
    format: options.format,
  });
}
