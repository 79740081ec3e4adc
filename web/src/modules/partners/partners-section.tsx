import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Input, Popover, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../app/api-client';
import { filterParamOf, partnerColumnKeys, partnerColumns, type PartnerColumnKey } from './partner-columns';
import type { PartnerListItem } from './partner-types';
import { PartnerWindow } from './partner-window';
import { partnerListPath, usePartnerList, type PartnerListQuery } from './partners-api';

const initialQuery: PartnerListQuery = { page: 1, pageSize: 50, sort: 'id', order: 'asc', filters: {} };

/** The columns a person hid, remembered in this browser. */
const hiddenColumnsKey = 'fleetdesk.partners.hiddenColumns';
function savedHiddenColumns(): PartnerColumnKey[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(hiddenColumnsKey) ?? '[]');
    return Array.isArray(saved) ? partnerColumnKeys.filter((key) => saved.includes(key)) : [];
  } catch {
    return [];
  }
}

/** The Partners section: the list served page by page by the API, its toolbar and the partner window. */
export function PartnersSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState<PartnerListQuery>(initialQuery);
  const [searchText, setSearchText] = useState('');
  const [hidden, setHidden] = useState<PartnerColumnKey[]>(savedHiddenColumns);
  const [windowFor, setWindowFor] = useState<number | 'new' | null>(null);
  const [chooserOpen, setChooserOpen] = useState(false);
  const chooserButton = useRef<HTMLButtonElement>(null);
  const chooserPanel = useRef<HTMLDivElement>(null);
  const list = usePartnerList(query);
  const columns = partnerColumns(t, query);

  const exportAs = (format: 'xlsx' | 'csv') =>
    void apiDownload(
      `/partners/export${partnerListPath({ ...query, format } as never)}`,
      `partners.${format}`,
    ).catch(() => void message.error(t('common.networkError')));

  return (
    <section aria-labelledby="partners-title">
      <Typography.Title level={3} id="partners-title" style={{ marginTop: 0 }}>
        {t('nav.partners')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setWindowFor('new')}>
          {t('list.add')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'xlsx', label: 'Excel (xlsx)' },
              { key: 'csv', label: 'CSV' },
            ],
            onClick: ({ key }) => exportAs(key as 'xlsx' | 'csv'),
          }}
        >
          <Button icon={<DownloadOutlined />}>{t('list.export')}</Button>
        </Dropdown>
        <Input.Search
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          allowClear
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(search) => setQuery({ ...query, search: search.trim() || undefined, page: 1 })}
          style={{ width: 280 }}
        />
        <Checkbox
          checked={query.showDeleted ?? false}
          onChange={(event) => setQuery({ ...query, showDeleted: event.target.checked, page: 1 })}
        >
          {t('list.showDeleted')}
        </Checkbox>
        <Button
          onClick={() => {
            setSearchText('');
            setQuery({ ...initialQuery, pageSize: query.pageSize });
          }}
        >
          {t('list.clearFilters')}
        </Button>
        <Popover
          trigger="click"
          placement="bottomRight"
          open={chooserOpen}
          onOpenChange={(open) => {
            setChooserOpen(open);
            // The keyboard goes straight to the first column's box.
            if (open) setTimeout(() => chooserPanel.current?.querySelector('input')?.focus(), 50);
          }}
          // Kept next to its button in the page, so Tab moves from the button through the boxes.
          getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
          content={
            <div
              ref={chooserPanel}
              role="group"
              aria-label={t('list.columnsButton')}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                setChooserOpen(false);
                chooserButton.current?.focus();
              }}
            >
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                value={partnerColumnKeys.filter((key) => !hidden.includes(key))}
                options={partnerColumnKeys.map((key) => ({ value: key, label: t(`list.columns.${key}`) }))}
                onChange={(shown) => {
                  const next = partnerColumnKeys.filter((key) => !shown.includes(key));
                  setHidden(next);
                  localStorage.setItem(hiddenColumnsKey, JSON.stringify(next));
                }}
              />
            </div>
          }
        >
          <Button ref={chooserButton} icon={<SettingOutlined />} aria-expanded={chooserOpen}>
            {t('list.columnsButton')}
          </Button>
        </Popover>
      </Space>
      <Table<PartnerListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={partnerColumnKeys.filter((key) => !hidden.includes(key)).map((key) => columns[key])}
        scroll={{ x: 1100 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('list.total', { total }),
        }}
        onChange={(pagination, filters, sorter) => {
          const sort = sorter as SorterResult<PartnerListItem>;
          // The table keys filters by column key; the API by its own parameter names.
          const textFilters = Object.fromEntries(
            Object.entries(filters).map(([key, value]) => [
              filterParamOf(key),
              value?.[0] ? String(value[0]) : undefined,
            ]),
          );
          setQuery({
            ...query,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? query.pageSize,
            sort: sort.order ? String(sort.columnKey) : 'id',
            order: sort.order === 'descend' ? 'desc' : 'asc',
            filters: textFilters,
          });
        }}
        onRow={(row) => ({
          tabIndex: 0,
          'aria-label': row.name,
          onDoubleClick: () => setWindowFor(row.id),
          onKeyDown: (event) => {
            if (event.key === 'Enter') setWindowFor(row.id);
          },
          style: { cursor: 'pointer' },
        })}
      />
      {windowFor !== null && (
        <PartnerWindow
          partnerId={windowFor === 'new' ? null : windowFor}
          onClose={() => setWindowFor(null)}
          onSaved={() => {
            setWindowFor(null);
            void message.success(t('partner.saved'));
          }}
        />
      )}
    </section>
  );
}
