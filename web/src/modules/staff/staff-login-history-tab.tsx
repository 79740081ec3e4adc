import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../app/api-client';
import { formatMoment } from '../../ui/format-moment';
import { useStaffLoginHistory } from './staff-api';
import type { StaffLoginAttempt } from './staff-types';

/** The staff user's admin-panel sign-ins, newest first: time, address, result, browser; exported as CSV. */
export function StaffLoginHistoryTab({ staffId, login }: { staffId: number; login: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const history = useStaffLoginHistory(staffId, page, pageSize);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void apiDownload(
              `/staff/${staffId}/login-history?format=csv`,
              `login-history-${login}.csv`,
            ).catch(() => void message.error(t('common.networkError')))
          }
        >
          {t('staffUser.loginHistory.exportCsv')}
        </Button>
      </Space>
      <Table<StaffLoginAttempt>
        size="small"
        aria-label={t('staffUser.tabs.loginHistory')}
        rowKey={(row) => `${row.at}-${row.ip}-${String(row.succeeded)}`}
        loading={history.isFetching}
        dataSource={history.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: history.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
        }}
        onChange={(pagination) => {
          setPage(pagination.current ?? 1);
          setPageSize(pagination.pageSize ?? pageSize);
        }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('staffUser.loginHistory.time'),
            dataIndex: 'at',
            width: 200,
            render: (at: string) => formatMoment(at, i18n.language),
          },
          { title: t('staffUser.loginHistory.ip'), dataIndex: 'ip', width: 160 },
          {
            title: t('staffUser.loginHistory.result'),
            dataIndex: 'succeeded',
            width: 140,
            render: (succeeded: boolean) =>
              succeeded ? (
                <Tag color="green">{t('staffUser.loginHistory.succeeded')}</Tag>
              ) : (
                <Tag color="red">{t('staffUser.loginHistory.failed')}</Tag>
              ),
          },
          {
            title: t('staffUser.loginHistory.userAgent'),
            dataIndex: 'userAgent',
            ellipsis: true,
            render: (agent: string | null) => agent ?? '—',
          },
        ]}
      />
    </>
  );
}
