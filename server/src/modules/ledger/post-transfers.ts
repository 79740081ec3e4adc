import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { TransferKind } from '../../db/schema.js';
import { applyAccountDeltas } from './account-deltas.js';
import { lockAccounts } from './ledger-accounts.js';

export interface TransferInput {
  kind: Exclude<TransferKind, 'charge'>;
  currency: string;
  debitAccountId: number;
  creditAccountId: number;
  /** A positive decimal string with at most 2 decimals. */
  amount: string;
  partnerId: number;
  contractId?: number | null;
  valueDate: string;
  reversesId?: number | null;
  comment?: string | null;
  actorUserId?: number | null;
}

export interface TransferRow {
  id: number;
  kind: TransferKind;
  currency: string;
  debit_account_id: number;
  credit_account_id: number;
  amount: string;
  partner_id: number;
  contract_id: number | null;
  object_id: number | null;
  level: number | null;
  charge_day: string | null;
  tariff_id: number | null;
  value_date: string;
  reverses_id: number | null;
  billing_run_id: number | null;
  comment: string | null;
  actor_user_id: number | null;
  created_at: Date;
}

/**
 * Records transfers made by a person (payments, deposits, write-offs, corrections) and moves the
 * cached balances, in the caller's transaction. The accounts are locked first, in id order.
 */
export async function postTransfers(db: Db, transfers: readonly TransferInput[]): Promise<TransferRow[]> {
  if (transfers.length === 0) return [];
  await lockAccounts(db, [...new Set(transfers.flatMap((t) => [t.debitAccountId, t.creditAccountId]))]);
  const inserted = await db
    .insertInto('ledger_transfers')
    .values(
      transfers.map((t) => ({
        kind: t.kind,
        currency: t.currency,
        debit_account_id: t.debitAccountId,
        credit_account_id: t.creditAccountId,
        amount: t.amount,
        partner_id: t.partnerId,
        contract_id: t.contractId ?? null,
        value_date: t.valueDate,
        reverses_id: t.reversesId ?? null,
        comment: t.comment ?? null,
        actor_user_id: t.actorUserId ?? null,
      })),
    )
    .returningAll()
    .execute();
  const ids = inserted.map((row) => row.id);
  await sql`
    with moved as (select debit_account_id, credit_account_id, amount from ledger_transfers where id = any(${ids}::bigint[]))
    ${applyAccountDeltas('moved')}`.execute(db);
  return inserted;
}
