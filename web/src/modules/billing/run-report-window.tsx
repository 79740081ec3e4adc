import { Alert, Button, Descriptions, Modal, Spin, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../ui/format-day';
import { formatMoment } from '../../ui/format-moment';
import { useBillingRun, useRunIssues } from './billing-api';
import type { RunIssue, RunTotal } from './billing-types';
import { runStatusTag } from './run-columns';
import { durationText, levelName, totalsPerCurrency } from './run-format';

interface RunReportWindowProps {
  runId: number;
  /** Opened from the run's issues: they are scrolled into view. */
  atIssues?: boolean;
  onClose: () => void;
}

/**
 * A run's report: what it charged per level and currency, and each charge it could not make, with why,
 * naming the object, the paying partner and the tariff.
 */
export function RunReportWindow({ runId, atIssues = false, onClose }: RunReportWindowProps) {
  const { t, i18n } = useTranslation();
  const run = useBillingRun(runId);
  const issuesHeading = useRef<HTMLHeadingElement>(null);
  const [issuesPage, setIssuesPage] = useState({ page: 1, pageSize: 20 });
  const issues = useRunIssues(runId, issuesPage);
  const data = run.data;
  const when = (at: string | null) => (at ? formatMoment(at, i18n.language) : '—');
  const column = (key: string) => t(`billing.columns.${key}`);
  const issuesShown = issues.data !== undefined;

  useEffect(() => {
    if (atIssues && issuesShown) issuesHeading.current?.scrollIntoView({ block: 'start' });
  }, [atIssues, issuesShown]);

  return (
    <Modal
      open
      title={
        data
          ? t('billing.report.title', { day: formatDay(data.day, i18n.language) })
          : t('billing.report.loading')
      }
      width={1000}
      onCancel={onClose}
      destroyOnHidden
      footer={<Button onClick={onClose}>{t('billing.report.close')}</Button>}
    >
      {run.isLoading ? (
        <Spin />
      ) : !data ? (
        <Alert role="alert" type="error" showIcon message={t('billing.report.notFound')} />
      ) : (
        <>
          {data.error && (
            <Alert role="alert" type="error" showIcon message={data.error} style={{ marginBottom: 12 }} />
          )}
          {data.status === 'completed' && data.issuesCount > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('billing.report.issuesAlert', { count: data.issuesCount })}
              style={{ marginBottom: 12 }}
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={3}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'day', label: column('day'), children: formatDay(data.day, i18n.language) },
              { key: 'status', label: column('status'), children: runStatusTag(t, data) },
              {
                key: 'trigger',
                label: column('trigger'),
                children: `${t(`billing.triggers.${data.trigger}`)}${data.actorLogin ? ` (${data.actorLogin})` : ''}`,
              },
              { key: 'startedAt', label: column('startedAt'), children: when(data.startedAt) },
              { key: 'finishedAt', label: column('finishedAt'), children: when(data.finishedAt) },
              { key: 'duration', label: column('duration'), children: durationText(t, data.durationMs) },
              { key: 'objectsCharged', label: column('objectsCharged'), children: data.objectsCharged },
              { key: 'transfersCreated', label: column('transfersCreated'), children: data.transfersCreated },
              { key: 'alreadyCharged', label: column('alreadyCharged'), children: data.alreadyCharged },
              { key: 'issuesCount', label: column('issuesCount'), children: data.issuesCount },
              {
                key: 'totals',
                label: column('totals'),
                span: 2,
                children: totalsPerCurrency(data.totals).join(', ') || '—',
              },
            ]}
          />
          <Typography.Title level={5}>{t('billing.report.totals')}</Typography.Title>
          <Table<RunTotal>
            size="small"
            aria-label={t('billing.report.totals')}
            rowKey={(row) => `${row.currency}-${row.level}`}
            dataSource={[...data.totals].sort(
              (a, b) => a.level - b.level || a.currency.localeCompare(b.currency),
            )}
            pagination={false}
            style={{ marginBottom: 16 }}
            columns={[
              {
                key: 'level',
                title: t('billing.report.level'),
                render: (_v, row) => levelName(t, row.level),
              },
              { key: 'currency', title: column('currency'), dataIndex: 'currency' },
              { key: 'transfers', title: column('transfersCreated'), dataIndex: 'transfers', align: 'right' },
              {
                key: 'amount',
                title: t('billing.report.amount'),
                align: 'right',
                render: (_v, row) => `${row.amount} ${row.currency}`,
              },
            ]}
          />
          <Typography.Title level={5} ref={issuesHeading}>
            {t('billing.report.issues')}
          </Typography.Title>
          <Table<RunIssue>
            size="small"
            aria-label={t('billing.report.issues')}
            rowKey={(row, index) => `${row.objectId ?? 'x'}-${row.level ?? 'x'}-${row.reason}-${index ?? 0}`}
            loading={issues.isFetching}
            dataSource={issues.data?.items ?? []}
            locale={{ emptyText: t('billing.report.noIssues') }}
            pagination={{
              current: issuesPage.page,
              pageSize: issuesPage.pageSize,
              total: issues.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              hideOnSinglePage: true,
            }}
            onChange={(pagination) =>
              setIssuesPage({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })
            }
            columns={[
              {
                key: 'object',
                title: t('billing.report.object'),
                render: (_v, row) => row.objectName ?? (row.objectId ? `#${row.objectId}` : '—'),
              },
              {
                key: 'partner',
                title: t('billing.report.partner'),
                render: (_v, row) => row.partnerName ?? `#${row.partnerId}`,
              },
              {
                key: 'tariff',
                title: t('billing.report.tariff'),
                render: (_v, row) => row.tariffName ?? (row.tariffId ? `#${row.tariffId}` : '—'),
              },
              {
                key: 'level',
                title: t('billing.report.level'),
                render: (_v, row) => levelName(t, row.level),
              },
              {
                key: 'reason',
                title: t('billing.report.reason'),
                render: (_v, row) =>
                  i18n.exists(`billing.reasons.${row.reason}`)
                    ? t(`billing.reasons.${row.reason}`)
                    : row.reason,
              },
              { key: 'message', title: t('billing.report.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
