import type { Db } from '../../db/connect.js';
import { isDatabaseError, SqlState } from '../../db/database-errors.js';
import type { TransferKind } from '../../db/schema.js';
import { invalid } from '../../lib/errors.js';
import {
  insertTransfers,
  lockAccounts,
  PLATFORM,
  type AccountOwner,
  type TransferRow,
} from './ledger.repository.js';

/** Whose balance: a contract (held with its partner) or a partner (held with its parent, or the platform). */
export type BalanceOwner =
  | { type: 'contract'; id: number; partnerId: number; currency: string }
  | { type: 'partner'; id: number; parentId: number | null; currency: string };

/** Whom the owner's balance is held with: a contract's partner; a partner's parent, or the platform. */
export function counterpartOf(owner: BalanceOwner): AccountOwner {
  if (owner.type === 'contract') return { type: 'partner', id: owner.partnerId };
  return owner.parentId === null ? PLATFORM : { type: 'partner', id: owner.parentId };
}

/** A transfer a person makes (payments, deposits, write-offs, corrections); charges are the billing run's. */
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
  /** A correction of a charge: what it reverses — the object (of one object-day), level, day, tariff and object-days. */
  reversedCharge?: {
    objectId: number | null;
    level: number;
    chargeDay: string;
    tariffId: number | null;
    quantity: number;
  } | null;
  comment?: string | null;
  actorUserId?: number | null;
}

/**
 * Records transfers made by a person and moves the cached balances, in the caller's transaction. The
 * accounts are locked first, in id order. An amount the ledger cannot hold is refused as `field`, the
 * one that asked for it, not as a fault: the transaction rolls back and nothing moves (balances are
 * unbounded numeric and amounts numeric(38, 2), so this guards what validation let through).
 */
export async function postTransfers(
  trx: Db,
  transfers: readonly TransferInput[],
  field = 'amount',
): Promise<TransferRow[]> {
  if (transfers.length === 0) return [];
  await lockAccounts(trx, [...new Set(transfers.flatMap((t) => [t.debitAccountId, t.creditAccountId]))]);
  try {
    return await insertTransfers(
      trx,
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
        object_id: t.reversedCharge?.objectId ?? null,
        level: t.reversedCharge?.level ?? null,
        charge_day: t.reversedCharge?.chargeDay ?? null,
        tariff_id: t.reversedCharge?.tariffId ?? null,
        quantity: t.reversedCharge?.quantity ?? null,
        comment: t.comment ?? null,
        actor_user_id: t.actorUserId ?? null,
      })),
    );
  } catch (error) {
    if (isDatabaseError(error) && error.code === SqlState.numericOutOfRange) {
      throw invalid([{ field, code: 'balance_overflow' }]);
    }
    throw error;
  }
}
