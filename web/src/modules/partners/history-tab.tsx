import { useTranslation } from 'react-i18next';
import { usePartner } from '../../app/partner-lookups';
import { useAccountTypes, useOrganizationTypes, useRegions } from '../../app/reference-queries';
import { codeName, referenceLabel } from '../../ui/history-labels';
import { HistoryTable } from '../../ui/history-table';
import { settingFieldLabel, useSettingCatalogue } from '../partner-settings/public';
import { usePartnerHistory } from './partners-api';

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
  const readable = (field: string, value: unknown): unknown => {
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    switch (field) {
      case 'accountType':
        return codeName(accountTypes, String(value), i18n.language);
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
        return codeName(organizationTypes, String(value), i18n.language);
      case 'parentId':
        return referenceLabel(partner?.parent, Number(value));
      case 'priceTariffId':
        return referenceLabel(partner?.priceTariff, Number(value));
      case 'partnerPriceTariffId':
        return referenceLabel(partner?.partnerPriceTariff, Number(value));
      default:
        return value;
    }
  };
  return (
    <HistoryTable
      history={history}
      textsKey="partner"
      otherFieldName={(field) => settingFieldLabel(catalogue.data?.items, field, i18n.language)}
      readable={readable}
    />
  );
}
