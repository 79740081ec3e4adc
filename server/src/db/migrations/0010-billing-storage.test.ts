import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBillingObject, insertPricedTariff } from '../../../test/billing-builders.js';
import { ledgerViolations, NO_LEDGER_VIOLATIONS } from '../../../test/ledger-checks.js';
import { insertContract, insertPartner } from '../../../test/table-rows.js';
import { connectDatabase, type DatabaseHandle, type Db } from '../connect.js';
import { migrateToLatest, migrateUpTo } from '../migrate.js';
import { contractChargeLines } from '../../modules/finance/statements.repository.js';
import {
  accountBalance,
  findChargedDays,
  openAccount,
  PLATFORM,
} from '../../modules/ledger/ledger.public.js';

/*
 * Migration 0010 on an installation that billed days under the old design (one transfer per object,
 * level and day): every balance, statement line and correction is kept, as aggregated charges and
 * object days.
 */
let handle: DatabaseHandle;
let db: Db;
const ids = {} as {
  contract: number;
  partner: number;
  first: number;
  second: number;
  contractAccount: number;
  revenue: number;
  partnerAccount: number;
  platformRevenue: number;
  correctedCharge: number;
  payment: number;
  run: number;
};

/** A transfer as the old design wrote it, moving the cached balances. */
async function oldTransfer(values: {
  kind: 'charge' | 'payment' | 'correction';
  debit: number;
  credit: number;
  amount: string;
  partnerId: number;
  contractId: number;
  objectId?: number;
  level?: number;
  day: string;
  tariffId?: number | null;
  reversesId?: number;
}): Promise<number> {
  const row = await sql<{ id: number }>`
    insert into ledger_transfers (kind, currency, debit_account_id, credit_account_id, amount, partner_id, contract_id,
                                  object_id, level, charge_day, tariff_id, value_date, reverses_id)
    values (${values.kind}, 'RUB', ${values.debit}, ${values.credit}, ${values.amount}::numeric, ${values.partnerId},
            ${values.contractId}, ${values.objectId ?? null}::bigint, ${values.level ?? null}::smallint,
            ${values.kind === 'charge' ? values.day : null}::date, ${values.tariffId ?? null}::bigint, ${values.day}::date,
            ${values.reversesId ?? null}::bigint)
    returning id`.execute(db);
  await sql`update ledger_accounts set balance = balance - ${values.amount}::numeric where id = ${values.debit}`.execute(
    db,
  );
  await sql`update ledger_accounts set balance = balance + ${values.amount}::numeric where id = ${values.credit}`.execute(
    db,
  );
  return Number(row.rows[0]!.id);
}

beforeAll(async () => {
  handle = await connectDatabase({ databaseUrl: null, dataDir: null });
  db = handle.db;
  await migrateUpTo(db, '0009-two-factor');
  const objectTariff = await insertPricedTariff(db, '310.00');
  const partnerPrice = await insertPricedTariff(db, '31.00');
  const partner = await insertPartner(db, { partnerPriceTariffId: partnerPrice });
  ids.partner = partner.id;
  ids.contract = await insertContract(db, partner.id);
  const object = { tariffId: objectTariff, activeFrom: '2025-03-01' };
  ids.first = await insertBillingObject(db, ids.contract, object);
  ids.second = await insertBillingObject(db, ids.contract, object);
  ids.contractAccount = await openAccount(db, { type: 'contract', id: ids.contract }, 'balance', 'RUB');
  ids.revenue = await openAccount(db, { type: 'partner', id: partner.id }, 'revenue', 'RUB');
  ids.partnerAccount = await openAccount(db, { type: 'partner', id: partner.id }, 'balance', 'RUB');
  ids.platformRevenue = await openAccount(db, PLATFORM, 'revenue', 'RUB');
  const funds = await openAccount(db, { type: 'partner', id: partner.id }, 'funds', 'RUB');

  // Two objects billed on 03-01 and 03-02 at levels 0 and 1; the second's 03-02 charge corrected.
  for (const day of ['2025-03-01', '2025-03-02']) {
    for (const objectId of [ids.first, ids.second]) {
      const charge = await oldTransfer({
        kind: 'charge',
        debit: ids.contractAccount,
        credit: ids.revenue,
        amount: '10.00',
        partnerId: partner.id,
        contractId: ids.contract,
        objectId,
        level: 0,
        day,
        tariffId: objectTariff,
      });
      if (objectId === ids.second && day === '2025-03-02') ids.correctedCharge = charge;
      await oldTransfer({
        kind: 'charge',
        debit: ids.partnerAccount,
        credit: ids.platformRevenue,
        amount: '1.00',
        partnerId: partner.id,
        contractId: ids.contract,
        objectId,
        level: 1,
        day,
        tariffId: partnerPrice,
      });
    }
  }
  await oldTransfer({
    kind: 'correction',
    debit: ids.revenue,
    credit: ids.contractAccount,
    amount: '10.00',
    partnerId: partner.id,
    contractId: ids.contract,
    day: '2025-03-05',
    reversesId: ids.correctedCharge,
  });
  ids.payment = await oldTransfer({
    kind: 'payment',
    debit: funds,
    credit: ids.contractAccount,
    amount: '100.00',
    partnerId: partner.id,
    contractId: ids.contract,
    day: '2025-03-06',
  });
  // A run's issues as they were kept until migration 0011: one row per object and level.
  const run = await sql<{ id: number }>`
    insert into billing_runs (day, trigger, status) values ('2025-03-02', 'cli', 'completed') returning id`.execute(
    db,
  );
  ids.run = Number(run.rows[0]!.id);
  for (const objectId of [ids.second, ids.first]) {
    await sql`
      insert into billing_run_issues (run_id, object_id, partner_id, level, reason, detail)
      values (${ids.run}, ${objectId}, ${partner.id}, 1, 'exchange_rate_missing', '{"from": "KZT", "to": "RUB"}')`.execute(
      db,
    );
  }
  await migrateToLatest(db);
});

