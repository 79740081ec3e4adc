import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { FilterPanel, FilterTrigger, filterInputId, filterTriggerId } from './column-filter';
import type { ContractListItem } from './contract-types';

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

interface ColumnState {
  sort?: string;
  order?: 'asc' | 'desc';
  filters: Record<string, string | undefined>;
}

export function contractColumns(
  t: TFunction,
  state: ColumnState,
  options: { scope: string; accountTypes: { value: string; label: string }[] },
): Record<ContractColumnKey, ColumnType<ContractListItem>> {
  const { scope, accountTypes } = options;
  const sortOrder = (key: string) =>
    state.sort === key ? (state.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrder(key) });
  /** The filter of the column whose table key is `key`, sent as the API parameter of that key. */
  const filter = (
    key: string,
    title: string,
    kind: 'digits' | 'code' | 'text' = 'text',
    choices?: { value: string; label: string }[],
  ): ColumnType<ContractListItem> => {
    const param = filterParamOf(key);
    const label = `${t('contracts.filterBy')} ${title}`;
    const triggerId = filterTriggerId(scope, param);
    const inputId = filterInputId(scope, param);
    return {
      filterDropdown: (props) => (
        <FilterPanel
          {...props}
          triggerId={triggerId}
          inputId={inputId}
          label={label}
          applyLabel={t('contracts.applyFilter')}
          clearLabel={t('contracts.clearFilter')}
          kind={kind}
          options={choices}
        />
      ),
      filteredValue: state.filters[param] ? [state.filters[param]] : null,
      filterDropdownProps: {
        // The filter's box takes the focus on every opening (the closed popup is kept, not rendered again).
        onOpenChange: (open) => {
          if (open) setTimeout(() => document.getElementById(inputId)?.focus(), 50);
        },
      },
      filterIcon: (active: boolean) => <FilterTrigger id={triggerId} label={label} active={active} />,
    };
  };
  const title = (key: string) => t(`contracts.columns.${key}`);
  const accountTypeName = (code: string) => accountTypes.find((type) => type.value === code)?.label ?? code;
  return {
    id: {
      ...sortable('id'),
      title: title('id'),
      dataIndex: 'id',
      width: 90,
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
