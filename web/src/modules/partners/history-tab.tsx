import { useTranslation } from 'react-i18next';
import { usePartner } from '../../app/partner-lookups';
import { useRegions } from '../../app/reference-queries';
import { HistoryTable } from '../../ui/history-table';
import { localizedName } from '../../ui/localized-name';
import { useRequisiteHistoryValues } from '../../ui/use-requisite-history-values';
import { settingFieldLabel, useSettingCatalogue } from '../partner-settings/public';
import { usePartnerHistory } from './partners-api';

/** The partner's change history, newest first, with field names and values in the person's language. */
export function HistoryTab({ partnerId }: { partnerId: number }) {
  const { i18n } = useTranslation();
  const history = usePartnerHistory(partnerId);
  const catalogue = useSettingCatalogue();
  // Already loaded by the window and the form: no request per row.
  const partner = usePartner(partnerId).data;
  const regions = useRegions().data?.items;
  const requisiteValue = useRequisiteHistoryValues('partner', {
    parentId: partner?.parent,
    priceTariffId: partner?.priceTariff,
    partnerPriceTariffId: partner?.partnerPriceTariff,
  });
  const readable = (field: string, value: unknown): unknown => {
    if (field !== 'region' || typeof value !== 'string') return requisiteValue(field, value);
    const region = regions?.find((candidate) => candidate.code === value);
    return region ? `${localizedName(i18n.language, region)} (${region.code})` : value;
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
