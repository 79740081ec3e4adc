import { useTranslation } from 'react-i18next';
import { settingFieldLabel, useSettingCatalogue } from '../partner-settings/settings-api';
import { usePartner, usePartnerHistory } from './partners-api';
import { HistoryTable } from '../../ui/history-table';
import type { Reference } from './partner-types';
import { useAccountTypes, useOrganizationTypes, useRegions, type Named } from './reference-api';

/** The partner's change history, newest first, with field names and values in the person's language. */
export function HistoryTab({ partnerId }: { partnerId: number }) {
  const { t, i18n } = useTranslation();
  const history = usePartnerHistory(partnerId);
  const catalogue = useSettingCatalogue();
  // Already loaded by the window and the form: no request per row.
  const partner = usePartner(partnerId).data;
  const accountTypes = useAccountTypes().data?.items;
  const regions = useRegions().data?.items;
  const organizationTypes = useOrganizationTypes(null).data?.items;
  const fieldName = (field: string) =>
    i18n.exists(`partner.fields.${field}`)
      ? t(`partner.fields.${field}`)
      : (settingFieldLabel(catalogue.data?.items, field, i18n.language) ?? field);
  const nameOf = (entries: Named[] | undefined, code: string) => {
    const entry = entries?.find((candidate) => candidate.code === code);
    return entry ? (i18n.language === 'ru' ? entry.nameRu : entry.nameEn) : code;
  };
  // A parent or tariff is named when it is the partner's current one; an earlier one shows its number.
  const referenceOf = (reference: Reference | null | undefined, id: number) =>
    reference?.id === id ? `${reference.name} (#${id})` : `#${id}`;
  const readable = (field: string, value: unknown): unknown => {
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    switch (field) {
      case 'accountType':
        return nameOf(accountTypes, String(value));
      case 'userPasswordPolicy':
        return i18n.exists(`partner.passwordPolicy.${String(value)}`)
          ? t(`partner.passwordPolicy.${String(value)}`)
          : value;
      case 'region': {
        const region = regions?.find((candidate) => candidate.code === value);
        if (!region) return value;
        return `${i18n.language === 'ru' ? region.nameRu : region.nameEn} (${region.code})`;
      }
      case 'organizationType':
        return nameOf(organizationTypes, String(value));
      case 'parentId':
        return referenceOf(partner?.parent, Number(value));
      case 'priceTariffId':
        return referenceOf(partner?.priceTariff, Number(value));
      case 'partnerPriceTariffId':
        return referenceOf(partner?.partnerPriceTariff, Number(value));
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
