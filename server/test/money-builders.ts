/*
 * Test helpers for money: payments, write-offs and corrections through the API (each with a fresh
 * Idempotency-Key), balances read through the API, and charges posted straight into the ledger as the
 * billing run posts them (the ledger's invariants are checked by ledger-checks.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Static } from 'typebox';
import type { Db } from '../src/db/connect.js';
import type { BalanceResponse, Transfer } from '../src/modules/finance/finance.schemas.js';
import { expectStatus, type TestClient } from './client.js';
import {
  type AccountOwner,
  PLATFORM,
  applyAccountDeltas,
  applyDebtBlocking,
  openAccount,
} from '../src/modules/ledger/ledger.public.js';

/** A transfer as the finance API answers it. */
export type TransferBody = Static<typeof Transfer>;
/** A contract's or partner's balance as the finance API answers it. */
export type BalanceBody = Static<typeof BalanceResponse>;

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

/** A payment or write-off that must succeed (201): money into or out of a contract's or partner's balance. */
function moneyMove(endpoint: 'payments' | 'write-offs') {
  return async (
    client: TestClient,
    target: MoneyTarget,
    amount: string,
    extra: { valueDate?: string; comment?: string } = {},
  ) => expectStatus<TransferBody>(await moneyRequest(client, endpoint, { ...target, amount, ...extra }), 201);
}

export const pay = moneyMove('payments');
export const writeOff = moneyMove('write-offs');

export async function correct(client: TestClient, transferId: number, comment = 'Entered by mistake') {
  return expectStatus<TransferBody>(await moneyRequest(client, 'corrections', { transferId, comment }), 201);
}

/** A contract's or partner's balance as its card shows it, read through the API. */
export async function apiBalanceOf(client: TestClient, kind: 'contracts' | 'partners', id: number) {
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
