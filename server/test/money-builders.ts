/*
 * Test helpers for money: payments, write-offs and corrections through the API (each with a fresh
 * Idempotency-Key), charges posted straight into the ledger as the billing run posts them, and the
 * ledger's invariants read back in SQL.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../src/db/connect.js';
import { expectStatus, type TestClient } from './client.js';
import {
  type AccountOwner,
  PLATFORM,
  applyAccountDeltas,
  applyDebtBlocking,
  openAccount,
} from '../src/modules/ledger/ledger.public.js';

export interface TransferBody {
  id: number;
  kind: string;
  currency: string;
  amount: string;
  signedAmount: string | null;
  partnerId: number;
  partnerName: string;
  contractId: number | null;
  contractName: string | null;
  objectId: number | null;
  objectName: string | null;
  level: number | null;
  chargeDay: string | null;
  tariffId: number | null;
  valueDate: string;
  reversesId: number | null;
  reversedById: number | null;
  comment: string | null;
  actorLogin: string | null;
  createdAt: string;
}

export interface BalanceBody {
  balance: string;
  currency: string;
  dailyCharge: string;
  daysLeft: number | null;
  debtBlocked?: boolean;
}

export type MoneyTarget = { contractId: number } | { partnerId: number };

export const newIdempotencyKey = () => `test-${randomUUID()}`;

/** A raw POST to /finance/{endpoint} with an Idempotency-Key (a fresh one unless given). */
export function moneyRequest(
  client: TestClient,
  endpoint: 'payments' | 'write-offs' | 'corrections',
  body: Record<string, unknown>,
  key: string | null = newIdempotencyKey(),
): Promise<LightMyRequestResponse> {
  return client.request(
    'POST',
    `/api/v1/finance/${endpoint}`,
    body,
    key === null ? {} : { 'idempotency-key': key },
  );
}

export async function pay(
  client: TestClient,
  target: MoneyTarget,
  amount: string,
  extra: { valueDate?: string; comment?: string } = {},
) {
  return expectStatus<TransferBody>(
    await moneyRequest(client, 'payments', { ...target, amount, ...extra }),
    201,
  );
}

export async function writeOff(
  client: TestClient,
  target: MoneyTarget,
  amount: string,
  extra: { valueDate?: string; comment?: string } = {},
) {
  return expectStatus<TransferBody>(
    await moneyRequest(client, 'write-offs', { ...target, amount, ...extra }),
    201,
  );
}

export async function correct(client: TestClient, transferId: number, comment = 'Entered by mistake') {
  return expectStatus<TransferBody>(await moneyRequest(client, 'corrections', { transferId, comment }), 201);
}

export async function balanceOf(client: TestClient, kind: 'contracts' | 'partners', id: number) {
  return expectStatus<BalanceBody>(await client.get(`/api/v1/${kind}/${id}/balance`), 200);
}

/** A partner's parent, as the money model sees it: the platform for a top-level partner. */
async function parentOf(db: Db, partnerId: number): Promise<AccountOwner> {
  const row = await db
    .selectFrom('partners')
    .where('id', '=', partnerId)
    .select('parent_id')
    .executeTakeFirstOrThrow();
  return row.parent_id === null ? PLATFORM : { type: 'partner', id: Number(row.parent_id) };
}

/**
 * A charge as the billing run posts it (the tests of statements and balances need charges without the
 * run): level 0 debits the contract's balance and credits its partner's revenue (then applies the
 * contract's blocking rule); level n debits the paying partner's balance and credits its parent's (or
 * the platform's) revenue.
 */
