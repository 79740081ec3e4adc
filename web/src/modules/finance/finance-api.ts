import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../app/api-client';
import { listQueryString } from '../../app/list-query';
import { contractKeys, financeKeys, partnerKeys } from '../../app/query-keys';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PagedQuery } from '../../ui/use-paged-list';
import type {
  AccountBalance,
  AccountOwner,
  ChargeObjectsPage,
  MoneyAction,
  MoneyValues,
  Revenue,
  Transfer,
  TransferPage,
} from './finance-types';

export interface TransactionsQuery extends PagedQuery {
  contractId?: number;
  partnerId?: number;
  /** With partnerId: that partner's own account with its parent, not its contracts'. */
  own?: boolean;
}

/** The API's filter for an account's transfers: a contract's, or a partner's own. */
export const transactionsFilterOf = (owner: AccountOwner) =>
  'contractId' in owner ? { contractId: owner.contractId } : { partnerId: owner.partnerId, own: true };

const balancePathOf = (owner: AccountOwner) =>
  'contractId' in owner ? `/contracts/${owner.contractId}/balance` : `/partners/${owner.partnerId}/balance`;

export function useBalance(owner: AccountOwner) {
  return useQuery({
    queryKey: financeKeys.balance(owner),
    queryFn: () => apiGet<AccountBalance>(balancePathOf(owner)),
  });
}

export function useTransactions(query: TransactionsQuery) {
  return useQuery({
    queryKey: financeKeys.transactions(query),
    queryFn: () => apiGet<TransferPage>(`/finance/transactions${listQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

/*
 * Money moved: the account's balance and transfers, and the lists that show balances (contracts,
 * partners). The partner's own record is left alone: its window fills its form from it.
 */
const changedByMoney = [financeKeys.all, contractKeys.all, partnerKeys.lists()];

const moneyPaths: Record<MoneyAction, string> = {
  payment: '/finance/payments',
  writeOff: '/finance/write-offs',
};

/** A payment or write-off; the key makes a retry of the same submission count once. */
export const usePostMoney = () =>
  useInvalidatingMutation(
    (request: { action: MoneyAction; owner: AccountOwner; values: MoneyValues; idempotencyKey: string }) =>
      apiRequest<Transfer>(
        'POST',
        moneyPaths[request.action],
        { ...request.owner, ...request.values },
        { 'idempotency-key': request.idempotencyKey },
      ),
    changedByMoney,
  );

/** The reversal of one transfer (or, with objectId, of one object's day of a charge), with the reason why. */
export const useCorrectTransfer = () =>
  useInvalidatingMutation(
    (request: { transferId: number; objectId?: number; comment: string; idempotencyKey: string }) =>
      apiRequest<Transfer>(
        'POST',
        '/finance/corrections',
        { transferId: request.transferId, objectId: request.objectId, comment: request.comment },
        { 'idempotency-key': request.idempotencyKey },
      ),
    changedByMoney,
  );

/** A page of the objects behind a charge, each at the charge's amount per object-day. */
export function useChargeObjects(chargeId: number, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: financeKeys.chargeObjects(chargeId, page),
    queryFn: () =>
      apiGet<ChargeObjectsPage>(
        `/finance/transactions/${chargeId}/objects?limit=${page.pageSize}&offset=${(page.page - 1) * page.pageSize}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** GET /finance/revenue for a partner: this month's charges to its contracts and sub-partners, per currency. */
export function useRevenue(partnerId: number | null) {
  return useQuery({
    queryKey: financeKeys.revenue(partnerId ?? 0),
    queryFn: () => apiGet<Revenue>(`/finance/revenue?partnerId=${partnerId}`),
    enabled: partnerId !== null,
  });
}
