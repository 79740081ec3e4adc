import { useTranslation } from 'react-i18next';
import { HistoryTable } from '../../ui/history-table';
import type { Reference } from './object-types';
import { useObject, useObjectHistory } from './objects-api';

/** The object's change history, newest first, including moves and repricing. */
export function ObjectHistoryTab({ objectId }: { objectId: number }) {
  const { t, i18n } = useTranslation();
  const history = useObjectHistory(objectId);
  // Already loaded by the window: no request per row.
  const object = useObject(objectId).data;
  const fieldName = (field: string) =>
    i18n.exists(`object.fields.${field}`) ? t(`object.fields.${field}`) : field;
  // A contract or tariff is named when it is the object's current one; an earlier one shows its number.
  const referenceOf = (reference: Reference | null | undefined, id: number) =>
    reference?.id === id ? `${reference.name} (#${id})` : `#${id}`;
  const readable = (field: string, value: unknown): unknown => {
    if (typeof value !== 'number') return value;
    if (field === 'contractId') return referenceOf(object?.contract, value);
    if (field === 'tariffId') return referenceOf(object?.tariff, value);
    return value;
  };
  return (
    <HistoryTable
      entries={history.data?.items}
      loading={history.isLoading}
      fieldName={fieldName}
      readable={readable}
    />
  );
}
