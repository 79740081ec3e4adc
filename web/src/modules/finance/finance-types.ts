export type TransferKind = 'payment' | 'deposit' | 'write_off' | 'correction' | 'charge';
export const transferKinds: TransferKind[] = ['payment', 'deposit', 'write_off', 'correction', 'charge'];

/** One ledger transfer as GET /finance/transactions returns it. Amounts are decimal strings. */
export interface Transfer {
  id: number;
  kind: TransferKind;
  currency: string;
  amount: string;
  /** The effect on the account the list is filtered to (+ in, - out); null for a list of many accounts. */
  signedAmount: string | null;
  partnerId: number | null;
  partnerName: string | null;
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

export interface TransferPage {
  items: Transfer[];
  total: number;
  /** The total is counted up to a limit; beyond it the list says "more than". */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

/** GET /contracts/{id}/balance and /partners/{id}/balance. */
export interface AccountBalance {
  balance: string;
  currency: string;
  dailyCharge: string;
  /** Days the balance lasts at the current daily charge; null when nothing is charged. */
  daysLeft: number | null;
  /** Contracts only: blocked because of debt. */
  debtBlocked?: boolean;
}

/** Whose money the Finance tab shows: a contract's account, or a partner's own account with its parent. */
export type AccountOwner = { contractId: number } | { partnerId: number };

export type MoneyAction = 'payment' | 'writeOff';

export interface MoneyValues {
  amount: string;
  valueDate: string;
  comment?: string;
}
