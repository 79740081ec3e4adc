import { useTranslation } from 'react-i18next';
import { HistoryTable } from '../../ui/history-table';
import { useUser, useUserHistory } from './users-api';

/** The user's change history, newest first; a password change is shown without the password. */
export function UserHistoryTab({ userId }: { userId: number }) {
  const { t, i18n } = useTranslation();
  const history = useUserHistory(userId);
  // Already loaded by the window: the current contract is named, an earlier one shows its number.
  const contract = useUser(userId).data?.contract;
  const fieldName = (field: string) =>
    i18n.exists(`user.fields.${field}`) ? t(`user.fields.${field}`) : field;
  const readable = (field: string, value: unknown) =>
    field === 'contractId' && typeof value === 'number'
      ? contract?.id === value
        ? `${contract.name} (#${value})`
        : `#${value}`
      : field === 'type' && typeof value === 'string' && i18n.exists(`user.types.${value}`)
        ? t(`user.types.${value}`)
        : value;
  return (
    <HistoryTable
      entries={history.data?.items}
      loading={history.isLoading}
      fieldName={fieldName}
      readable={readable}
    />
  );
}
