import type { Db } from '../../db/connect.js';
import { TransactionMustRestart } from '../../db/transactions.js';
import { today } from '../../lib/clock.js';
import { conflict, FieldErrors, invalid, notFound } from '../../lib/errors.js';
import { checkAmount, decimal, formatAmount } from '../../lib/money.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { findContractInScope, findPartnerInScope } from '../scope/scope.public.js';
import {
  applyDebtBlocking,
  counterpartOf,
  findTransferInScope,
  insertReversal,
  lockAccounts,
  openAccount,
  postTransfers,
  type BalanceOwner,
  type TransferInput,
} from '../ledger/ledger.public.js';
import type { CorrectionBody, MoneyMoveBody } from './finance.schemas.js';
import { runIdempotent } from './idempotency.js';
import { presentTransfer } from './transfers.presenter.js';
import { findTransfersByIds } from './transfers.repository.js';
import { countChargesWithKeyOf, findChargeLine } from './charge-lines.repository.js';

/*
 * Payments, write-offs and corrections entered by a person. Each is one transfer between two accounts
 * of one currency (see the money model in docs/api.md), posted with postTransfers (accounts locked in
 * id order, balances moved with the rows), followed by the blocking-for-debt rule of the contract, all
 * in the transaction that stores the request's idempotency key.
 */

interface Call {
  db: Db;
  actor: Actor;
  idempotencyKey: string;
  requestId: string;
}

export type MoneyMoveKind = 'payment' | 'write_off';

/** A positive amount with at most 2 decimals, as a person types it. */
export function checkPositiveAmount(errors: FieldErrors, field: string, amount: string) {
  const problem = checkAmount(amount);
  if (problem) errors.add(field, problem);
  else if (!decimal(amount).greaterThan(0)) errors.add(field, 'amount_not_positive');
}

function checkMoneyMove(input: MoneyMoveBody) {
  const errors = new FieldErrors();
  if (input.contractId === undefined && input.partnerId === undefined)
    errors.add('contractId', 'target_required');
  if (input.contractId !== undefined && input.partnerId !== undefined)
    errors.add('partnerId', 'target_ambiguous');
  checkPositiveAmount(errors, 'amount', input.amount);
  if (input.valueDate !== undefined && input.valueDate > today())
    errors.add('valueDate', 'value_date_future');
  errors.throwIfAny();
}

const actorOf = (call: Call) => ({
  userId: call.actor.userId,
  login: call.actor.login,
  requestId: call.requestId,
});

/** The balance whose money moves: a contract or partner target, found in the caller's scope. */
async function ownerOf(trx: Db, actor: Actor, input: MoneyMoveBody): Promise<BalanceOwner> {
  const scope = scopeOf(actor);
  if (input.contractId !== undefined) {
    const contract = await findContractInScope(trx, input.contractId, scope);
    if (!contract) throw notFound();
    if (contract.archived_at !== null) throw conflict('archived');
    return { type: 'contract', id: contract.id, partnerId: contract.partner_id, currency: contract.currency };
  }
  const partner = await findPartnerInScope(trx, input.partnerId!, scope);
  // A partner's own balance is its parent's business: for its own people it does not exist here.
  if (!partner || partner.id === actor.partnerId) throw notFound();
  if (partner.archived_at !== null) throw conflict('archived');
  return { type: 'partner', id: partner.id, parentId: partner.parent_id, currency: partner.currency };
}

/** The transfer's two sides: the owner's balance and, with its counterpart, funds (payment) or revenue. */
async function transferFor(trx: Db, actor: Actor, kind: MoneyMoveKind, input: MoneyMoveBody) {
  const owner = await ownerOf(trx, actor, input);
  // Money in comes from the funds of whoever receives it; money written off goes to its revenue.
  const counterKind = kind === 'payment' ? 'funds' : 'revenue';
  return {
    currency: owner.currency,
    counterpart: counterpartOf(owner),
    own: await openAccount(trx, owner, 'balance', owner.currency),
    counter: await openAccount(trx, counterpartOf(owner), counterKind, owner.currency),
    partnerId: owner.type === 'contract' ? owner.partnerId : owner.id,
    contractId: owner.type === 'contract' ? owner.id : null,
  };
}

/**
 * transferFor with its two accounts locked. A contract or partner save that changes the currency or
 * the counterpart locks the same accounts first; a payment that read the target before such a save
 * committed would post into the old accounts, so the target is read again once the locks are held.
 * When it changed, the transaction starts again (TransactionMustRestart): the accounts of the new
 * target are opened before any lock is taken, never while holding one — an account opened under a lock
 * waits for another payment opening the same account, which waits for that lock: a deadlock.
 */
async function lockedTransferFor(trx: Db, actor: Actor, kind: MoneyMoveKind, input: MoneyMoveBody) {
  const target = await transferFor(trx, actor, kind, input);
  await lockAccounts(trx, [target.own, target.counter]);
  const owner = await ownerOf(trx, actor, input);
  const counterpart = counterpartOf(owner);
  if (
    owner.currency === target.currency &&
    counterpart.type === target.counterpart.type &&
    counterpart.id === target.counterpart.id
  ) {
    return target;
  }
  throw new TransactionMustRestart(
    'the balance owner moved or changed currency while its accounts were locked',
  );
}

/** Posts transfers, applies the blocking rule to the contracts they touch, and presents the first. */
async function postAndPresent(trx: Db, call: Call, transfers: TransferInput[], field: string) {
  const rows = await postTransfers(trx, transfers, field);
  const contractIds = [
    ...new Set(rows.map((row) => row.contract_id).filter((id): id is number => id !== null)),
  ];
  if (contractIds.length > 0) await applyDebtBlocking(trx, contractIds, actorOf(call));
  const [details] = await findTransfersByIds(trx, [rows[0]!.id]);
  return presentTransfer(details!, call.actor);
}

