import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrencies } from '../../app/reference-queries';
import { PagedTable } from '../../ui/paged-table';
import { usePagedList, type PagedQuery } from '../../ui/use-paged-list';
import { tariffColumnKeys, tariffColumns } from './tariff-columns';
import { TariffWindow } from './tariff-window';
import { useTariffList } from './tariffs-api';

/** The tariffs the caller may see (its own, its sub-partners' and those it may sell), page by page. */
export function TariffsList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
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
  const [windowFor, setWindowFor] = useState<number | 'new' | null>(null);
  const columns = tariffColumns(t);

  return (
    <>
      {/* The API neither sorts tariffs otherwise nor keeps deleted ones apart: Add, Search, Currency. */}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setWindowFor('new')}>
          {t('list.add')}
        </Button>
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
        onOpen={setWindowFor}
        totalText={(total) => t('tariffs.total', { count: total })}
        scrollX={900}
      />
      {windowFor !== null && (
        <TariffWindow
          key={windowFor}
          tariffId={windowFor === 'new' ? null : windowFor}
          onClose={() => setWindowFor(null)}
          onSaved={() => {
            setWindowFor(null);
            void message.success(t('tariff.saved'));
          }}
        />
      )}
    </>
  );
}
