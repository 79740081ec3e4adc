import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../ui/paged-table';
import { ProblemAlert } from '../../ui/problem-alert';
import { SectionPage } from '../../ui/section-page';
import { usePagedList } from '../../ui/use-paged-list';
import { useServerErrors } from '../../ui/use-server-errors';
import { useBillingRuns, useStartBillingRun } from './billing-api';
import { runColumnKeys, runColumns } from './run-columns';
import { RunReportWindow } from './run-report-window';

/**
 * The Billing page (super administrator): the daily runs, newest first, each with its report, and a
 * run for a chosen day. A run charges only what that day has not been charged yet.
 */
export function BillingSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const paged = usePagedList({ page: 1, pageSize: 20 }, { defaultSort: 'day' });
  const runs = useBillingRuns({ page: paged.query.page, pageSize: paged.query.pageSize });
  const start = useStartBillingRun();
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const serverErrors = useServerErrors();
  const [reportFor, setReportFor] = useState<number | null>(null);
  const columns = runColumns(t);

  const runBilling = () => {
    serverErrors.clearProblem();
    start.mutate(day.format('YYYY-MM-DD'), {
      onSuccess: ({ runs: started }) => {
        const run = started[0];
        if (run) {
          void message.success(
            t('billing.runDone', {
              day: run.day,
              objects: run.objectsCharged,
              transfers: run.transfersCreated,
            }),
          );
        }
      },
      onError: serverErrors.show,
    });
  };

  return (
    <SectionPage name="billing">
      <Typography.Paragraph type="secondary">{t('billing.hint')}</Typography.Paragraph>
      <ProblemAlert problem={serverErrors.problem} />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="billing-day">{t('billing.day')}</label>
        <DatePicker
          id="billing-day"
          format="YYYY-MM-DD"
          allowClear={false}
          value={day}
          onChange={(value: Dayjs | null) => value && setDay(value)}
          // A day is charged once it has begun; days ahead are not billed yet.
          disabledDate={(candidate) => candidate.isAfter(dayjs(), 'day')}
        />
        <Button type="primary" icon={<PlayCircleOutlined />} loading={start.isPending} onClick={runBilling}>
          {t('billing.run')}
        </Button>
      </Space>
      <PagedTable
        list={paged}
        page={runs.data}
        loading={runs.isFetching}
        aria-label={t('billing.runsLabel')}
        columns={runColumnKeys.map((key) => columns[key])}
        rowName={(row) => t('billing.runName', { day: row.day, id: row.id })}
        onOpen={setReportFor}
        totalText={(total) => t('billing.total', { count: total })}
        pageSizeOptions={[20, 50, 100]}
        scrollX={1000}
      />
      {reportFor !== null && <RunReportWindow runId={reportFor} onClose={() => setReportFor(null)} />}
    </SectionPage>
  );
}
