/*
 * The ledger's public face: accounts and their balances, transfers a person makes, the rules of an
 * owner's save (Deposit, currency, counterpart), blocking for debt, and the SQL fragments other
 * statements use to find an owner's account.
 */
export {
  accountBalance,
  balanceAccountsOf,
  ensureLedgerMonth,
  findChargedDays,
  findTransferInScope,
  holdChargingRuns,
  insertReversal,
  lastChargeDayOfTariff,
  lockAccounts,
  openAccount,
  PLATFORM,
  tryHoldChargingRunsOff,
  type AccountOwner,
  type TransferRow,
} from './ledger.repository.js';
export { applyDebtBlocking, type DebtBlockingActor } from './debt-blocking.repository.js';
export { counterpartOf, postTransfers, type BalanceOwner, type TransferInput } from './ledger.service.js';
export { holdsMoney, prepareOwnerSave, recordDepositChange } from './owner-saves.service.js';
export {
  applyAccountDeltas,
  isAccountOf,
  isBalanceAccountOf,
  isOwnedBy,
  ownerBalance,
} from './ledger.sql.js';
export { chargedObjectDays, chargeOfLine, lineReversed, monthOf } from './charged-days.sql.js';
