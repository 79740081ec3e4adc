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
  ensureLedgerMonth,
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
 * run): one object's day at one level — an aggregated charge of quantity 1 and the object's day in
 * billing_object_days. Level 0 debits the contract's balance and credits its partner's revenue (then
 * applies the contract's blocking rule); level n debits the paying partner's balance and credits its
 * parent's (or the platform's) revenue.
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
  await ensureLedgerMonth(db, charge.day);
  const inserted = await sql<{ id: number }>`
    with moved as (
      insert into ledger_transfers (kind, currency, debit_account_id, credit_account_id, amount, partner_id,
                                    contract_id, level, charge_day, tariff_id, quantity, value_date)
      values ('charge', ${currency}, ${debit}, ${credit}, ${charge.amount}::numeric, ${charge.partnerId},
              ${charge.level === 0 ? charge.contractId : null}::bigint, ${charge.level}, ${charge.day}::date,
              ${charge.tariffId ?? null}::bigint, 1, ${charge.day}::date)
      returning id, debit_account_id, credit_account_id, amount
    ), balances as (${applyAccountDeltas('moved')})
    select id from moved`.execute(db);
  await markObjectDay(db, charge, currency);
  // As the run does after its charges: a contract's balance moved, its blocking rule applies.
  if (charge.level === 0) await applyDebtBlocking(db, [charge.contractId]);
  return Number(inserted.rows[0]!.id);
}

/** Sets the object's bit of the day and level in billing_object_days, under its contract as it is now. */
async function markObjectDay(
  db: Db,
  charge: { objectId: number; contractId: number; level: number; day: string; tariffId?: number | null },
  currency: string,
) {
  await sql`
    insert into billing_paths (path)
    select p.path from contracts c join partners p on p.id = c.partner_id where c.id = ${charge.contractId}
    on conflict (path) do nothing`.execute(db);
  await sql`
    insert into billing_object_days as rec (month, object_id, contract_id, partner_id, path_id, tariff_id, currency, days)
    select date_trunc('month', ${charge.day}::date)::date, o.id, c.id, c.partner_id, bp.id,
           coalesce(${charge.tariffId ?? null}::bigint, o.tariff_id), ${currency},
           set_bit(repeat('0', 32 * (${charge.level} + 1))::varbit,
                   32 * ${charge.level} + extract(day from ${charge.day}::date)::int - 1, 1)
      from objects o
      join contracts c on c.id = ${charge.contractId}
      join partners p on p.id = c.partner_id
      join billing_paths bp on bp.path = p.path
     where o.id = ${charge.objectId}
    on conflict (month, object_id) do update
       set days = billing_bits_fit(rec.days, length(excluded.days)) | billing_bits_fit(excluded.days, length(rec.days))`.execute(
    db,
  );
}
