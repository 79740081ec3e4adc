import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOffset } from '../../lib/paging.js';
import { writeSpreadsheet, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/actor.js';
import { presentPartnerListItem } from './partners.presenter.js';
import {
  countPartners,
  listPartners,
  type PartnerListFilters,
  type PartnerListRow,
} from './partners.repository.js';
import type { PartnerQuery } from './partners.schemas.js';

/** An export holds at most this many rows; beyond it a person should narrow the filters. */
export const EXPORT_ROW_LIMIT = 100_000;

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
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 50 };
  const [rows, total] = await Promise.all([
    listPartners(db, {
      filters,
      sort: query.sort ?? 'id',
      order: query.order ?? 'asc',
      limit: page.pageSize,
      offset: pageOffset(page),
    }),
    countPartners(db, filters),
  ]);
  return { items: rows.map(listItemFor(actor)), total };
}

const exportHeaders: Record<Locale, string[]> = {
  en: [
    'ID',
    'Name',
    'Tariff',
    'Balance',
    'Currency',
    'Email',
    'Phone',
    'Login',
    'Number of accounts',
    'Number of vehicles',
    'Partner',
    'Comment',
  ],
  ru: [
    'ID',
    'Наименование',
    'Тариф',
    'Баланс',
    'Валюта',
    'Email',
    'Телефон',
    'Логин',
    'Количество аккаунтов',
    'Количество объектов',
    'Партнёр',
    'Комментарий',
  ],
};

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
    limit: EXPORT_ROW_LIMIT,
    offset: 0,
  });
  const items = rows.map(listItemFor(options.actor));
  return writeSpreadsheet(
    {
      name: options.locale === 'ru' ? 'Партнёры' : 'Partners',
      headers: exportHeaders[options.locale],
      rows: items.map((item) => [
        item.id,
        item.name,
        item.tariff?.name ?? null,
        item.balance,
        item.currency,
        item.email,
        item.phone,
        item.login,
        item.accountsCount,
        item.vehiclesCount,
        item.parent?.name ?? null,
        item.comment,
      ]),
    },
    options.format,
  );
}
