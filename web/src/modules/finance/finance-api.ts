import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../app/api-client';
import { listQueryString } from '../../app/list-query';
import type { PagedQuery } from '../../ui/use-paged-list';
import type {
  AccountBalance,
  AccountOwner,
  MoneyAction,
  MoneyValues,
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
    queryKey: ['finance', 'balance', owner],
    queryFn: () => apiGet<AccountBalance>(balancePathOf(owner)),
  });
}

export function useTransactions(query: TransactionsQuery) {
  return useQuery({
    queryKey: ['finance', 'transactions', query],
    queryFn: () => apiGet<TransferPage>(`/finance/transactions${listQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

/*
 * Money moved: the account's balance and transfers, and the lists that show balances (contracts,
 * partners). The partner's own record is left alone: its window fills its form from it.
 */
function useInvalidateMoney() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['finance'] }),
      queryClient.invalidateQueries({ queryKey: ['contracts'] }),
      queryClient.invalidateQueries({ queryKey: ['partners', 'list'] }),
    ]);
}

const moneyPaths: Record<MoneyAction, string> = {
  payment: '/finance/payments',
  writeOff: '/finance/write-offs',
};

/** A payment or write-off; the key makes a retry of the same submission count once. */
export function usePostMoney() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: (request: {
      action: MoneyAction;
      owner: AccountOwner;
      values: MoneyValues;
      idempotencyKey: string;
    }) =>
      apiRequest<Transfer>(
        'POST',
        moneyPaths[request.action],
        { ...request.owner, ...request.values },
        { 'idempotency-key': request.idempotencyKey },
      ),
    onSuccess: invalidate,
  });
}

/** The reversal of one transfer, with the reason why. */
export function useCorrectTransfer() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: (request: { transferId: number; comment: string; idempotencyKey: string }) =>
      apiRequest<Transfer>(
        'POST',
        '/finance/corrections',
        { transferId: request.transferId, comment: request.comment },
        { 'idempotency-key': request.idempotencyKey },
      ),
    onSuccess: invalidate,
  });
}
