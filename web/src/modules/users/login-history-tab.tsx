import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../app/api-client';
import { formatMoment } from '../../ui/format-moment';
import type { LoginAttempt } from './user-types';
import { useLoginHistory } from './users-api';

/** The user's portal login attempts, newest first: time, address and result; exported as CSV. */
export function LoginHistoryTab({ userId, login }: { userId: number; login: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const history = useLoginHistory(userId, page, pageSize);
  const resultText = (result: string) =>
    i18n.exists(`user.loginResults.${result}`) ? t(`user.loginResults.${result}`) : result;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void apiDownload(`/users/${userId}/login-history?format=csv`, `login-history-${login}.csv`).catch(
              () => void message.error(t('common.networkError')),
            )
          }
        >
          {t('user.loginHistory.exportCsv')}
        </Button>
      </Space>
      <Table<LoginAttempt>
        size="small"
        aria-label={t('user.tabs.loginHistory')}
        rowKey={(row) => `${row.at}-${row.ip}-${row.result}`}
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
        columns={[
          {
            title: t('user.loginHistory.time'),
            dataIndex: 'at',
            width: 200,
            render: (at: string) => formatMoment(at, i18n.language),
          },
          { title: t('user.loginHistory.ip'), dataIndex: 'ip', width: 180 },
          { title: t('user.loginHistory.result'), dataIndex: 'result', render: resultText },
        ]}
      />
    </>
  );
}
