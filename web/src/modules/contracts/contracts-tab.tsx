import { ContractsList } from './contracts-list';

/** The Contracts tab of a partner window: that partner's contracts; Add presets the partner. */
export function ContractsTab({ partnerId }: { partnerId: number }) {
  return <ContractsList partnerId={partnerId} compact />;
}
