import type { HistoryResponse } from '@server-schemas/audit/audit.schemas';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import { formatDay } from './format-day';
import { formatMoment } from './format-moment';

/** One audit event as the API's /history endpoints return it (the server's schema). */
export type HistoryEntry = Static<typeof HistoryResponse>['items'][number];

interface HistoryTableProps {
  /** The record's /history answer as the query holds it. */
  history: { data?: { items: HistoryEntry[] }; isLoading: boolean };
  /** Where the record's field labels are in the translations ("partner": `partner.fields.<field>`). */
  textsKey: string;
  /** The label of a field that has none there (a setting); the field's own name by default. */
  otherFieldName?: (field: string) => string | undefined;
  /** A stored value made readable (a code to its name, an id to a record's name); as is by default. */
  readable?: (field: string, value: unknown) => unknown;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function displayValue(value: unknown, yes: string, no: string, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  // A day (Active from, a price's first day) as the language writes days everywhere else.
  if (typeof value === 'string' && isoDay.test(value)) return formatDay(value, language);
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A record's change history, newest first: one row per changed field, passwords never shown. */
export function HistoryTable({
  history,
  textsKey,
  otherFieldName,
  readable = (_, value) => value,
}: HistoryTableProps) {
  const { t, i18n } = useTranslation();
  const fieldName = (field: string) =>
    i18n.exists(`${textsKey}.fields.${field}`)
      ? t(`${textsKey}.fields.${field}`)
      : (otherFieldName?.(field) ?? field);
  const rows = (history.data?.items ?? []).flatMap((entry) =>
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
          render: (at: string) => formatMoment(at, i18n.language),
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
              displayValue(readable(row.field, value), yes, no, i18n.language)
            ),
        },
        {
          title: t('history.newValue'),
          dataIndex: 'newValue',
          render: (value: unknown, row) =>
            row.field === 'password' ? '' : displayValue(readable(row.field, value), yes, no, i18n.language),
        },
      ]}
    />
  );
}
