/** The Users tab of a partner (or contract) window: that record's users. Placeholder until it is built. */
export function UsersTab(_props: { partnerId: number; contractId?: number }) {
  return null;
}
