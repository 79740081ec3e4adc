import type { Db } from '../../db/connect.js';
import { daysInMonth } from '../../lib/daily-charge.js';
import { FieldErrors, notFound } from '../../lib/errors.js';
import type { Locale } from '../../lib/messages.js';
import { decimal, formatAmount, roundAmount } from '../../lib/money.js';
import { exportColumn, writeExport, type ExportColumn } from '../../lib/export-columns.js';
import { amountCell, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { findContractInScope, findPartnerInScope } from '../scope/scope.public.js';
import type { StatementQuery } from './finance.schemas.js';
import { contractChargeLines, partnerChargeLines, type StatementLineRow } from './statements.repository.js';

type Party = { type: 'platform' | 'partner' | 'contract'; id: number | null; name: string | null };

function monthDays(month: string) {
  const first = `${month}-01`;
  return { first, last: `${month}-${String(daysInMonth(first)).padStart(2, '0')}` };
}

/**
 * The lines with VAT: each line's VAT is its net times the rate, rounded half-up to kopecks once, on
 * that line; gross is net plus VAT; the totals are the sums of the lines (never a rounding of the
 * total), so a statement always adds up.
 */
export function withVat(rows: StatementLineRow[], vatPercent: string | null) {
  const rate = decimal(vatPercent ?? '0');
  const lines = rows.map((row) => {
    const net = decimal(row.net);
    const vat = roundAmount(net.times(rate).dividedBy(100));
    return {
      objectId: Number(row.object_id),
      objectName: row.object_name,
      deviceId: row.device_id,
      tariffId: row.tariff_id === null ? null : Number(row.tariff_id),
      tariffName: row.tariff_name,
      days: row.days,
      net: formatAmount(net),
      vat: formatAmount(vat),
      gross: formatAmount(net.plus(vat)),
    };
  });
  const sum = (field: 'net' | 'vat' | 'gross') =>
    formatAmount(lines.reduce((total, line) => total.plus(decimal(line[field])), decimal(0)));
  return { lines, totals: { net: sum('net'), vat: sum('vat'), gross: sum('gross') } };
}

/** GET /finance/statements: a month's charges of a contract (by its partner) or of a partner (by its parent). */
export async function statementFor(options: { db: Db; actor: Actor; query: StatementQuery }) {
  const { db, actor, query } = options;
  const errors = new FieldErrors();
  if (query.contractId === undefined && query.partnerId === undefined)
    errors.add('contractId', 'target_required');
  if (query.contractId !== undefined && query.partnerId !== undefined)
    errors.add('partnerId', 'target_ambiguous');
  errors.throwIfAny();
  const month = monthDays(query.month);
  const scope = scopeOf(actor);

  if (query.contractId !== undefined) {
    const contract = await findContractInScope(db, query.contractId, scope);
    if (!contract) throw notFound();
    const rows = await contractChargeLines(db, contract.id, month, contract.currency);
    return {
      month: query.month,
      currency: contract.currency,
      vatPercent: contract.partner_vat_percent,
      seller: { type: 'partner', id: contract.partner_id, name: contract.partner_name } as Party,
      buyer: { type: 'contract', id: contract.id, name: contract.name } as Party,
      ...withVat(rows, contract.partner_vat_percent),
    };
  }

  const partner = await findPartnerInScope(db, query.partnerId!, scope);
  if (!partner) throw notFound();
  const currency = (query.currency ?? partner.currency).toUpperCase();
  const rows = await partnerChargeLines(db, partner.id, month, currency);
  // The platform sells with the partner's own VAT; a parent with its own. A partner's own people do
  // not see its parent (outside their tree): the seller is then not named.
  const vatPercent = partner.parent_id === null ? partner.vat_percent : partner.parent_vat_percent;
  const seller: Party =
    partner.parent_id === null
      ? { type: 'platform', id: null, name: null }
      : partner.id === actor.partnerId
        ? { type: 'partner', id: null, name: null }
        : { type: 'partner', id: partner.parent_id, name: partner.parent_name };
  return {
    month: query.month,
    currency,
    vatPercent,
    seller,
    buyer: { type: 'partner', id: partner.id, name: partner.name } as Party,
    ...withVat(rows, vatPercent),
  };
}

type StatementLine = Awaited<ReturnType<typeof statementFor>>['lines'][number];

const exportColumns: readonly ExportColumn<StatementLine>[] = [
  exportColumn('Object', 'Объект', (line) => line.objectName),
  exportColumn('Device ID', 'ID устройства', (line) => line.deviceId),
  exportColumn('Tariff', 'Тариф', (line) => line.tariffName),
  exportColumn('Days', 'Дней', (line) => line.days),
  exportColumn('Net', 'Без НДС', (line) => amountCell(line.net)),
  exportColumn('VAT', 'НДС', (line) => amountCell(line.vat)),
  exportColumn('Gross', 'С НДС', (line) => amountCell(line.gross)),
];

/** The statement as csv or xlsx: one row per line, then the totals. */
export async function exportStatement(options: {
  db: Db;
  actor: Actor;
  query: StatementQuery;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const statement = await statementFor(options);
  const { totals } = statement;
  return writeExport({
    sheetName: { en: `Statement ${statement.month}`, ru: `Акт ${statement.month}` },
    columns: exportColumns,
    items: statement.lines,
    footer: [
      [
        options.locale === 'ru' ? 'Итого' : 'Total',
        null,
        null,
        null,
        amountCell(totals.net),
        amountCell(totals.vat),
        amountCell(totals.gross),
      ],
    ],
    locale: options.locale,
    format: options.format,
  });
}
