import { useTranslation } from 'react-i18next';
import { referenceLabel } from '../../ui/history-labels';
import { HistoryTable } from '../../ui/history-table';
import { useUser, useUserHistory } from './users-api';

/** The user's change history, newest first; a password change is shown without the password. */
export function UserHistoryTab({ userId }: { userId: number }) {
  const { t, i18n } = useTranslation();
  const history = useUserHistory(userId);
  // Already loaded by the window: the current contract is named, an earlier one shows its number.
  const contract = useUser(userId).data?.contract;
  const readable = (field: string, value: unknown) =>
    field === 'contractId' && typeof value === 'number'
      ? referenceLabel(contract, value)
      : field === 'type' && typeof value === 'string' && i18n.exists(`user.types.${value}`)
        ? t(`user.types.${value}`)
        : value;
  return <HistoryTable history={history} textsKey="user" readable={readable} />;
}
