import type { Contract } from '../../app/api-types';
import { HistoryTable } from '../../ui/history-table';
import { useRequisiteHistoryValues } from '../../ui/use-requisite-history-values';
import { useContractHistory } from './contracts-api';

/** The contract's change history, newest first, with field names and values in the person's language. */
export function ContractHistoryTab({ contract }: { contract: Contract }) {
  const history = useContractHistory(contract.id);
  const readable = useRequisiteHistoryValues('contract', {
    partnerId: contract.partner,
    tariffId: contract.tariff,
  });
  return <HistoryTable history={history} textsKey="contract" readable={readable} />;
}
