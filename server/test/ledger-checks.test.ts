import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { createContract, createPartner, createSuperAdmin } from './builders.js';
import { type TestClient } from './client.js';
import { ledgerBalanceOf, ledgerViolations, NO_LEDGER_VIOLATIONS } from './ledger-checks.js';
import { pay } from './money-builders.js';
import { createTestApp, type TestContext } from './test-app.js';

/*
 * The ledger checks themselves: every money test trusts them to find a broken ledger, so they are
 * shown to find one. The database refuses mixed currencies and a charge made twice outright (composite
 * foreign keys, a unique index), so those two checks are left to hold on their own here.
 */

let context: TestContext;
let db: Db;
let root: TestClient;

beforeAll(async () => {
  context = await createTestApp();
  db = context.database.db;
  root = await createSuperAdmin(context.app, db);
});
afterAll(() => context.close());

async function contractAccountId(contractId: number) {
  const account = await db
    .selectFrom('ledger_accounts')
    .where('owner_type', '=', 'contract')
    .where('owner_id', '=', contractId)
    .where('kind', '=', 'balance')
    .select('id')
    .executeTakeFirstOrThrow();
  return account.id;
}

const debtBlocked = async (contractId: number) =>
  (
    await db
      .selectFrom('contracts')
      .where('id', '=', contractId)
      .select('debt_blocked')
      .executeTakeFirstOrThrow()
  ).debt_blocked;

const auditEvents = async () =>
  Number((await sql<{ n: number }>`select count(*) as n from audit_events`.execute(db)).rows[0]!.n);

describe('the ledger checks', () => {
  it('find a cached balance that drifted from its entries, and the currency it unbalances', async () => {
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id);
    await pay(root, { contractId: contract.id }, '10.00');
    expect(await ledgerViolations(db)).toEqual(NO_LEDGER_VIOLATIONS);

    const account = await contractAccountId(contract.id);
    await sql`update ledger_accounts set balance = balance + 1 where id = ${account}`.execute(db);
    expect(await ledgerBalanceOf(db, { type: 'contract', id: contract.id }, 'balance')).toBe('11.00');
    expect(await ledgerViolations(db)).toEqual({
      ...NO_LEDGER_VIOLATIONS,
      driftedAccounts: [account],
      unbalancedCurrencies: ['RUB'],
    });
    await sql`update ledger_accounts set balance = balance - 1 where id = ${account}`.execute(db);
    expect(await ledgerViolations(db)).toEqual(NO_LEDGER_VIOLATIONS);
  });

  it('find a contract blocked against the blocking rule, and only try the rule: nothing changes', async () => {
    const partner = await createPartner(root);
    const paid = await createContract(root, partner.id, { accountType: 'prepayment' });
    await pay(root, { contractId: paid.id }, '5.00');
    await sql`update contracts set debt_blocked = true where id = ${paid.id}`.execute(db);
    const events = await auditEvents();

    expect(await ledgerViolations(db)).toEqual({ ...NO_LEDGER_VIOLATIONS, wrongDebtBlocks: [paid.id] });
    expect(await debtBlocked(paid.id)).toBe(true);
    expect(await auditEvents()).toBe(events);

    await sql`update contracts set debt_blocked = false where id = ${paid.id}`.execute(db);
    expect(await ledgerViolations(db)).toEqual(NO_LEDGER_VIOLATIONS);
  });
});
