import { PlayCircleOutlined } from '@ant-design/icons';
import { today } from '@server-lib/clock';
import { App, Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayPicker } from '../../ui/day-picker';
import { formatDay } from '../../ui/format-day';
import { PagedTable } from '../../ui/paged-table';
import { ProblemAlert } from '../../ui/problem-alert';
import { SectionPage } from '../../ui/section-page';
import { fieldsNamed } from '../../ui/server-errors';
import { usePagedList } from '../../ui/use-paged-list';
import { useServerErrors } from '../../ui/use-server-errors';
import { useBillingRuns, useStartBillingRun } from './billing-api';
import type { BillingRun } from './billing-types';
import { runColumnKeys, runColumns, shownStatus } from './run-columns';
import { RunReportWindow } from './run-report-window';

interface RunForm {
  day: string | null;
}

/** Which report is open, and whether at its issues. */
interface OpenReport {
  runId: number;
  atIssues: boolean;
}

/**
 * The Billing page (super administrator): the daily runs, newest first, each with its report, and a
 * run for a chosen day. A run charges only what that day has not been charged yet. The day typed is
 * the day run: a day after today is refused under the field (as the server refuses it), never replaced.
 */
export function BillingSection() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RunForm>();
  const paged = usePagedList({ page: 1, pageSize: 20 }, { defaultSort: 'day' });
  const runs = useBillingRuns({ page: paged.query.page, pageSize: paged.query.pageSize });
  const start = useStartBillingRun();
  const serverErrors = useServerErrors({ form, fieldOf: fieldsNamed(['day']) });
  const [report, setReport] = useState<OpenReport | null>(null);
  const showIssues = (runId: number) => setReport({ runId, atIssues: true });
  const columns = runColumns(t, i18n.language, showIssues);
  const dayText = (day: string) => formatDay(day, i18n.language);
  const dayLabel = t('billing.day');

  /** The toast after a run, in the run's tone: success, warning with its issues one click away, error. */
  const announce = (run: BillingRun) => {
    // Each count in its own plural form ("1 object", "5 объектов"), then put into the sentence.
    const counts = {
      day: dayText(run.day),
      objects: t('billing.objectCount', { count: run.objectsCharged }),
      transfers: t('billing.transferCount', { count: run.transfersCreated }),
    };
    switch (shownStatus(run)) {
      case 'failed':
        void message.error(t('billing.runFailed', { day: dayText(run.day), error: run.error ?? '' }));
        return;
      case 'completedWithIssues':
        void message.warning({
          duration: 10,
          content: (
            <span>
              {t('billing.runDoneWithIssues', { ...counts, count: run.issuesCount })}{' '}
              <Button type="link" size="small" onClick={() => showIssues(run.id)}>
                {t('billing.showIssues')}
              </Button>
            </span>
          ),
        });
        return;
      case 'completed':
      case 'running':
        void message.success(t('billing.runDone', counts));
    }
  };

  const runBilling = ({ day }: RunForm) => {
    if (!day) return;
    serverErrors.clearProblem();
    start.mutate(day, {
      onSuccess: ({ runs: started }) => started.forEach(announce),
      onError: serverErrors.show,
    });
  };

  return (
    <SectionPage name="billing">
      <Typography.Paragraph type="secondary">{t('billing.hint')}</Typography.Paragraph>
      <ProblemAlert problem={serverErrors.problem} />
      <Form<RunForm>
        form={form}
        name="billing-run"
        layout="inline"
        initialValues={{ day: today() }}
        onFinish={runBilling}
        style={{ marginBottom: 16 }}
      >
        <Space wrap align="start">
          <Form.Item
            label={dayLabel}
            name="day"
            rules={[
              { required: true, message: t('errors.required', { field: dayLabel }) },
              {
                // A day is charged once it has begun: the server's rule (billing_day_future), in its words.
                validator: (_rule, value: string | null | undefined) =>
                  value && value > today()
                    ? Promise.reject(new Error(t('billing.dayAfterToday', { field: dayLabel })))
                    : Promise.resolve(),
              },
            ]}
          >
            <DayPicker allowClear={false} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={start.isPending}>
            {t('billing.run')}
          </Button>
        </Space>
      </Form>
      <PagedTable
        list={paged}
        page={runs.data}
        loading={runs.isFetching}
        aria-label={t('billing.runsLabel')}
        columns={runColumnKeys.map((key) => columns[key])}
        linkColumn="day"
        rowName={(row) => t('billing.runName', { day: dayText(row.day), id: row.id })}
        onOpen={(runId) => setReport({ runId, atIssues: false })}
        enterOnRowOnly
        totalText={(total) => t('billing.total', { count: total })}
        pageSizeOptions={[20, 50, 100]}
      />
      {report !== null && (
        <RunReportWindow runId={report.runId} atIssues={report.atIssues} onClose={() => setReport(null)} />
      )}
    </SectionPage>
  );
}
