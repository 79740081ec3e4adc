import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { BillingRun, RunStatus } from './billing-types';
import { durationText, totalsPerCurrency } from './run-format';

export const runColumnKeys = [
  'day',
  'trigger',
  'status',
  'objectsCharged',
  'transfersCreated',
  'alreadyCharged',
  'issuesCount',
  'duration',
  'totals',
] as const;
export type RunColumnKey = (typeof runColumnKeys)[number];

const statusColors: Record<RunStatus, string> = { running: 'blue', completed: 'green', failed: 'red' };

/** A run's status in the person's language, coloured. */
export function runStatusTag(t: TFunction, status: RunStatus) {
  return <Tag color={statusColors[status]}>{t(`billing.statuses.${status}`)}</Tag>;
}

export function runColumns(t: TFunction): Record<RunColumnKey, ColumnType<BillingRun>> {
  const title = (key: string) => t(`billing.columns.${key}`);
  const count = (key: RunColumnKey & keyof BillingRun): ColumnType<BillingRun> => ({
    key,
    title: title(key),
    dataIndex: key,
    align: 'right',
    width: 100,
  });
  return {
    day: { key: 'day', title: title('day'), dataIndex: 'day', width: 110 },
    trigger: {
      key: 'trigger',
      title: title('trigger'),
      width: 130,
      render: (_value, row) =>
        row.actorLogin
          ? `${t(`billing.triggers.${row.trigger}`)} (${row.actorLogin})`
          : t(`billing.triggers.${row.trigger}`),
    },
    status: {
      key: 'status',
      title: title('status'),
      width: 110,
      render: (_value, row) => runStatusTag(t, row.status),
    },
    objectsCharged: count('objectsCharged'),
    transfersCreated: count('transfersCreated'),
    alreadyCharged: count('alreadyCharged'),
    issuesCount: {
      ...count('issuesCount'),
      render: (issues: number) => (issues > 0 ? <Tag color="orange">{issues}</Tag> : issues),
    },
    duration: {
      key: 'duration',
      title: title('duration'),
      align: 'right',
      width: 100,
      render: (_value, row) => durationText(t, row.durationMs),
    },
    totals: {
      key: 'totals',
      title: title('totals'),
      align: 'right',
      width: 150,
      render: (_value, row) => {
        const lines = totalsPerCurrency(row.totals);
        return lines.length ? lines.map((line) => <div key={line}>{line}</div>) : '—';
      },
    },
  };
}
