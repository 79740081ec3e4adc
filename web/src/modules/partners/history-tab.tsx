import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { settingFieldLabel, useSettingCatalogue } from '../partner-settings/settings-api';
import { usePartner, usePartnerHistory } from './partners-api';
import type { HistoryEntry, Reference } from './partner-types';
import { useAccountTypes, useOrganizationTypes, useRegions, type Named } from './reference-api';

function displayValue(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

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
  const rows = (history.data?.items ?? []).flatMap((entry: HistoryEntry) =>
    (entry.changes.length ? entry.changes : [{ field: '', oldValue: null, newValue: null }]).map(
      (change, index) => ({
        key: `${entry.id}-${index}`,
        at: entry.at,
        // The server does not name people above the caller's own partner.
        actor: entry.actor?.login ?? t('history.upstream'),
        action: entry.action,
        ...change,
      }),
    ),
  );
  const yes = t('common.yes');
  const no = t('common.no');
  return (
    <Table
      size="small"
      loading={history.isLoading}
      dataSource={rows}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        {
          title: t('history.when'),
          dataIndex: 'at',
          width: 170,
          render: (at: string) => new Date(at).toLocaleString(i18n.language),
        },
        { title: t('history.who'), dataIndex: 'actor', width: 130 },
        {
          title: t('history.action'),
          dataIndex: 'action',
          width: 130,
          render: (action: string) =>
            i18n.exists(`history.actions.${action}`) ? t(`history.actions.${action}`) : action,
        },
        { title: t('history.field'), dataIndex: 'field', render: (field: string) => fieldName(field) },
        {
          title: t('history.oldValue'),
          dataIndex: 'oldValue',
          render: (value: unknown, row) =>
            row.field === 'password' ? (
              <Typography.Text type="secondary">{t('history.passwordChanged')}</Typography.Text>
            ) : (
              displayValue(readable(row.field, value), yes, no)
            ),
        },
        {
          title: t('history.newValue'),
          dataIndex: 'newValue',
          render: (value: unknown, row) =>
            row.field === 'password' ? '' : displayValue(readable(row.field, value), yes, no),
        },
      ]}
    />
  );
}
