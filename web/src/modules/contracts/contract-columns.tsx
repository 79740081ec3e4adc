import { BlockedByTag } from '../../ui/blocked-by';
import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { columnFilter } from '../../ui/column-filter';
import type { FilterKind } from '../../ui/filter-panel';
import { sortableColumn, type SortState } from '../../ui/sortable-column';
import type { ContractListItem } from '../../app/api-types';

/** The list's columns, in the order of issue 4. */
export const contractColumnKeys = [
  'id',
  'name',
  'partner',
  'balance',
  'currency',
  'tariff',
  'accountType',
  'objectsCount',
  'usersCount',
  'emailPhone',
  'code1c',
] as const;
export type ContractColumnKey = (typeof contractColumnKeys)[number];

/*
 * A column's table key is the API's sort name. Where the API filters the column under another name,
 * it is given here; the other filterable columns filter under their own key.
 */
const filterParams: Record<string, string> = {
  partner: 'partnerName',
  tariff: 'tariffName',
};
/** The list API's filter parameter for a column's table key. */
export const filterParamOf = (columnKey: string) => filterParams[columnKey] ?? columnKey;

interface ColumnState extends SortState {
  filters: Record<string, string | undefined>;
}

export function contractColumns(
  t: TFunction,
  state: ColumnState,
  options: { scope: string; accountTypes: { value: string; label: string }[] },
): Record<ContractColumnKey, ColumnType<ContractListItem>> {
  const { scope, accountTypes } = options;
  const sortable = (key: string) => sortableColumn(state, key);
  /** The filter of the column whose table key is `key`, sent as the API parameter of that key. */
  const filter = (
    key: string,
    title: string,
    kind: FilterKind = 'text',
    choices?: { value: string; label: string }[],
  ) => {
    const param = filterParamOf(key);
    return columnFilter<ContractListItem>(t, {
      title,
      value: state.filters[param],
      triggerId: `${scope}-filter-${param}`,
      inputId: `${scope}-filter-${param}-input`,
      kind,
      choices,
    });
  };
  const title = (key: string) => t(`contracts.columns.${key}`);
  const accountTypeName = (code: string) => accountTypes.find((type) => type.value === code)?.label ?? code;
  return {
    id: {
      ...sortable('id'),
      title: title('id'),
      dataIndex: 'id',
      width: 70,
      ...filter('id', title('id'), 'digits'),
    },
    name: {
      ...sortable('name'),
      title: title('name'),
      dataIndex: 'name',
      ...filter('name', title('name')),
      render: (name: string, row) => (
        <Space size={4} wrap>
          {name}
          {row.isWarehouse && <Tag color="blue">{t('contracts.warehouse')}</Tag>}
          {!row.active && <Tag>{t('contracts.inactive')}</Tag>}
          {row.blocked && <Tag color="red">{t('contracts.blocked')}</Tag>}
          <BlockedByTag blockedBy={row.blockedBy} />
          {row.archivedAt && <Tag>{t('contracts.archived')}</Tag>}
        </Space>
      ),
    },
    partner: {
      ...sortable('partner'),
      title: title('partner'),
      ...filter('partner', title('partner')),
      render: (_value, row) => row.partner.name,
    },
    balance: {
      ...sortable('balance'),
      title: title('balance'),
      align: 'right',
      dataIndex: 'balance',
    },
    currency: {
      ...sortable('currency'),
      title: title('currency'),
      dataIndex: 'currency',
      width: 110,
      ...filter('currency', title('currency'), 'code'),
    },
    tariff: {
      ...sortable('tariff'),
      title: title('tariff'),
      ...filter('tariff', title('tariff')),
      render: (_value, row) => row.tariff?.name ?? '—',
    },
    accountType: {
      ...sortable('accountType'),
      title: title('accountType'),
      ...filter('accountType', title('accountType'), 'text', accountTypes),
      render: (_value, row) =>
        row.accountType === 'postpayment_light' && row.blockingLimit
          ? `${accountTypeName(row.accountType)}, ${row.blockingLimit}`
          : accountTypeName(row.accountType),
    },
    objectsCount: {
      key: 'objectsCount',
      title: title('objectsCount'),
      dataIndex: 'objectsCount',
      align: 'right',
    },
    usersCount: {
      key: 'usersCount',
      title: title('usersCount'),
      dataIndex: 'usersCount',
      align: 'right',
    },
    emailPhone: {
      ...sortable('email'),
      title: title('emailPhone'),
      ...filter('email', title('emailPhone')),
      render: (_value, row) => [row.email, row.phone].filter(Boolean).join(' / ') || '—',
    },
    code1c: {
      ...sortable('code1c'),
      title: title('code1c'),
      dataIndex: 'code1c',
      ...filter('code1c', title('code1c')),
    },
  };
}
