import { WarningOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDay } from '../../ui/format-day';
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

/** What a run's status shows: a completed run with issues (charges it could not make) is not a plain success. */
export type RunShownStatus = RunStatus | 'completedWithIssues';

export function shownStatus(run: Pick<BillingRun, 'status' | 'issuesCount'>): RunShownStatus {
  return run.status === 'completed' && run.issuesCount > 0 ? 'completedWithIssues' : run.status;
}

const statusColors: Record<RunShownStatus, string> = {
  running: 'processing',
  completed: 'success',
  completedWithIssues: 'warning',
  failed: 'error',
};

/** A run's status in the person's language, coloured: green, the warning colour with issues, red failed. */
export function runStatusTag(t: TFunction, run: Pick<BillingRun, 'status' | 'issuesCount'>) {
  const status = shownStatus(run);
  return <Tag color={statusColors[status]}>{t(`billing.statuses.${status}`)}</Tag>;
}

/** The columns of the runs list; `onShowIssues` opens a run's report at its issues. */
export function runColumns(
  t: TFunction,
  language: string,
  onShowIssues: (runId: number) => void,
): Record<RunColumnKey, ColumnType<BillingRun>> {
  const title = (key: string) => t(`billing.columns.${key}`);
  const count = (key: RunColumnKey & keyof BillingRun): ColumnType<BillingRun> => ({
    key,
    title: title(key),
    dataIndex: key,
    align: 'right',
    width: 100,
  });
  return {
    day: {
      key: 'day',
      title: title('day'),
      dataIndex: 'day',
      width: 110,
      render: (day: string) => formatDay(day, language),
    },
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
      width: 130,
      render: (_value, row) => runStatusTag(t, row),
    },
    objectsCharged: count('objectsCharged'),
    transfersCreated: count('transfersCreated'),
    alreadyCharged: count('alreadyCharged'),
    issuesCount: {
      ...count('issuesCount'),
      render: (issues: number, row) =>
        issues > 0 ? (
          <Button
            type="link"
            size="small"
            icon={<WarningOutlined />}
            style={{ paddingInline: 0 }}
            aria-label={t('billing.showIssuesOf', { count: issues, day: formatDay(row.day, language) })}
            onClick={() => onShowIssues(row.id)}
          >
            {issues}
          </Button>
        ) : (
          issues
        ),
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
