/** The Contracts tab of a partner (or contract) window: that record's contracts. Placeholder until it is built. */
export function ContractsTab(_props: { partnerId: number; contractId?: number }) {
  return null;
}
