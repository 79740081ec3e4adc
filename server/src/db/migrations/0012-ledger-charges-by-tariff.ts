import { sql, type Kysely } from 'kysely';

/*
 * The last day charged at a tariff (at any level), which decides how early a new price of it may start
 * (lib/price-start.ts): an index of the ledger's charges by tariff and day, so that the answer is one
 * backward step per month partition instead of a scan of every month's 2–3 million aggregated charges.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index ledger_transfers_tariff_day_idx on ledger_transfers (tariff_id, charge_day) where kind = 'charge';
  `.execute(db);
}
