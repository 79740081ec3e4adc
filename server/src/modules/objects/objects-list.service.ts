import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOffset } from '../../lib/paging.js';
import { writeSpreadsheet, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/actor.js';
import { countObjects, listObjects, type ObjectListFilters } from './objects-list.repository.js';
import { presentObject } from './objects.presenter.js';
import type { ObjectQuery } from './objects.schemas.js';

/** An export holds at most this many rows; beyond it a person should narrow the filters. */
export const EXPORT_ROW_LIMIT = 100_000;

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
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 50 };
  const [rows, total] = await Promise.all([
    listObjects(db, {
      filters,
      sort: query.sort ?? 'id',
      order: query.order ?? 'asc',
      limit: page.pageSize,
      offset: pageOffset(page),
    }),
    countObjects(db, filters),
  ]);
  return { items: rows.map(presentObject), total };
}

/*
 * The export's first columns are the import's, under the same labels, so an exported file can be
 * edited and imported again; the read-only columns follow and are ignored by the import.
 */
const exportHeaders: Record<Locale, string[]> = {
  en: [
    'Name',
    'Device ID',
    'Device type',
    'SIM phone',
    'SIM 2',
    'ICCID',
    'SIM provider',
    'Plate number',
    'Active',
    'Active from',
    'Active until',
    'Contract ID',
    'ID',
    'Contract',
    'Partner',
    'Tariff',
    'Tariff from',
    'Archived',
  ],
  ru: [
    'Наименование',
    'ID устройства',
    'Тип устройства',
    'Телефон SIM',
    'SIM 2',
    'ICCID',
    'Оператор SIM',
    'Госномер',
    'Активен',
    'Активен с',
    'Активен по',
    'ID договора',
    'ID',
    'Договор',
    'Партнёр',
    'Тариф',
    'Тариф с',
    'В архиве',
  ],
};

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
    limit: EXPORT_ROW_LIMIT,
    offset: 0,
  });
  const yes = options.locale === 'ru' ? 'да' : 'yes';
  const no = options.locale === 'ru' ? 'нет' : 'no';
  return writeSpreadsheet(
    {
      name: options.locale === 'ru' ? 'Объекты' : 'Objects',
      headers: exportHeaders[options.locale],
      rows: rows
        .map(presentObject)
        .map((item) => [
          item.name,
          item.deviceId,
          item.deviceType,
          item.simPhone,
          item.sim2Phone,
          item.iccid,
          item.simProvider,
          item.plateNumber,
          item.active ? yes : no,
          item.activeFrom,
          item.activeUntil,
          item.contractId,
          item.id,
          item.contract.name,
          item.partner.name,
          item.tariff.name,
          item.tariffPinnedAt,
          item.archivedAt === null ? no : yes,
        ]),
    },
    options.format,
  );
}
