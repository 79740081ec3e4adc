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
import { accountTypeNames } from '../reference/reference.public.js';
import { countContracts, listContracts, type ContractListFilters } from './contracts-list.repository.js';
import { presentContractListItem } from './contracts.presenter.js';
import { countContractChildren } from './contracts.repository.js';
import type { ContractQuery } from './contracts.schemas.js';
import { mapInSlices } from '../../lib/cooperative.js';

const text = (value: string | undefined) => emptyToNull(value) ?? undefined;

function filtersOf(actor: Actor, query: ContractQuery): ContractListFilters {
  return {
    scope: scopeOf(actor),
    search: text(query.search),
    showDeleted: query.showDeleted,
    id: query.id,
    partnerId: query.partnerId,
    name: text(query.name),
    email: text(query.email),
    phone: text(query.phone),
    iin: text(query.iin),
    code1c: text(query.code1c),
    comment: text(query.comment),
    partnerName: text(query.partnerName),
    tariffName: text(query.tariffName),
    tariffId: query.tariffId,
    currency: text(query.currency),
    accountType: query.accountType,
    active: query.active,
    isWarehouse: query.isWarehouse,
    blocked: query.blocked,
    debtBlocked: query.debtBlocked,
  };
}

async function listWithCounts(
  db: Db,
  actor: Actor,
  query: ContractQuery,
  page: { limit: number; offset: number },
) {
  const rows = await listContracts(db, {
    filters: filtersOf(actor, query),
    sort: query.sort ?? 'id',
    order: query.order ?? 'asc',
    ...page,
  });
  const counts = await countContractChildren(
    db,
    rows.map((row) => row.id),
  );
  return mapInSlices(rows, (row) => presentContractListItem(row, counts.get(row.id)));
}

export async function findContracts(options: { db: Db; actor: Actor; query: ContractQuery }) {
  const { db, actor, query } = options;
  const page = pageOf(query);
  const [items, total] = await Promise.all([
    listWithCounts(db, actor, query, page),
    countContracts(db, filtersOf(actor, query)),
  ]);
  return { items, total };
}

type ContractListItem = Awaited<ReturnType<typeof listWithCounts>>[number];

/** The export's columns: the list's, then what the card adds. */
const exportColumns: readonly ExportColumn<ContractListItem>[] = [
  exportColumn('ID', 'ID', (item) => item.id),
  exportColumn('Name', 'Наименование', (item) => item.name),
  exportColumn('Partner', 'Партнёр', (item) => item.partner.name),
  exportColumn('Tariff', 'Тариф', (item) => item.tariff?.name ?? null),
  exportColumn('Balance', 'Баланс', (item) => amountCell(item.balance)),
  exportColumn('Currency', 'Валюта', (item) => item.currency),
  exportColumn('Email', 'Email', (item) => item.email),
  exportColumn('Phone', 'Телефон', (item) => item.phone),
  exportColumn('IIN', 'ИНН', (item) => item.iin),
  exportColumn(
    'Account type',
    'Порядок расчётов',
    (item, locale) => accountTypeNames[item.accountType][locale],
  ),
  exportColumn('Blocking limit', 'Лимит блокировки', (item) => amountCell(item.blockingLimit)),
  exportColumn('1C code', 'Код 1С', (item) => item.code1c),
  exportColumn('Active', 'Активен', (item, locale) => yesNo(item.active, locale)),
  exportColumn('Warehouse account', 'Складской договор', (item, locale) => yesNo(item.isWarehouse, locale)),
  exportColumn('Blocked', 'Заблокирован', (item, locale) => yesNo(item.blocked, locale)),
  exportColumn('Blocked by partner', 'Заблокирован партнёром', (item, locale) =>
    blockedByName(item.blockedBy, locale),
  ),
  exportColumn('Blocked for debt', 'Заблокирован за долг', (item, locale) => yesNo(item.debtBlocked, locale)),
  exportColumn('Number of vehicles', 'Количество объектов', (item) => item.objectsCount),
  exportColumn('Number of users', 'Количество пользователей', (item) => item.usersCount),
  exportColumn('Comment', 'Комментарий', (item) => item.comment),
];

/** The list as it is filtered and sorted, every page of it, as a csv or xlsx file. */
export async function exportContracts(options: {
  db: Db;
  actor: Actor;
  query: ContractQuery;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const items = await listWithCounts(options.db, options.actor, options.query, {
    ...EXPORT_ROWS,
  });
  return writeExport({
    sheetName: { en: 'Contracts', ru: 'Договоры' },
    columns: exportColumns,
    items,
    locale: options.locale,
    format: options.format,
  });
}
