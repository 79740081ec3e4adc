import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOffset } from '../../lib/paging.js';
import { writeSpreadsheet, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { scopeOf, type Actor } from '../auth/actor.js';
import type { TransferQuery } from './finance.schemas.js';
import { balanceAccountIds } from './money-targets.repository.js';
import { presentTransfer } from './transfers.presenter.js';
import {
  countTransfers,
  findTransfersByIds,
  listTransferIds,
  subtreePartnerIds,
  type TransferFilters,
} from './transfers.repository.js';

/** The list counts at most this many transfers; beyond, it says totalCapped. */
export const TRANSFER_COUNT_CAP = 10_000;
/** An export holds at most this many rows; beyond it a person should narrow the filters. */
export const TRANSFER_EXPORT_LIMIT = 100_000;

/*
 * The filters of a query in the caller's scope. A partner or contract outside the scope is not an
 * error: the list is simply empty, as the contracts list is for a foreign partnerId. Filtered to a
 * contract (or to a partner with own=true) the list holds the transfers of that owner's balance
 * accounts only, each with its signed effect on them.
 */
async function filtersOf(db: Db, actor: Actor, query: TransferQuery): Promise<TransferFilters> {
  const scope = scopeOf(actor);
  let partnerIds: number[] | undefined =
    scope.kind === 'subtree' ? await subtreePartnerIds(db, scope.rootPartnerId) : undefined;
  if (query.partnerId !== undefined) {
    partnerIds = partnerIds === undefined || partnerIds.includes(query.partnerId) ? [query.partnerId] : [];
  }
  let accountIds: number[] | undefined;
  if (query.contractId !== undefined) {
    accountIds = await balanceAccountIds(db, { type: 'contract', id: query.contractId });
  } else if (query.partnerId !== undefined && query.own === true) {
    accountIds = await balanceAccountIds(db, { type: 'partner', id: query.partnerId });
  }
  return {
    partnerIds,
    contractId: query.contractId,
    accountIds,
    from: query.from,
    to: query.to,
    kind: query.kind,
  };
}

async function pageOfTransfers(
  db: Db,
  actor: Actor,
  filters: TransferFilters,
  query: TransferQuery,
  page: { limit: number; offset: number },
) {
  const ids = await listTransferIds(db, {
    filters,
    sort: query.sort ?? 'createdAt',
    order: query.order ?? 'desc',
    ...page,
  });
  const rows = await findTransfersByIds(db, ids);
  return rows.map((row) => presentTransfer(row, actor, filters.accountIds));
}

/** Whether the filters can match nothing at all (a foreign partner, an account never used): no query then. */
const matchesNothing = (filters: TransferFilters) =>
  filters.partnerIds?.length === 0 || filters.accountIds?.length === 0;

export async function findTransfers(options: { db: Db; actor: Actor; query: TransferQuery }) {
  const { db, actor, query } = options;
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 50 };
  const filters = await filtersOf(db, actor, query);
  if (matchesNothing(filters)) return { items: [], total: 0, totalCapped: false, ...page };
  const [items, counted] = await Promise.all([
    pageOfTransfers(db, actor, filters, query, { limit: page.pageSize, offset: pageOffset(page) }),
    countTransfers(db, filters, TRANSFER_COUNT_CAP),
  ]);
  return {
    items,
    total: Math.min(counted, TRANSFER_COUNT_CAP),
    totalCapped: counted > TRANSFER_COUNT_CAP,
    ...page,
  };
}

const kindNames: Record<Locale, Record<string, string>> = {
  en: {
    payment: 'Payment',
    deposit: 'Deposit',
    write_off: 'Write-off',
    correction: 'Correction',
    charge: 'Charge',
  },
  ru: {
    payment: 'Платёж',
    deposit: 'Депозит',
    write_off: 'Списание',
    correction: 'Корректировка',
    charge: 'Начисление',
  },
};

const exportHeaders: Record<Locale, string[]> = {
  en: [
    'ID',
    'Date',
    'Type',
    'Amount',
    'Signed amount',
    'Currency',
    'Partner',
    'Contract',
    'Object',
    'Level',
    'Charge day',
    'Reverses',
    'Reversed by',
    'Comment',
    'Entered by',
    'Created at',
  ],
  ru: [
    'ID',
    'Дата',
    'Тип',
    'Сумма',
    'Сумма со знаком',
    'Валюта',
    'Партнёр',
    'Аккаунт',
    'Объект',
    'Уровень',
    'День начисления',
    'Корректирует',
    'Скорректирована',
    'Комментарий',
    'Кто внёс',
    'Создана',
  ],
};

/** The list as it is filtered and sorted, every page of it (up to the export limit), as csv or xlsx. */
export async function exportTransfers(options: {
  db: Db;
  actor: Actor;
  query: TransferQuery;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const { db, actor, query, locale } = options;
  const filters = await filtersOf(db, actor, query);
  const items = matchesNothing(filters)
    ? []
    : await pageOfTransfers(db, actor, filters, query, { limit: TRANSFER_EXPORT_LIMIT, offset: 0 });
  return writeSpreadsheet(
    {
      name: locale === 'ru' ? 'Операции' : 'Transactions',
      headers: exportHeaders[locale],
      rows: items.map((item) => [
        item.id,
        item.valueDate,
        kindNames[locale][item.kind] ?? item.kind,
        item.amount,
        item.signedAmount,
        item.currency,
        item.partnerName,
        item.contractName,
        item.objectName,
        item.level,
        item.chargeDay,
        item.reversesId,
        item.reversedById,
        item.comment,
        item.actorLogin,
        item.createdAt,
      ]),
    },
    options.format,
  );
}
