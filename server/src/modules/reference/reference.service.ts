import type { Db } from '../../db/connect.js';
import { findVatRateOn, listVatRates } from './reference.repository.js';

/** The dated VAT rows (all, or a country's) and, for a country, the rate in force on a day. */
export async function vatRates(db: Db, options: { country: string | undefined; date: string }) {
  const { country, date } = options;
  const rows = await listVatRates(db, country);
  return {
    items: rows.map((row) => ({
      country: row.country,
      ratePercent: row.rate_percent,
      validFrom: row.valid_from,
    })),
    inForce: country ? { country, date, ratePercent: await findVatRateOn(db, country, date) } : null,
  };
}
