import { referenceLabel } from '../../ui/history-labels';
import { HistoryTable } from '../../ui/history-table';
import { useObject, useObjectHistory } from './objects-api';

/** The object's change history, newest first, including moves and repricing. */
export function ObjectHistoryTab({ objectId }: { objectId: number }) {
  const history = useObjectHistory(objectId);
  // Already loaded by the window: no request per row.
  const object = useObject(objectId).data;
  const readable = (field: string, value: unknown): unknown => {
    if (typeof value !== 'number') return value;
    if (field === 'contractId') return referenceLabel(object?.contract, value);
    if (field === 'tariffId') return referenceLabel(object?.tariff, value);
    return value;
  };
  return <HistoryTable history={history} textsKey="object" readable={readable} />;
}
