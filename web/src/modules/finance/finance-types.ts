import type {
  BalanceResponse,
  ChargeObjectsPage as ChargeObjectsPageSchema,
  Transfer as TransferSchema,
  RevenueResponse,
  TransferList,
} from '@server-schemas/finance/finance.schemas';
import type { Static } from 'typebox';

/** One ledger transfer as GET /finance/transactions returns it. Amounts are decimal strings. */
export type Transfer = Static<typeof TransferSchema>;
export type TransferKind = Transfer['kind'];
/** The kinds in the order the Kind filter offers them. */
export const transferKinds: TransferKind[] = ['payment', 'deposit', 'write_off', 'correction', 'charge'];

/** A page of transfers; the total is counted up to a limit, beyond which the list says "more than". */
export type TransferPage = Static<typeof TransferList>;

/** The objects behind a charge: GET /finance/transactions/{id}/objects. */
export type ChargeObjectsPage = Static<typeof ChargeObjectsPageSchema>;
export type ChargeObject = ChargeObjectsPage['items'][number];

/** GET /contracts/{id}/balance and /partners/{id}/balance. */
export type AccountBalance = Static<typeof BalanceResponse>;

/** Whose money the Finance tab shows: a contract's account, or a partner's own account with its parent. */
export type AccountOwner = { contractId: number } | { partnerId: number };

export type MoneyAction = 'payment' | 'writeOff';

export interface MoneyValues {
  amount: string;
  valueDate: string;
  comment?: string;
}

/** GET /finance/revenue: a partner's revenue, cost and margin per currency over a period. */
export type Revenue = Static<typeof RevenueResponse>;
