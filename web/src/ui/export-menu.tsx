import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../app/api-client';
import { listQueryString } from '../app/list-query';

export type ExportFormat = 'xlsx' | 'csv';

interface ExportMenuProps {
  /** The API's resource ("partners"): its /export endpoint, also the downloaded file's name. */
  resource: string;
  /** The list's query: the rows it matches are exported, as the list sorts them. */
  query: object;
}

/** Export: the list as the query shows it (every page), as Excel or CSV. */
export function ExportMenu({ resource, query }: ExportMenuProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exportAs = (format: ExportFormat) =>
    void apiDownload(
      `/${resource}/export${listQueryString({ ...query, format })}`,
      `${resource}.${format}`,
    ).catch(() => void message.error(t('common.networkError')));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: 'Excel (xlsx)' },
          { key: 'csv', label: 'CSV' },
        ],
        onClick: ({ key }) => exportAs(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('list.export')}</Button>
    </Dropdown>
  );
}