afterAll(async () => {
  await handle.close();
});

describe('migration 0011 of the runs issues', () => {
  it("keeps a run's issues, one row per partner, level, reason and detail with its objects", async () => {
    const rows = await db.selectFrom('billing_run_issues').selectAll().execute();
    expect(rows.map((row) => ({ ...row, object_ids: row.object_ids.map(Number) }))).toEqual([
      {
        run_id: ids.run,
        partner_id: ids.partner,
        level: 1,
        reason: 'exchange_rate_missing',
        detail: { from: 'KZT', to: 'RUB' },
        object_ids: [ids.first, ids.second],
      },
    ]);
  });
});

describe('migration 0010 of a ledger billed under the old design', () => {
  it('keeps every balance', async () => {
    expect(await accountBalance(db, { type: 'contract', id: ids.contract }, 'balance', 'RUB')).toBe('70.00');
    expect(await accountBalance(db, { type: 'partner', id: ids.partner }, 'revenue', 'RUB')).toBe('30.00');
    expect(await accountBalance(db, { type: 'partner', id: ids.partner }, 'balance', 'RUB')).toBe('-4.00');
    expect(await accountBalance(db, PLATFORM, 'revenue', 'RUB')).toBe('4.00');
    expect(await ledgerViolations(db)).toEqual(NO_LEDGER_VIOLATIONS);
  });

  it('aggregates the charges per day and level, keeps the payment, and turns the correction into one object-day', async () => {
    const rows = await sql<{
      kind: string;
      level: number | null;
      day: string;
      amount: string;
      quantity: number | null;
      object_id: number | null;
    }>`
      select kind, level, value_date::text as day, amount::text as amount, quantity, object_id
        from ledger_transfers order by value_date, kind, level`.execute(db);
    expect(rows.rows).toEqual([
      { kind: 'charge', level: 0, day: '2025-03-01', amount: '20.00', quantity: 2, object_id: null },
      { kind: 'charge', level: 1, day: '2025-03-01', amount: '2.00', quantity: 2, object_id: null },
      { kind: 'charge', level: 0, day: '2025-03-02', amount: '20.00', quantity: 2, object_id: null },
      { kind: 'charge', level: 1, day: '2025-03-02', amount: '2.00', quantity: 2, object_id: null },
      {
        kind: 'correction',
        level: 0,
        day: '2025-03-05',
        amount: '10.00',
        quantity: 1,
        object_id: ids.second,
      },
      { kind: 'payment', level: null, day: '2025-03-06', amount: '100.00', quantity: null, object_id: null },
    ]);
    const payment = await sql<{ id: number }>`select id from ledger_transfers where kind = 'payment'`.execute(
      db,
    );
    expect(Number(payment.rows[0]!.id)).toBe(ids.payment);
    const reversals = await sql<{
      n: number;
    }>`select count(*)::int as n from ledger_reversals where object_id = ${ids.second}`.execute(db);
    expect(reversals.rows[0]!.n).toBe(1);
  });

  it("keeps the statement's lines and the objects' charged days", async () => {
    const lines = await contractChargeLines(
      db,
      ids.contract,
      { first: '2025-03-01', last: '2025-03-31' },
      'RUB',
    );
    const byObject = lines.map((line) => [Number(line.object_id), line.days, line.net]);
    expect(byObject.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [ids.first, 2, '20.00'],
      [ids.second, 1, '10.00'],
    ]);
    expect(await findChargedDays(db, ids.second, { from: '2025-03-01', until: null })).toEqual({
      first: '2025-03-01',
      last: '2025-03-01',
    });
    expect(await findChargedDays(db, ids.first, { from: '2025-03-01', until: null })).toEqual({
      first: '2025-03-01',
      last: '2025-03-02',
    });
  });
});
