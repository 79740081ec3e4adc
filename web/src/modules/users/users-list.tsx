import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Space, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userColumnKeys, userColumns } from './user-columns';
import type { PortalUser } from './user-types';
import { UserWindow } from './user-window';
import { useUserList, type UserListQuery } from './users-api';

interface UsersListProps {
  /** Only this partner's users (the partner window's tab). */
  partnerId?: number;
  /** Only this contract's users (the contract window's tab). */
  contractId?: number;
  /** Shorter pages and fewer columns inside a window. */
  compact?: boolean;
}

/** The portal users list served page by page by the API, its toolbar and the user window. */
export function UsersList({ partnerId, contractId, compact = false }: UsersListProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const initialQuery: UserListQuery = {
    page: 1,
    pageSize: compact ? 20 : 50,
    sort: 'login',
    order: 'asc',
    partnerId: contractId === undefined ? partnerId : undefined,
    contractId,
  };
  const [query, setQuery] = useState<UserListQuery>(initialQuery);
  const [searchText, setSearchText] = useState('');
  const [windowFor, setWindowFor] = useState<number | 'new' | null>(null);
  const list = useUserList(query);
  const columns = userColumns(t, query);
  const shownColumns = userColumnKeys.filter(
    (key) => !(compact && key === 'partner') && !(contractId !== undefined && key === 'contract'),
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setWindowFor('new')}>
          {t('list.add')}
        </Button>
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.search')}
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
      <Table<PortalUser>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        aria-label={t('users.listLabel')}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={shownColumns.map((key) => columns[key])}
        scroll={{ x: compact ? 800 : 1100 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('users.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const sort = sorter as SorterResult<PortalUser>;
          setQuery({
            ...query,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? query.pageSize,
            sort: sort.order ? String(sort.columnKey) : 'login',
            order: sort.order === 'descend' ? 'desc' : 'asc',
          });
        }}
        onRow={(row) => ({
          tabIndex: 0,
          'aria-label': row.login,
          onDoubleClick: () => setWindowFor(row.id),
          onKeyDown: (event) => {
            if (event.key === 'Enter') setWindowFor(row.id);
          },
          style: { cursor: 'pointer' },
        })}
      />
      {windowFor !== null && (
        <UserWindow
          userId={windowFor === 'new' ? null : windowFor}
          contractId={contractId}
          partnerId={partnerId}
          onClose={() => setWindowFor(null)}
          onSaved={() => {
            setWindowFor(null);
            void message.success(t('user.saved'));
          }}
        />
      )}
    </>
  );
}
