import type { Db } from '../../db/connect.js';

/** Every dated VAT row, or one country's; ordered by country and date. */
export async function listVatRates(db: Db, country?: string) {
  let query = db.selectFrom('vat_rates').select(['country', 'rate_percent', 'valid_from']);
  if (country) query = query.where('country', '=', country.toUpperCase());
  return query.orderBy('country').orderBy('valid_from').execute();
}

/** The standard rate in force in a country on a day: the latest row not after it; null when none. */
export async function findVatRateOn(db: Db, country: string, date: string): Promise<string | null> {
  const row = await db
    .selectFrom('vat_rates')
    .where('country', '=', country.toUpperCase())
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .select('rate_percent')
    .limit(1)
    .executeTakeFirst();
  return row?.rate_percent ?? null;
}
