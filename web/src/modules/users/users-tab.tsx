import { UsersList } from './users-list';

/** The Users tab of a partner (or contract) window: that record's portal users. */
export function UsersTab({ partnerId, contractId }: { partnerId: number; contractId?: number }) {
  return <UsersList partnerId={partnerId} contractId={contractId} compact />;
}
