import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOffset } from '../../lib/paging.js';
import { writeSpreadsheet, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/actor.js';
import { accountTypeNames } from '../reference/reference-data.js';
import { countContracts, listContracts, type ContractListFilters } from './contracts-list.repository.js';
import { presentContractListItem } from './contracts.presenter.js';
import { countContractChildren } from './contracts.repository.js';
import type { ContractQuery } from './contracts.schemas.js';

/** An export holds at most this many rows; beyond it a person should narrow the filters. */
export const EXPORT_ROW_LIMIT = 100_000;

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
  return rows.map((row) => presentContractListItem(row, counts.get(row.id)));
}

export async function findContracts(options: { db: Db; actor: Actor; query: ContractQuery }) {
  const { db, actor, query } = options;
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 50 };
  const [items, total] = await Promise.all([
    listWithCounts(db, actor, query, { limit: page.pageSize, offset: pageOffset(page) }),
    countContracts(db, filtersOf(actor, query)),
  ]);
  return { items, total };
}

const exportHeaders: Record<Locale, string[]> = {
  en: [
    'ID',
    'Name',
    'Partner',
    'Tariff',
    'Balance',
    'Currency',
    'Email',
    'Phone',
    'IIN',
    'Account type',
    'Blocking limit',
    '1C code',
    'Active',
    'Warehouse account',
    'Blocked',
    'Blocked for debt',
    'Number of vehicles',
    'Number of users',
    'Comment',
  ],
  ru: [
    'ID',
    'Наименование',
    'Партнёр',
    'Тариф',
    'Баланс',
    'Валюта',
    'Email',
    'Телефон',
    'ИНН',
    'Тип учётной записи',
    'Лимит блокировки',
    'Код 1С',
    'Активен',
    'Складской аккаунт',
    'Заблокирован',
    'Заблокирован за долг',
    'Количество объектов',
    'Количество пользователей',
    'Комментарий',
  ],
};

const yesNo: Record<Locale, [string, string]> = { en: ['Yes', 'No'], ru: ['Да', 'Нет'] };

/** The list as it is filtered and sorted, every page of it, as a csv or xlsx file. */
export async function exportContracts(options: {
  db: Db;
  actor: Actor;
  query: ContractQuery;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const { locale } = options;
  const items = await listWithCounts(options.db, options.actor, options.query, {
    limit: EXPORT_ROW_LIMIT,
    offset: 0,
  });
  const flag = (value: boolean) => yesNo[locale][value ? 0 : 1];
  return writeSpreadsheet(
    {
      name: locale === 'ru' ? 'Аккаунты' : 'Contracts',
      headers: exportHeaders[locale],
      rows: items.map((item) => [
        item.id,
        item.name,
        item.partner.name,
        item.tariff?.name ?? null,
        item.balance,
        item.currency,
        item.email,
        item.phone,
        item.iin,
        accountTypeNames[item.accountType][locale],
        item.blockingLimit,
        item.code1c,
        flag(item.active),
        flag(item.isWarehouse),
        flag(item.blocked),
        flag(item.debtBlocked),
        item.objectsCount,
        item.usersCount,
        item.comment,
      ]),
    },
    options.format,
  );
}