export async function postCharge(
  db: Db,
  charge: {
    objectId: number;
    contractId: number;
    /** The contract's partner at level 0; the paying partner at level n. */
    partnerId: number;
    level: number;
    day: string;
    amount: string;
    currency?: string;
    tariffId?: number | null;
  },
) {
  const currency = charge.currency ?? 'RUB';
  const [debit, credit] =
    charge.level === 0
      ? [
          await openAccount(db, { type: 'contract', id: charge.contractId }, 'balance', currency),
          await openAccount(db, { type: 'partner', id: charge.partnerId }, 'revenue', currency),
        ]
      : [
          await openAccount(db, { type: 'partner', id: charge.partnerId }, 'balance', currency),
          await openAccount(db, await parentOf(db, charge.partnerId), 'revenue', currency),
        ];
  const inserted = await sql<{ id: number }>`
    with moved as (
      insert into ledger_transfers (kind, currency, debit_account_id, credit_account_id, amount, partner_id,
                                    contract_id, object_id, level, charge_day, tariff_id, value_date)
      values ('charge', ${currency}, ${debit}, ${credit}, ${charge.amount}::numeric, ${charge.partnerId},
              ${charge.contractId}, ${charge.objectId}, ${charge.level}, ${charge.day}::date,
              ${charge.tariffId ?? null}::bigint, ${charge.day}::date)
      returning id, debit_account_id, credit_account_id, amount
    ), balances as (${applyAccountDeltas('moved')})
    select id from moved`.execute(db);
  // As the run does after its charges: a contract's balance moved, its blocking rule applies.
  if (charge.level === 0) await applyDebtBlocking(db, [charge.contractId]);
  return Number(inserted.rows[0]!.id);
}

export interface LedgerCheck {
  /** Transfers whose two accounts are not both in the transfer's currency. */
  mixedCurrencyTransfers: number;
  /** Currencies whose entries (credits - debits over every account) do not sum to zero. */
  unbalancedCurrencies: string[];
  /** Accounts whose cached balance differs from credits - debits of their transfers. */
  driftedAccounts: number[];
  /** Live contracts whose debt_blocked differs from their account type's rule. */
  wrongDebtBlocks: number[];
}

/** The ledger's invariants over the whole database, as SQL reads them. */
export async function checkLedger(db: Db): Promise<LedgerCheck> {
  const mixed = await sql<{ n: number }>`
    select count(*)::int8 as n from ledger_transfers t
      join ledger_accounts d on d.id = t.debit_account_id
      join ledger_accounts c on c.id = t.credit_account_id
     where d.currency <> t.currency or c.currency <> t.currency`.execute(db);
  const unbalanced = await sql<{ currency: string }>`
    select a.currency from ledger_accounts a group by a.currency having sum(a.balance) <> 0
    union
    select currency from (select c.currency, t.amount as entry from ledger_transfers t
                            join ledger_accounts c on c.id = t.credit_account_id
                          union all
                          select d.currency, -t.amount from ledger_transfers t
                            join ledger_accounts d on d.id = t.debit_account_id) entries
     group by currency having sum(entry) <> 0`.execute(db);
  const drifted = await sql<{ id: number }>`
    select a.id from ledger_accounts a
      left join (select account_id, sum(delta) as delta
                   from (select credit_account_id as account_id, amount as delta from ledger_transfers
                         union all
                         select debit_account_id, -amount from ledger_transfers) e
                  group by account_id) s on s.account_id = a.id
     where a.balance <> coalesce(s.delta, 0)
     order by a.id`.execute(db);
  const wrongBlocks = await sql<{ id: number }>`
    select c.id from contracts c
      left join ledger_accounts a on a.owner_type = 'contract' and coalesce(a.owner_id, 0) = c.id
                                 and a.kind = 'balance' and a.currency = c.currency
     where c.archived_at is null
       and c.debt_blocked <> case c.account_type
             when 'prepayment' then coalesce(a.balance, 0) < 0
             when 'postpayment_light' then coalesce(a.balance, 0) < 0 and -a.balance >= c.blocking_limit
             else false end
     order by c.id`.execute(db);
  return {
    mixedCurrencyTransfers: Number(mixed.rows[0]!.n),
    unbalancedCurrencies: unbalanced.rows.map((row) => row.currency),
    driftedAccounts: drifted.rows.map((row) => Number(row.id)),
    wrongDebtBlocks: wrongBlocks.rows.map((row) => Number(row.id)),
  };
}

export const CLEAN_LEDGER: LedgerCheck = {
  mixedCurrencyTransfers: 0,
  unbalancedCurrencies: [],
  driftedAccounts: [],
  wrongDebtBlocks: [],
};
