import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { FilterDropdownProps } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { PartnerListItem } from './partner-types';

/** The list's columns, in PRODUCT.md's order; the key is the API's sort and filter name. */
export const partnerColumnKeys = [
  'id',
  'name',
  'tariff',
  'balance',
  'emailPhone',
  'login',
  'accountsCount',
  'vehiclesCount',
  'parent',
  'comment',
] as const;
export type PartnerColumnKey = (typeof partnerColumnKeys)[number];

function textFilter(label: string) {
  return function TextFilter({ selectedKeys, setSelectedKeys, confirm, clearFilters }: FilterDropdownProps) {
    return (
      <Space style={{ padding: 8 }} onKeyDown={(event) => event.stopPropagation()}>
        <Input
          aria-label={label}
          autoFocus
          value={selectedKeys[0]}
          onChange={(event) => setSelectedKeys(event.target.value ? [event.target.value] : [])}
          onPressEnter={() => confirm()}
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={() => confirm()} aria-label={label} />
        <Button
          onClick={() => {
            clearFilters?.();
            confirm();
          }}
        >
          ×
        </Button>
      </Space>
    );
  };
}

export function partnerColumns(
  t: TFunction,
  state: { sort?: string; order?: 'asc' | 'desc'; filters: Record<string, string | undefined> },
): Record<PartnerColumnKey, ColumnType<PartnerListItem>> {
  const sortOrder = (key: string) =>
    state.sort === key ? (state.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const filtered = (key: string) => (state.filters[key] ? [state.filters[key]] : null);
  const text = (key: string, title: string): ColumnType<PartnerListItem> => ({
    filterDropdown: textFilter(`${t('list.filterBy')} ${title}`),
    filteredValue: filtered(key),
    filterIcon: (active: boolean) => <SearchOutlined style={{ color: active ? '#1677ff' : undefined }} />,
  });
  const title = (key: string) => t(`list.columns.${key}`);
  return {
    id: {
      key: 'id',
      title: title('id'),
      dataIndex: 'id',
      width: 80,
      sorter: true,
      sortOrder: sortOrder('id'),
    },
    name: {
      key: 'name',
      title: title('name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      ...text('name', title('name')),
      render: (name: string, row) => (
        <Space size={4}>
          {name}
          {row.blocked && <Tag color="red">{t('list.blocked')}</Tag>}
          {row.archivedAt && <Tag>{t('list.archived')}</Tag>}
        </Space>
      ),
    },
    tariff: {
      key: 'tariff',
      title: title('tariff'),
      sorter: true,
      sortOrder: sortOrder('tariff'),
      render: (_value, row) => row.tariff?.name ?? '—',
    },
    balance: {
      key: 'balance',
      title: title('balance'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('balance'),
      render: (_value, row) => `${row.balance} ${row.currency}`,
    },
    emailPhone: {
      key: 'email',
      title: title('emailPhone'),
      sorter: true,
      sortOrder: sortOrder('email'),
      ...text('email', title('emailPhone')),
      render: (_value, row) => [row.email, row.phone].filter(Boolean).join(' / ') || '—',
    },
    login: {
      key: 'login',
      title: title('login'),
      dataIndex: 'login',
      sorter: true,
      sortOrder: sortOrder('login'),
      ...text('login', title('login')),
    },
    accountsCount: {
      key: 'accountsCount',
      title: title('accountsCount'),
      dataIndex: 'accountsCount',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('accountsCount'),
    },
    vehiclesCount: {
      key: 'vehiclesCount',
      title: title('vehiclesCount'),
      dataIndex: 'vehiclesCount',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('vehiclesCount'),
    },
    parent: {
      key: 'parent',
      title: title('parent'),
      sorter: true,
      sortOrder: sortOrder('parent'),
      render: (_value, row) => row.parent?.name ?? '—',
    },
    comment: {
      key: 'comment',
      title: title('comment'),
      dataIndex: 'comment',
      sorter: true,
      sortOrder: sortOrder('comment'),
      ...text('comment', title('comment')),
    },
  };
}
