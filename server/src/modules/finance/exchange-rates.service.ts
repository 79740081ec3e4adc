import type { Db } from '../../db/connect.js';
import { conflict, FieldErrors } from '../../lib/errors.js';
import { checkAmount, decimal } from '../../lib/money.js';
import { pageOf } from '../../lib/paging.js';
import type { Actor } from '../auth/auth.public.js';
import { createdFields, recordAuditEvent } from '../audit/audit.public.js';
import { isCurrencyCode } from '../reference/reference.public.js';
import {
  EXCHANGE_RATES_PAGE_SIZE,
  type ExchangeRateCreate,
  type ExchangeRateQuery,
} from './finance.schemas.js';
import { insertExchangeRate, listExchangeRates, type ExchangeRateRow } from './exchange-rates.repository.js';
import { inTransaction } from '../../db/transactions.js';

/** numeric(20, 8): 8 decimals, 12 digits before the point. */
const RATE_SCALE = 8;
const RATE_INTEGER_DIGITS = 12;

function presentExchangeRate(row: ExchangeRateRow) {
  return {
    id: Number(row.id),
    baseCurrency: row.base_currency,
    quoteCurrency: row.quote_currency,
    validFrom: row.valid_from,
    rate: decimal(row.rate).toFixed(RATE_SCALE),
    createdAt: row.created_at.toISOString(),
  };
}

/** GET /finance/exchange-rates: every signed-in user reads the rates charges are converted with. */
export async function findExchangeRates(options: { db: Db; query: ExchangeRateQuery }) {
  const { query } = options;
  const page = pageOf(query, EXCHANGE_RATES_PAGE_SIZE);
  const result = await listExchangeRates(options.db, {
    baseCurrency: query.baseCurrency?.trim().toUpperCase() || undefined,
    quoteCurrency: query.quoteCurrency?.trim().toUpperCase() || undefined,
    ...page,
  });
  return { items: result.items.map(presentExchangeRate), total: result.total };
}

function checkCurrency(errors: FieldErrors, field: string, code: string) {
  if (!code) errors.add(field, 'required');
  else if (!isCurrencyCode(code)) errors.add(field, 'currency_unknown');
}

/** POST /finance/exchange-rates (super administrators): 1 base = rate quote from validFrom on. */
export async function createExchangeRate(options: {
  db: Db;
  actor: Actor;
  input: ExchangeRateCreate;
  requestId: string;
}) {
  const { db, actor, input } = options;
  const errors = new FieldErrors();
  const baseCurrency = input.baseCurrency.trim().toUpperCase();
  const quoteCurrency = input.quoteCurrency.trim().toUpperCase();
  checkCurrency(errors, 'baseCurrency', baseCurrency);
  checkCurrency(errors, 'quoteCurrency', quoteCurrency);
  if (!errors.has('quoteCurrency') && baseCurrency === quoteCurrency)
    errors.add('quoteCurrency', 'currency_same');
  const rateText = input.rate.trim();
  if (
    checkAmount(rateText, { scale: RATE_SCALE, maxIntegerDigits: RATE_INTEGER_DIGITS }) !== null ||
    !decimal(rateText).greaterThan(0)
  ) {
    errors.add('rate', 'rate_invalid');
  }
  errors.throwIfAny();

  return inTransaction(db, async (trx) => {
    const row = await insertExchangeRate(trx, {
      baseCurrency,
      quoteCurrency,
      validFrom: input.validFrom,
      rate: decimal(rateText).toFixed(RATE_SCALE),
      createdBy: actor.userId,
    });
    if (!row) throw conflict('exchange_rate_exists', 'validFrom');
    const rate = presentExchangeRate(row);
    await recordAuditEvent(trx, {
      entityType: 'exchange_rate',
      entityId: rate.id,
      action: 'created',
      changes: createdFields({
        baseCurrency: rate.baseCurrency,
        quoteCurrency: rate.quoteCurrency,
        validFrom: rate.validFrom,
        rate: rate.rate,
      }),
      actor,
      requestId: options.requestId,
    });
    return rate;
  });
}
