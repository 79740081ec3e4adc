import { useTranslation } from 'react-i18next';
import type { Contract } from '../../app/api-types';
import { useAccountTypes, useOrganizationTypes } from '../../app/reference-queries';
import { codeName, referenceLabel } from '../../ui/history-labels';
import { HistoryTable } from '../../ui/history-table';
import { useContractHistory } from './contracts-api';

/** The contract's change history, newest first, with field names and values in the person's language. */
export function ContractHistoryTab({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const history = useContractHistory(contract.id);
  const accountTypes = useAccountTypes().data?.items;
  const organizationTypes = useOrganizationTypes(null).data?.items;
  const readable = (field: string, value: unknown): unknown => {
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    switch (field) {
      case 'accountType':
        return codeName(accountTypes, String(value), i18n.language);
      case 'userPasswordPolicy':
        return i18n.exists(`contract.passwordPolicy.${String(value)}`)
          ? t(`contract.passwordPolicy.${String(value)}`)
          : value;
      case 'organizationType':
        return codeName(organizationTypes, String(value), i18n.language);
      case 'partnerId':
        return referenceLabel(contract.partner, Number(value));
      case 'tariffId':
        return referenceLabel(contract.tariff, Number(value));
      default:
        return value;
    }
  };
  return <HistoryTable history={history} textsKey="contract" readable={readable} />;
}
