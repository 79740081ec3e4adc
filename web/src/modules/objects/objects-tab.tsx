/** The Objects tab of a partner (or contract) window: that record's objects. Placeholder until it is built. */
export function ObjectsTab(_props: { partnerId: number; contractId?: number }) {
  return null;
}
