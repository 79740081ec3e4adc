import { useTranslation } from 'react-i18next';
import { HistoryTable } from '../../ui/history-table';
import { useStaffHistory } from './staff-api';

/** The staff user's change history, newest first; a password change is shown without the password. */
export function StaffHistoryTab({ staffId }: { staffId: number }) {
  const { t } = useTranslation();
  const history = useStaffHistory(staffId);
  const readable = (field: string, value: unknown) =>
    field === 'partnerId' && value === null ? t('staffUser.platform') : value;
  return <HistoryTable history={history} textsKey="staffUser" readable={readable} />;
}
