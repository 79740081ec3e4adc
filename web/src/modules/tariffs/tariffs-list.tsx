import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrencies } from '../../app/reference-queries';
import { useCan } from '../../app/session';
import { PagedTable } from '../../ui/paged-table';
import { usePagedList, type PagedQuery } from '../../ui/use-paged-list';
import { useListLink } from '../../ui/use-list-link';
import { useRecordWindow } from '../../ui/use-record-window';
import { tariffColumnKeys, tariffColumns } from './tariff-columns';
import { TariffWindow } from './tariff-window';
import { useTariffList } from './tariffs-api';

/** The tariffs the caller may see (its own, its sub-partners' and those it may sell), page by page. */
export function TariffsList() {
  const { t, i18n } = useTranslation();
  const initialQuery: PagedQuery = { page: 1, pageSize: 50, sort: 'name', order: 'asc' };
  const paged = usePagedList(initialQuery, { defaultSort: 'name' });
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const list = useTariffList({
    page: paged.query.page,
    pageSize: paged.query.pageSize,
    search: paged.query.search,
    currency,
  });
  const currencies = useCurrencies();
  const recordWindow = useRecordWindow(t('tariff.saved'));
  // "Create a tariff" in an empty tariff select elsewhere opens this section with Add's window.
  useListLink({ filterParams: [], onOpen: recordWindow.open, onNew: recordWindow.openNew });
  const can = useCan();
  const columns = tariffColumns(t, i18n.language);

  return (
    <>
      {/* The API neither sorts tariffs otherwise nor keeps deleted ones apart: Add, Search, Currency. */}
      <Space wrap style={{ marginBottom: 16 }}>
        {can('tariffs:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={recordWindow.openNew}>
            {t('list.add')}
          </Button>
        )}
        <Input.Search
          aria-label={t('tariffs.search')}
          placeholder={t('tariffs.search')}
          allowClear
          value={paged.searchText}
          onChange={(event) => paged.setSearchText(event.target.value)}
          onSearch={paged.search}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('tariffs.columns.currency')}
          placeholder={t('tariffs.columns.currency')}
          allowClear
          showSearch
          style={{ width: 140 }}
          value={currency}
          onChange={(value?: string) => {
            setCurrency(value);
            // Back to the first page, with the search as it stands.
            paged.search(paged.query.search ?? '');
          }}
          options={(currencies.data?.items ?? []).map((entry) => ({ value: entry.code, label: entry.code }))}
        />
      </Space>
      <PagedTable
        list={paged}
        page={list.data}
        loading={list.isFetching}
        aria-label={t('nav.tariffs')}
        columns={tariffColumnKeys.map((key) => columns[key])}
        rowName={(row) => row.name}
        onOpen={recordWindow.open}
        totalText={(total) => t('tariffs.total', { count: total })}
      />
      {recordWindow.isOpen && (
        <TariffWindow
          key={recordWindow.key}
          tariffId={recordWindow.recordId}
          onClose={recordWindow.close}
          onSaved={recordWindow.saved}
        />
      )}
    </>
  );
}
