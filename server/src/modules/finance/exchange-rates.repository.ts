import type { Db } from '../../db/connect.js';

const columns = ['id', 'base_currency', 'quote_currency', 'valid_from', 'rate', 'created_at'] as const;

export async function listExchangeRates(
  db: Db,
  options: { baseCurrency?: string; quoteCurrency?: string; limit: number; offset: number },
) {
  let query = db.selectFrom('exchange_rates');
  if (options.baseCurrency) query = query.where('base_currency', '=', options.baseCurrency);
  if (options.quoteCurrency) query = query.where('quote_currency', '=', options.quoteCurrency);
  const [items, total] = await Promise.all([
    query
      .select([...columns])
      .orderBy('base_currency')
      .orderBy('quote_currency')
      .orderBy('valid_from', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type ExchangeRateRow = Awaited<ReturnType<typeof listExchangeRates>>['items'][number];

/** Inserts a rate; null when the pair already has one from that day (the unique key). */
export async function insertExchangeRate(
  db: Db,
  rate: { baseCurrency: string; quoteCurrency: string; validFrom: string; rate: string; createdBy: number },
): Promise<ExchangeRateRow | null> {
  const row = await db
    .insertInto('exchange_rates')
    .values({
      base_currency: rate.baseCurrency,
      quote_currency: rate.quoteCurrency,
      valid_from: rate.validFrom,
      rate: rate.rate,
      created_by: rate.createdBy,
    })
    .onConflict((conflict) => conflict.columns(['base_currency', 'quote_currency', 'valid_from']).doNothing())
    .returning([...columns])
    .executeTakeFirst();
  return row ?? null;
}
