import type { Db } from '../../db/connect.js';
import type { Locale } from '../../lib/messages.js';
import { pageOf } from '../../lib/paging.js';
import { EXPORT_ROWS, exportColumn, writeExport, type ExportColumn } from '../../lib/export-columns.js';
import { amountCell, dayCell, timeCell, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { findSubtreePartnerIds } from '../scope/scope.public.js';
import type { ChargeObjectsQuery, TransferQuery } from './finance.schemas.js';
import { decimal, formatAmount } from '../../lib/money.js';
import { notFound } from '../../lib/errors.js';
import { listChargeLines } from './charge-lines.repository.js';
import { balanceAccountsOf, findTransferInScope } from '../ledger/ledger.public.js';
import { presentTransfer } from './transfers.presenter.js';
import {
  countTransfers,
  findTransfersByIds,
  listTransferIds,
  type TransferFilters,
} from './transfers.repository.js';
import { mapInSlices } from '../../lib/cooperative.js';

/** The list counts at most this many transfers; beyond, it says totalCapped. */
export const TRANSFER_COUNT_CAP = 10_000;

/*
 * The filters of a query in the caller's scope. A partner or contract outside the scope is not an
 * error: the list is simply empty, as the contracts list is for a foreign partnerId. Filtered to a
 * contract (or to a partner with own=true) the list holds the transfers of that owner's balance
 * accounts only, each with its signed effect on them.
 */
async function filtersOf(db: Db, actor: Actor, query: TransferQuery): Promise<TransferFilters> {
  const scope = scopeOf(actor);
  let partnerIds: number[] | undefined =
    scope.kind === 'subtree' ? await findSubtreePartnerIds(db, scope.rootPartnerId) : undefined;
  if (query.partnerId !== undefined) {
    partnerIds = partnerIds === undefined || partnerIds.includes(query.partnerId) ? [query.partnerId] : [];
  }
  let accountIds: number[] | undefined;
  if (query.contractId !== undefined) {
    accountIds = (await balanceAccountsOf(db, { type: 'contract', id: query.contractId })).map(
      (account) => account.id,
    );
  } else if (query.partnerId !== undefined && query.own === true) {
    accountIds = (await balanceAccountsOf(db, { type: 'partner', id: query.partnerId })).map(
      (account) => account.id,
    );
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
  return mapInSlices(rows, (row) => presentTransfer(row, actor, filters.accountIds));
}

/** Whether the filters can match nothing at all (a foreign partner, an account never used): no query then. */
const matchesNothing = (filters: TransferFilters) =>
  filters.partnerIds?.length === 0 || filters.accountIds?.length === 0;

export async function findTransfers(options: { db: Db; actor: Actor; query: TransferQuery }) {
  const { db, actor, query } = options;
  const page = pageOf(query);
  const echo = { page: query.page ?? 1, pageSize: page.limit };
  const filters = await filtersOf(db, actor, query);
  if (matchesNothing(filters)) return { items: [], total: 0, totalCapped: false, ...echo };
  const [items, counted] = await Promise.all([
    pageOfTransfers(db, actor, filters, query, page),
    countTransfers(db, filters, TRANSFER_COUNT_CAP),
  ]);
  return {
    items,
    total: Math.min(counted, TRANSFER_COUNT_CAP),
    totalCapped: counted > TRANSFER_COUNT_CAP,
    ...echo,
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

/**
 * Who pays whom at a charge's level (docs/billing.md): 0 the contract its partner, 1 a top-level partner
 * the platform, n a partner at depth n its parent.
 */
function levelName(level: number | null, locale: Locale): string | null {
  if (level === null) return null;
  if (level === 0) return locale === 'ru' ? 'Договор → партнёр' : 'Contract → partner';
  if (level === 1)
    return locale === 'ru' ? 'Партнёр (уровень 1) → платформа' : 'Partner (level 1) → platform';
  return locale === 'ru'
    ? `Партнёр (уровень ${level}) → вышестоящий партнёр`
    : `Partner (level ${level}) → parent partner`;
}

type TransferItem = Awaited<ReturnType<typeof pageOfTransfers>>[number];

const exportColumns: readonly ExportColumn<TransferItem>[] = [
  exportColumn('ID', 'ID', (item) => item.id),
  exportColumn('Date', 'Дата', (item) => dayCell(item.valueDate)),
  exportColumn('Type', 'Тип', (item, locale) => kindNames[locale][item.kind] ?? item.kind),
  exportColumn('Amount', 'Сумма', (item) => amountCell(item.amount)),
  exportColumn('Signed amount', 'Сумма со знаком', (item) => amountCell(item.signedAmount)),
  exportColumn('Currency', 'Валюта', (item) => item.currency),
  exportColumn('Partner', 'Партнёр', (item) => item.partnerName),
  exportColumn('Contract', 'Договор', (item) => item.contractName),
  exportColumn('Object', 'Объект', (item) => item.objectName),
  exportColumn('Object-days', 'Объекто-дней', (item) => item.quantity),
  exportColumn('Amount per object-day', 'Сумма за объекто-день', (item) => amountCell(item.unitAmount)),
  exportColumn('Level', 'Уровень', (item, locale) => levelName(item.level, locale)),
  exportColumn('Charge day', 'День начисления', (item) => dayCell(item.chargeDay)),
  exportColumn('Reverses transaction', 'Корректирует операцию', (item) => item.reversesId),
  exportColumn('Reversed by transaction', 'Скорректирована операцией', (item) => item.reversedById),
  exportColumn('Comment', 'Комментарий', (item) => item.comment),
  exportColumn('Entered by', 'Кто внёс', (item) => item.actorLogin),
  exportColumn('Created at (UTC)', 'Создана (UTC)', (item) => timeCell(item.createdAt)),
];

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
  const items = matchesNothing(filters) ? [] : await pageOfTransfers(db, actor, filters, query, EXPORT_ROWS);
  return writeExport({
    sheetName: { en: 'Transactions', ru: 'Операции' },
    columns: exportColumns,
    items,
    locale,
    format: options.format,
  });
}

/**
 * GET /finance/transactions/{id}/objects: the object-days behind a charge of the caller's subtree, by
 * object, each at the charge's amount per object-day. 404 for a transfer outside the subtree or not a charge.
 */
export async function findChargeObjects(options: {
  db: Db;
  actor: Actor;
  id: number;
  query: ChargeObjectsQuery;
}) {
  const { db, actor, id, query } = options;
  const charge = await findTransferInScope(db, id, scopeOf(actor));
  if (!charge || charge.kind !== 'charge') throw notFound();
  const unit = formatAmount(decimal(charge.amount).dividedBy(charge.quantity!).toFixed(2));
  const { rows, total } = await listChargeLines(
    db,
    {
      id: charge.id,
      level: charge.level!,
      charge_day: charge.charge_day!,
      contract_id: charge.contract_id,
      partner_id: charge.partner_id,
    },
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
  );
  return {
    items: rows.map((row) => ({
      objectId: Number(row.object_id),
      objectName: row.object_name,
      deviceId: row.device_id,
      contractId: Number(row.contract_id),
      contractName: row.contract_name,
      amount: unit,
      reversed: row.reversed,
    })),
    total,
  };
}
