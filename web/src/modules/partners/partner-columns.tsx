import { BlockedByTag } from '../../ui/blocked-by';
import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { columnFilter } from '../../ui/column-filter';
import type { FilterKind } from '../../ui/filter-panel';
import { sortableColumn, type SortState } from '../../ui/sortable-column';
import type { PartnerListItem } from '../../app/api-types';

/** The list's columns, in PRODUCT.md's order. */
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

/*
 * A column's table key is the API's sort name. Where the API filters the column under another name,
 * it is given here; the other filterable columns filter under their own key.
 */
const filterParams: Record<string, string> = {
  email: 'emailPhone',
  tariff: 'tariffName',
  parent: 'parentName',
};
/** The list API's filter parameter for a column's table key. */
export const filterParamOf = (columnKey: string) => filterParams[columnKey] ?? columnKey;

export function partnerColumns(
  t: TFunction,
  state: SortState & { filters: Record<string, string | undefined> },
): Record<PartnerColumnKey, ColumnType<PartnerListItem>> {
  /** The filter of the column whose table key is `key`, sent as the API parameter of that key. */
  const text = (key: string, title: string, kind: FilterKind = 'text') => {
    const param = filterParamOf(key);
    return columnFilter<PartnerListItem>(t, {
      title,
      value: state.filters[param],
      triggerId: `partners-filter-${param}`,
      inputId: `partners-filter-${param}-text`,
      kind,
      triggerClassName: 'partners-filter-trigger',
    });
  };
  const title = (key: string) => t(`list.columns.${key}`);
  return {
    id: {
      ...sortableColumn(state, 'id'),
      title: title('id'),
      dataIndex: 'id',
      // Room for the header's sort and filter buttons: the ten columns fit 1366 px in Russian too.
      width: 70,
      ...text('id', title('id'), 'digits'),
    },
    name: {
      ...sortableColumn(state, 'name'),
      title: title('name'),
      dataIndex: 'name',
      ...text('name', title('name')),
      render: (name: string, row) => (
        <Space size={4}>
          {name}
          {row.blocked && <Tag color="red">{t('list.blocked')}</Tag>}
          <BlockedByTag blockedBy={row.blockedBy} />
          {row.archivedAt && <Tag>{t('list.archived')}</Tag>}
        </Space>
      ),
    },
    tariff: {
      ...sortableColumn(state, 'tariff'),
      title: title('tariff'),
      ...text('tariff', title('tariff')),
      render: (_value, row) => row.tariff?.name ?? '—',
    },
    balance: {
      ...sortableColumn(state, 'balance'),
      title: title('balance'),
      align: 'right',
      render: (_value, row) => `${row.balance} ${row.currency}`,
    },
    emailPhone: {
      ...sortableColumn(state, 'email'),
      title: title('emailPhone'),
      ...text('email', title('emailPhone')),
      render: (_value, row) => [row.email, row.phone].filter(Boolean).join(' / ') || '—',
    },
    login: {
      ...sortableColumn(state, 'login'),
      title: title('login'),
      dataIndex: 'login',
      ...text('login', title('login')),
    },
    accountsCount: {
      ...sortableColumn(state, 'accountsCount'),
      title: title('accountsCount'),
      dataIndex: 'accountsCount',
      align: 'right',
    },
    vehiclesCount: {
      ...sortableColumn(state, 'vehiclesCount'),
      title: title('vehiclesCount'),
      dataIndex: 'vehiclesCount',
      align: 'right',
    },
    parent: {
      ...sortableColumn(state, 'parent'),
      title: title('parent'),
      ...text('parent', title('parent')),
      render: (_value, row) => row.parent?.name ?? '—',
    },
    comment: {
      ...sortableColumn(state, 'comment'),
      title: title('comment'),
      dataIndex: 'comment',
      ...text('comment', title('comment')),
    },
  };
}
