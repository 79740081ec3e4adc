import { DollarOutlined, DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Input, Space, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../app/api-client';
import { ImportObjectsDialog } from './import-objects-dialog';
import { objectColumnKeys, objectColumns } from './object-columns';
import type { TrackedObject } from './object-types';
import { ObjectWindow } from './object-window';
import { objectListPath, useObjectList, type ObjectListQuery } from './objects-api';
import { RepriceObjectsDialog } from './reprice-objects-dialog';

interface ObjectsListProps {
  /** Only this partner's objects (the partner window's tab). */
  partnerId?: number;
  /** Only this contract's objects (the contract window's tab). */
  contractId?: number;
  /** Shorter pages and no Partner column inside a window. */
  compact?: boolean;
}

/** The objects list served page by page by the API, its toolbar, and the windows it opens. */
export function ObjectsList({ partnerId, contractId, compact = false }: ObjectsListProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const initialQuery: ObjectListQuery = {
    page: 1,
    pageSize: compact ? 20 : 50,
    sort: 'id',
    order: 'asc',
    // A contract's list needs no partner filter: the contract belongs to one partner.
    partnerId: contractId === undefined ? partnerId : undefined,
    contractId,
  };
  const [query, setQuery] = useState<ObjectListQuery>(initialQuery);
  const [searchText, setSearchText] = useState('');
  const [windowFor, setWindowFor] = useState<number | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [repricing, setRepricing] = useState(false);
  const list = useObjectList(query);
  const columns = objectColumns(t, i18n.language, query);
  const shownColumns = objectColumnKeys.filter(
    (key) => !(compact && key === 'partner') && !(contractId !== undefined && key === 'contract'),
  );

  const exportAs = (format: 'xlsx' | 'csv') =>
    void apiDownload(
      `/objects/export${objectListPath({ ...query, page: undefined, pageSize: undefined, format })}`,
      `objects.${format}`,
    ).catch(() => void message.error(t('common.networkError')));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setWindowFor('new')}>
          {t('list.add')}
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
          {t('objects.importButton')}
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
        {(partnerId !== undefined || contractId !== undefined) && (
          <Button icon={<DollarOutlined />} onClick={() => setRepricing(true)}>
            {t('objects.reprice.button')}
          </Button>
        )}
        <Input.Search
          aria-label={t('objects.search')}
          placeholder={t('objects.search')}
          allowClear
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(search) => setQuery({ ...query, search: search.trim() || undefined, page: 1 })}
          style={{ width: 320 }}
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
      </Space>
      <Table<TrackedObject>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        aria-label={t('objects.listLabel')}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={shownColumns.map((key) => columns[key])}
        scroll={{ x: compact ? 900 : 1200 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('objects.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const sort = sorter as SorterResult<TrackedObject>;
          setQuery({
            ...query,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? query.pageSize,
            sort: sort.order ? String(sort.columnKey) : 'id',
            order: sort.order === 'descend' ? 'desc' : 'asc',
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
        <ObjectWindow
          objectId={windowFor === 'new' ? null : windowFor}
          contractId={contractId}
          partnerId={partnerId}
          onClose={() => setWindowFor(null)}
          onSaved={() => {
            setWindowFor(null);
            void message.success(t('object.saved'));
          }}
        />
      )}
      {importing && (
        <ImportObjectsDialog
          contractId={contractId}
          partnerId={partnerId}
          onClose={() => setImporting(false)}
        />
      )}
      {repricing && (
        <RepriceObjectsDialog
          partnerId={partnerId}
          contractId={contractId}
          onClose={() => setRepricing(false)}
          onDone={(count) => {
            setRepricing(false);
            void message.success(t('objects.reprice.done', { count }));
          }}
        />
      )}
    </>
  );
}
