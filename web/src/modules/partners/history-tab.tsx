import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { settingFieldLabel, useSettingCatalogue } from '../partner-settings/settings-api';
import { usePartnerHistory } from './partners-api';
import type { HistoryEntry } from './partner-types';

function displayValue(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The partner's change history, newest first, with field names in the person's language. */
export function HistoryTab({ partnerId }: { partnerId: number }) {
  const { t, i18n } = useTranslation();
  const history = usePartnerHistory(partnerId);
  const catalogue = useSettingCatalogue();
  const fieldName = (field: string) =>
    i18n.exists(`partner.fields.${field}`)
      ? t(`partner.fields.${field}`)
      : (settingFieldLabel(catalogue.data?.items, field, i18n.language) ?? field);
  const rows = (history.data?.items ?? []).flatMap((entry: HistoryEntry) =>
    (entry.changes.length ? entry.changes : [{ field: '', oldValue: null, newValue: null }]).map(
      (change, index) => ({
        key: `${entry.id}-${index}`,
        at: entry.at,
        actor: entry.actor?.login ?? '—',
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
              displayValue(value, yes, no)
            ),
        },
        {
          title: t('history.newValue'),
          dataIndex: 'newValue',
          render: (value: unknown, row) => (row.field === 'password' ? '' : displayValue(value, yes, no)),
        },
      ]}
    />
  );
}
