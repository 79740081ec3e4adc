import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { decimal, formatAmount } from '../../lib/money.js';
import type { Actor } from '../auth/actor.js';
import { accountId, PLATFORM, type AccountOwner } from '../ledger/ledger-accounts.js';
import { postTransfersOrRefuse } from './post-or-refuse.js';

/** Whose Deposit changed: a contract (its partner receives the money) or a partner (its parent, or the platform). */
export type DepositOwner =
  | { type: 'contract'; id: number; partnerId: number; currency: string }
  | { type: 'partner'; id: number; parentId: number | null; currency: string };

/**
 * The Deposit field of a partner or contract form is an advance payment: on create the whole amount,
 * on update the difference is recorded as a 'deposit' transfer in the caller's transaction (the one
 * that saves the form). An increase moves money from the receiver's funds into the owner's balance, a
 * decrease the opposite way. Returns the transfer's id, or null when the deposit did not change.
 * A contract's caller applies the blocking-for-debt rule afterwards (a decrease may block it).
 */
export async function recordDepositChange(
  trx: Db,
  options: { owner: DepositOwner; before: string; after: string; actor: Actor },
): Promise<number | null> {
  const { owner } = options;
  const difference = decimal(options.after).minus(decimal(options.before));
  if (difference.isZero()) return null;
  const ownAccount = await accountId(trx, { type: owner.type, id: owner.id }, 'balance', owner.currency);
  const receiver: AccountOwner =
    owner.type === 'contract'
      ? { type: 'partner', id: owner.partnerId }
      : owner.parentId === null
        ? PLATFORM
        : { type: 'partner', id: owner.parentId };
  const funds = await accountId(trx, receiver, 'funds', owner.currency);
  const increase = difference.greaterThan(0);
  const [row] = await postTransfersOrRefuse(
    trx,
    [
      {
        kind: 'deposit',
        currency: owner.currency,
        debitAccountId: increase ? funds : ownAccount,
        creditAccountId: increase ? ownAccount : funds,
        amount: formatAmount(difference.abs()),
        partnerId: owner.type === 'contract' ? owner.partnerId : owner.id,
        contractId: owner.type === 'contract' ? owner.id : null,
        valueDate: today(),
        comment: `${formatAmount(options.before)} → ${formatAmount(options.after)}`,
        actorUserId: options.actor.userId,
      },
    ],
    'deposit',
  );
  return row!.id;
}
