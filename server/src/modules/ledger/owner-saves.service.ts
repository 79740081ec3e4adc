import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import { decimal, formatAmount } from '../../lib/money.js';
import { balanceAccountsOf, lockAccounts, openAccount, type AccountOwner } from './ledger.repository.js';
import { counterpartOf, postTransfers, type BalanceOwner } from './ledger.service.js';

/*
 * What a partner's or contract's form save does to the ledger: its Deposit is money, and its currency
 * and counterpart decide which accounts its balance lives in.
 */

/**
 * The start of a partner's or contract's form save, before its row is updated (in the save's
 * transaction):
 *
 * 1. Locks, in one id-ordered lockAccounts, the owner's balance account and its counterpart's funds
 *    account (those of the new currency and counterpart too when a Deposit change will be posted
 *    there; every balance account of the owner when it moves). Accounts first, rows after: the order
 *    payments and the billing run keep, so a save and a payment never wait on each other in a cycle,
 *    and the balances read below stay put until the save commits.
 * 2. Refuses (409, nothing changed) a change of currency while the balance in the old currency is not
 *    0.00, and a change of counterpart (a contract's partner, a partner's parent) while any balance of
 *    the owner is not 0.00: the debt would be hidden, or owed to the wrong side. A held Deposit refuses
 *    both too: it was paid in the old currency to the old counterpart, and its later changes could not
 *    be posted against either without mixing them up.
 */
export async function prepareOwnerSave(
  trx: Db,
  options: { before: BalanceOwner; after: BalanceOwner; depositBefore: string; depositAfter: string },
): Promise<void> {
  const { before, after } = options;
  const self: AccountOwner = { type: before.type, id: before.id };
  const counterpart = counterpartOf(before);
  const nextCounterpart = counterpartOf(after);
  const currencyChanged = after.currency !== before.currency;
  const moved = nextCounterpart.type !== counterpart.type || nextCounterpart.id !== counterpart.id;
  const moveField = before.type === 'contract' ? 'partnerId' : 'parentId';
  const depositHeld = !decimal(options.depositBefore).isZero();
  if (currencyChanged && depositHeld) throw conflict('currency_has_balance', 'currency');
  if (moved && depositHeld) throw conflict('move_has_balance', moveField);

  const ids = [
    await openAccount(trx, self, 'balance', before.currency),
    await openAccount(trx, counterpart, 'funds', before.currency),
  ];
  const depositMoves = !decimal(options.depositAfter).minus(decimal(options.depositBefore)).isZero();
  if (depositMoves && (currencyChanged || moved)) {
    ids.push(
      await openAccount(trx, self, 'balance', after.currency),
      await openAccount(trx, nextCounterpart, 'funds', after.currency),
    );
  }
  if (moved) ids.push(...(await balanceAccountsOf(trx, self)).map((account) => account.id));
  await lockAccounts(trx, [...new Set(ids)]);
  if (!currencyChanged && !moved) return;

  // Read after the lock: no payment or charge can move these balances before the save commits.
  const balances = await balanceAccountsOf(trx, self);
  const unsettled = balances.filter((account) => !decimal(account.balance).isZero());
  if (currencyChanged && unsettled.some((account) => account.currency === before.currency)) {
    throw conflict('currency_has_balance', 'currency');
  }
  if (moved && unsettled.length > 0) throw conflict('move_has_balance', moveField);
}

/**
 * Whether any balance of the owner (in any currency) is not 0.00, read after its accounts are locked:
 * a payment or a charge in progress is waited for, and none lands before the caller's transaction ends.
 */
export async function holdsMoney(trx: Db, owner: AccountOwner): Promise<boolean> {
  await lockAccounts(
    trx,
    (await balanceAccountsOf(trx, owner)).map((account) => account.id),
  );
  const balances = await balanceAccountsOf(trx, owner);
  return balances.some((account) => !decimal(account.balance).isZero());
}

/**
 * The Deposit field of a partner or contract form is an advance payment: on create the whole amount,
 * on update the difference is recorded as a 'deposit' transfer in the caller's transaction (the one
 * that saves the form). An increase moves money from the receiver's funds into the owner's balance, a
 * decrease the opposite way. Returns the transfer's id, or null when the deposit did not change.
 * A contract's caller applies the blocking-for-debt rule afterwards (a decrease may block it).
 */
export async function recordDepositChange(
  trx: Db,
  options: { owner: BalanceOwner; before: string; after: string; actor: { userId: number } },
): Promise<number | null> {
  const { owner } = options;
  const difference = decimal(options.after).minus(decimal(options.before));
  if (difference.isZero()) return null;
  const ownAccount = await openAccount(trx, { type: owner.type, id: owner.id }, 'balance', owner.currency);
  const funds = await openAccount(trx, counterpartOf(owner), 'funds', owner.currency);
  const increase = difference.greaterThan(0);
  const [row] = await postTransfers(
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
