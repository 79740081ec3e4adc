import { useTranslation } from 'react-i18next';
import { HistoryTable } from '../../ui/history-table';
import { useAccountTypes, useOrganizationTypes, type Named } from '../partners/reference-api';
import type { Contract, Reference } from './contract-types';
import { useContractHistory } from './contracts-api';

/** The contract's change history, newest first, with field names and values in the person's language. */
export function ContractHistoryTab({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const history = useContractHistory(contract.id);
  const accountTypes = useAccountTypes().data?.items;
  const organizationTypes = useOrganizationTypes(null).data?.items;
  const fieldName = (field: string) =>
    i18n.exists(`contract.fields.${field}`) ? t(`contract.fields.${field}`) : field;
  const nameOf = (entries: Named[] | undefined, code: string) => {
    const entry = entries?.find((candidate) => candidate.code === code);
    return entry ? (i18n.language === 'ru' ? entry.nameRu : entry.nameEn) : code;
  };
  // A partner or tariff is named when it is the contract's current one; an earlier one shows its number.
  const referenceOf = (reference: Reference | null | undefined, id: number) =>
    reference?.id === id ? `${reference.name} (#${id})` : `#${id}`;
  const readable = (field: string, value: unknown): unknown => {
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    switch (field) {
      case 'accountType':
        return nameOf(accountTypes, String(value));
      case 'userPasswordPolicy':
        return i18n.exists(`contract.passwordPolicy.${String(value)}`)
          ? t(`contract.passwordPolicy.${String(value)}`)
          : value;
      case 'organizationType':
        return nameOf(organizationTypes, String(value));
      case 'partnerId':
        return referenceOf(contract.partner, Number(value));
      case 'tariffId':
        return referenceOf(contract.tariff, Number(value));
      default:
        return value;
    }
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
