import { ObjectsList } from './objects-list';

/** The Objects tab of a partner (or contract) window: that record's objects. */
export function ObjectsTab({ partnerId, contractId }: { partnerId: number; contractId?: number }) {
  return <ObjectsList partnerId={partnerId} contractId={contractId} compact />;
}
