import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Input, Popover, Space, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../app/api-client';
import { useAccountTypes } from '../partners/reference-api';
import {
  contractColumnKeys,
  contractColumns,
  filterParamOf,
  type ContractColumnKey,
} from './contract-columns';
import type { ContractListItem } from './contract-types';
import { ContractWindow } from './contract-window';
import { contractListPath, useContractList, type ContractListQuery } from './contracts-api';

interface ContractsListProps {
  /** Only this partner's contracts; Add presets it (the partner window's Contracts tab). */
  partnerId?: number;
  /** Compact: fewer rows per page and no Partner column (the partner window's tab). */
  compact?: boolean;
}

const hiddenColumnsKey = (compact: boolean) =>
  compact ? 'fleetdesk.partnerContracts.hiddenColumns' : 'fleetdesk.contracts.hiddenColumns';

/** The columns a person hid, remembered in this browser. */
function savedHiddenColumns(compact: boolean): ContractColumnKey[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(hiddenColumnsKey(compact)) ?? 'null');
    if (Array.isArray(saved)) return contractColumnKeys.filter((key) => saved.includes(key));
  } catch {
    // An unreadable setting falls back to the default.
  }
  return compact ? ['partner', 'code1c'] : [];
}

/** The contracts list served page by page by the API, its toolbar and the contract window. */
export function ContractsList({ partnerId, compact = false }: ContractsListProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const initialQuery: ContractListQuery = {
    page: 1,
    pageSize: compact ? 10 : 50,
    sort: 'id',
    order: 'asc',
    partnerId,
    filters: {},
  };
  const [query, setQuery] = useState<ContractListQuery>(initialQuery);
  const [searchText, setSearchText] = useState('');
  const [hidden, setHidden] = useState<ContractColumnKey[]>(() => savedHiddenColumns(compact));
  const [windowFor, setWindowFor] = useState<number | 'new' | null>(null);
  const [chooserOpen, setChooserOpen] = useState(false);
  const chooserButton = useRef<HTMLButtonElement>(null);
  const chooserPanel = useRef<HTMLDivElement>(null);
  const list = useContractList(query);
  const accountTypes = (useAccountTypes().data?.items ?? []).map((type) => ({
    value: type.code,
    label: i18n.language === 'ru' ? type.nameRu : type.nameEn,
  }));
  const scope = compact ? 'partner-contracts' : 'contracts';
  const columns = contractColumns(t, query, { scope, accountTypes });

  const exportAs = (format: 'xlsx' | 'csv') =>
    void apiDownload(
      `/contracts/export${contractListPath({ ...query, page: undefined, pageSize: undefined, format })}`,
      `contracts.${format}`,
    ).catch(() => void message.error(t('common.networkError')));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setWindowFor('new')}>
          {t('contracts.add')}
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
          <Button icon={<DownloadOutlined />}>{t('contracts.export')}</Button>
        </Dropdown>
        <Input.Search
          aria-label={t('contracts.search')}
          placeholder={t('contracts.search')}
          allowClear
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(search) => setQuery({ ...query, search: search.trim() || undefined, page: 1 })}
          style={{ width: 260 }}
        />
        <Checkbox
          checked={query.showDeleted ?? false}
          onChange={(event) => setQuery({ ...query, showDeleted: event.target.checked, page: 1 })}
        >
          {t('contracts.showDeleted')}
        </Checkbox>
        <Button
          onClick={() => {
            setSearchText('');
            setQuery({ ...initialQuery, pageSize: query.pageSize });
          }}
        >
          {t('contracts.clearFilters')}
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
              aria-label={t('contracts.columnsButton')}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                setChooserOpen(false);
                chooserButton.current?.focus();
              }}
            >
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                value={contractColumnKeys.filter((key) => !hidden.includes(key))}
                options={contractColumnKeys.map((key) => ({
                  value: key,
                  label: t(`contracts.columns.${key}`),
                }))}
                onChange={(shown) => {
                  const next = contractColumnKeys.filter((key) => !shown.includes(key));
                  setHidden(next);
                  localStorage.setItem(hiddenColumnsKey(compact), JSON.stringify(next));
                }}
              />
            </div>
          }
        >
          <Button ref={chooserButton} icon={<SettingOutlined />} aria-expanded={chooserOpen}>
            {t('contracts.columnsButton')}
          </Button>
        </Popover>
      </Space>
      <Table<ContractListItem>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={contractColumnKeys.filter((key) => !hidden.includes(key)).map((key) => columns[key])}
        scroll={{ x: compact ? 900 : 1300 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: compact ? [10, 20, 50] : [20, 50, 100, 200],
          showTotal: (total) => t('contracts.total', { total }),
        }}
        onChange={(pagination, filters, sorter) => {
          const sort = sorter as SorterResult<ContractListItem>;
          // The table keys filters by column key; the API by its own parameter names.
          const columnFilters = Object.fromEntries(
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
            filters: columnFilters,
          });
        }}
        onRow={(row) => ({
          tabIndex: 0,
          'aria-label': row.name,
          onDoubleClick: () => setWindowFor(row.id),
          onKeyDown: (event) => {
            if (event.key === 'Enter' && event.target === event.currentTarget) setWindowFor(row.id);
          },
          style: { cursor: 'pointer' },
        })}
      />
      {windowFor !== null && (
        <ContractWindow
          key={windowFor}
          contractId={windowFor === 'new' ? null : windowFor}
          presetPartnerId={partnerId ?? null}
          onOpen={setWindowFor}
          onClose={() => setWindowFor(null)}
          onSaved={() => {
            setWindowFor(null);
            void message.success(t('contract.saved'));
          }}
        />
      )}
    </>
  );
}
