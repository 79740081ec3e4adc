import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOf } from '../../lib/paging.js';
import {
  blockedByName,
  EXPORT_ROWS,
  exportColumn,
  writeExport,
  yesNo,
  type ExportColumn,
} from '../../lib/export-columns.js';
import { amountCell, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { presentPartnerListItem } from './partners.presenter.js';
import {
  countPartners,
  listPartners,
  type PartnerListFilters,
  type PartnerListRow,
} from './partners.repository.js';
import type { PartnerQuery } from './partners.schemas.js';

/** A partner administrator's own row: its parent lies outside its subtree and is not named. */
function listItemFor(actor: Actor) {
  return (row: PartnerListRow) => {
    const item = presentPartnerListItem(row);
    return row.id === actor.partnerId ? { ...item, parent: null } : item;
  };
}

function filtersOf(actor: Actor, query: PartnerQuery): PartnerListFilters {
  return {
    scope: scopeOf(actor),
    search: emptyToNull(query.search) ?? undefined,
    showDeleted: query.showDeleted,
    id: query.id,
    name: emptyToNull(query.name) ?? undefined,
    email: emptyToNull(query.email) ?? undefined,
    phone: emptyToNull(query.phone) ?? undefined,
    emailPhone: emptyToNull(query.emailPhone) ?? undefined,
    tariffName: emptyToNull(query.tariffName) ?? undefined,
    parentName: emptyToNull(query.parentName) ?? undefined,
    excludeSubtreeOf: query.excludeSubtreeOf,
    login: emptyToNull(query.login) ?? undefined,
    comment: emptyToNull(query.comment) ?? undefined,
    parentId: query.parentId,
    priceTariffId: query.priceTariffId,
    currency: emptyToNull(query.currency) ?? undefined,
    region: emptyToNull(query.region) ?? undefined,
    accountType: query.accountType,
    blocked: query.blocked,
  };
}

export async function findPartners(options: { db: Db; actor: Actor; query: PartnerQuery }) {
  const { db, actor, query } = options;
  const filters = filtersOf(actor, query);
  const page = pageOf(query);
  const [rows, total] = await Promise.all([
    listPartners(db, {
      filters,
      sort: query.sort ?? 'id',
      order: query.order ?? 'asc',
      ...page,
    }),
    countPartners(db, filters),
  ]);
  return { items: rows.map(listItemFor(actor)), total };
}

type PartnerListItem = ReturnType<ReturnType<typeof listItemFor>>;

/** The export's columns: the list's, in its order, then the blocks: its own and one from up the tree. */
const exportColumns: readonly ExportColumn<PartnerListItem>[] = [
  exportColumn('ID', 'ID', (item) => item.id),
  exportColumn('Name', 'Наименование', (item) => item.name),
  exportColumn('Tariff', 'Тариф', (item) => item.tariff?.name ?? null),
  exportColumn('Balance', 'Баланс', (item) => amountCell(item.balance)),
  exportColumn('Currency', 'Валюта', (item) => item.currency),
  exportColumn('Email', 'Email', (item) => item.email),
  exportColumn('Phone', 'Телефон', (item) => item.phone),
  exportColumn('Login', 'Логин', (item) => item.login),
  exportColumn('Number of accounts', 'Количество договоров', (item) => item.accountsCount),
  exportColumn('Number of vehicles', 'Количество объектов', (item) => item.vehiclesCount),
  exportColumn('Partner', 'Партнёр', (item) => item.parent?.name ?? null),
  exportColumn('Comment', 'Комментарий', (item) => item.comment),
  exportColumn('Blocked', 'Заблокирован', (item, locale) => yesNo(item.blocked, locale)),
  exportColumn('Blocked by partner', 'Заблокирован партнёром', (item, locale) =>
    blockedByName(item.blockedBy, locale),
  ),
  exportColumn('Users of accounts blocked', 'Вход пользователям договоров запрещён', (item, locale) =>
    yesNo(item.usersBlocked, locale),
  ),
];

/** The list as it is filtered and sorted, every page of it, as a csv or xlsx file. */
export async function exportPartners(options: {
  db: Db;
  actor: Actor;
  query: PartnerQuery;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const rows = await listPartners(options.db, {
    filters: filtersOf(options.actor, options.query),
    sort: options.query.sort ?? 'id',
    order: options.query.order ?? 'asc',
    ...EXPORT_ROWS,
  });
  return writeExport({
    sheetName: { en: 'Partners', ru: 'Партнёры' },
    columns: exportColumns,
    items: rows,
    present: listItemFor(options.actor),
    locale: options.locale,
    format: options.format,
  });
}