/** POST /finance/payments and /finance/write-offs: money into, or out of, a contract's or partner's balance. */
export async function moveMoney(options: Call & { kind: MoneyMoveKind; input: MoneyMoveBody }) {
  const { db, actor, kind, input } = options;
  checkMoneyMove(input);
  return runIdempotent({
    db,
    actor,
    endpoint: kind === 'payment' ? 'payments' : 'write-offs',
    key: options.idempotencyKey,
    body: input,
    statusCode: 201,
    work: async (trx) => {
      const target = await lockedTransferFor(trx, actor, kind, input);
      const [debit, credit] =
        kind === 'payment' ? [target.counter, target.own] : [target.own, target.counter];
      return postAndPresent(
        trx,
        options,
        [
          {
            kind,
            currency: target.currency,
            debitAccountId: debit,
            creditAccountId: credit,
            amount: formatAmount(input.amount),
            partnerId: target.partnerId,
            contractId: target.contractId,
            valueDate: input.valueDate ?? today(),
            comment: emptyToNull(input.comment),
            actorUserId: actor.userId,
          },
        ],
        'amount',
      );
    },
  });
}

type CorrectedTransfer = NonNullable<Awaited<ReturnType<typeof findTransferInScope>>>;

/** Whether a transfer moves the balance of the actor's own partner: its parent's business, not its own. */
function movesOwnBalance(transfer: CorrectedTransfer, partnerId: number | null) {
  const isOwn = (type: string, id: number | null, kind: string) =>
    partnerId !== null && type === 'partner' && Number(id) === partnerId && kind === 'balance';
  return (
    isOwn(transfer.debit_owner_type, transfer.debit_owner_id, transfer.debit_kind) ||
    isOwn(transfer.credit_owner_type, transfer.credit_owner_id, transfer.credit_kind)
  );
}

/**
 * What a correction reverses: the whole transfer, or (objectId) one object's day of a charge — the
 * charge's amount per object-day. A whole charge is reversed only while no object-day of it was, and
 * only when it is the one charge of its day, level, accounts and tariff (so its object-days are known).
 */
async function reversalOf(trx: Db, original: CorrectedTransfer, objectId: number | undefined) {
  const charge =
    original.kind === 'charge'
      ? {
          id: original.id,
          level: original.level!,
          charge_day: original.charge_day!,
          contract_id: original.contract_id,
          partner_id: original.partner_id,
        }
      : null;
  if (objectId === undefined) {
    if (original.reversed) throw conflict('already_reversed');
    if (charge && (await countChargesWithKeyOf(trx, original.id)) > 1)
      throw conflict('charge_reverse_by_object');
    return {
      amount: original.amount,
      objectId: 0,
      reversedCharge: charge && {
        objectId: null,
        level: charge.level,
        chargeDay: charge.charge_day,
        tariffId: original.tariff_id,
        quantity: original.quantity!,
      },
    };
  }
  if (!charge) throw invalid([{ field: 'objectId', code: 'correction_object_not_charge' }]);
  const line = await findChargeLine(trx, charge, objectId);
  if (!line) throw invalid([{ field: 'objectId', code: 'correction_object_not_charged' }]);
  if (line.reversed) throw conflict('already_reversed');
  return {
    amount: decimal(original.amount).dividedBy(original.quantity!).toFixed(2),
    objectId,
    reversedCharge: {
      objectId,
      level: charge.level,
      chargeDay: charge.charge_day,
      tariffId: original.tariff_id,
      quantity: 1,
    },
  };
}

/**
 * POST /finance/corrections: the reversal of one transfer (same amount, sides swapped), or of one
 * object's day of a charge, at most once each (ledger_reversals' primary key).
 */
export async function correctTransfer(options: Call & { input: CorrectionBody }) {
  const { db, actor, input } = options;
  const comment = emptyToNull(input.comment);
  if (comment === null) throw invalid([{ field: 'comment', code: 'required' }]);
  return runIdempotent({
    db,
    actor,
    endpoint: 'corrections',
    key: options.idempotencyKey,
    body: input,
    statusCode: 201,
    work: async (trx) => {
      const original = await findTransferInScope(trx, input.transferId, scopeOf(actor));
      if (!original) throw notFound();
      if (movesOwnBalance(original, actor.partnerId)) throw notFound();
      if (original.kind === 'correction') throw conflict('correction_of_correction');
      // A deposit is what the form's Deposit says: it is changed there, so the two never disagree.
      if (original.kind === 'deposit') throw conflict('correction_of_deposit');
      // The accounts are locked before the reversals are read: two corrections of one charge queue here.
      await lockAccounts(trx, [original.debit_account_id, original.credit_account_id]);
      const reversal = await reversalOf(trx, original, input.objectId);
      const presented = await postAndPresent(
        trx,
        options,
        [
          {
            kind: 'correction',
            currency: original.currency,
            debitAccountId: original.credit_account_id,
            creditAccountId: original.debit_account_id,
            amount: reversal.amount,
            partnerId: original.partner_id,
            contractId: original.contract_id,
            valueDate: today(),
            reversesId: original.id,
            reversedCharge: reversal.reversedCharge,
            comment,
            actorUserId: actor.userId,
          },
        ],
        'transferId',
      );
      await insertReversal(trx, original.id, reversal.objectId, presented.id);
      return presented;
    },
  });
}
