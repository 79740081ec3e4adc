import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { FilterDropdownProps } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { KeyboardEvent } from 'react';
import type { PartnerListItem } from './partner-types';

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

const triggerId = (param: string) => `partners-filter-${param}`;
const inputId = (param: string) => `partners-filter-${param}-text`;

/*
 * Ant Design wraps the filter icon in a span of role "button" that is out of the Tab order; the icon
 * here is the real button, so the wrapper gives up its role (one button, not a button in a button).
 */
function unnestButton(element: HTMLSpanElement | null) {
  const wrapper = element?.parentElement;
  if (wrapper?.classList.contains('ant-table-filter-trigger')) wrapper.removeAttribute('role');
}

interface FilterPanelProps extends FilterDropdownProps {
  param: string;
  label: string;
  applyLabel: string;
  clearLabel: string;
  digitsOnly: boolean;
}

/** A column's filter: one text box, Search and clear; Escape closes it. */
function FilterPanel(props: FilterPanelProps) {
  const {
    param,
    label,
    applyLabel,
    clearLabel,
    digitsOnly,
    selectedKeys,
    setSelectedKeys,
    confirm,
    clearFilters,
    close,
  } = props;
  // A closing popup would leave the focus nowhere; it goes back to the column's filter button.
  const backToTrigger = () => document.getElementById(triggerId(param))?.focus();
  const apply = () => {
    confirm();
    backToTrigger();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed here must not reach the column header (Enter there would change the sorting).
    event.stopPropagation();
    if (event.key === 'Escape') {
      close();
      backToTrigger();
    }
  };
  return (
    <Space style={{ padding: 8 }} onKeyDown={onKeyDown}>
      <Input
        id={inputId(param)}
        autoFocus
        aria-label={label}
        value={selectedKeys[0]}
        inputMode={digitsOnly ? 'numeric' : undefined}
        maxLength={digitsOnly ? 15 : 200}
        onChange={(event) => {
          const value = digitsOnly
            ? event.target.value.replace(/\D/g, '').replace(/^0+/, '')
            : event.target.value;
          setSelectedKeys(value ? [value] : []);
        }}
        onPressEnter={apply}
      />
      <Button type="primary" icon={<SearchOutlined />} onClick={apply} aria-label={applyLabel} />
      <Button
        aria-label={clearLabel}
        onClick={() => {
          clearFilters?.();
          apply();
        }}
      >
        ×
      </Button>
    </Space>
  );
}

export function partnerColumns(
  t: TFunction,
  state: { sort?: string; order?: 'asc' | 'desc'; filters: Record<string, string | undefined> },
): Record<PartnerColumnKey, ColumnType<PartnerListItem>> {
  const sortOrder = (key: string) =>
    state.sort === key ? (state.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  /** The filter of the column whose table key is `key`, sent as the API parameter of that key. */
  const text = (key: string, title: string, digitsOnly = false): ColumnType<PartnerListItem> => {
    const param = filterParamOf(key);
    const label = `${t('list.filterBy')} ${title}`;
    return {
      filterDropdown: (props) => (
        <FilterPanel
          {...props}
          param={param}
          label={label}
          applyLabel={t('list.applyFilter')}
          clearLabel={t('list.clearFilter')}
          digitsOnly={digitsOnly}
        />
      ),
      filteredValue: state.filters[param] ? [state.filters[param]] : null,
      filterDropdownProps: {
        // The text box takes the focus on every opening (autoFocus serves only the first one: the
        // closed popup is kept, not rendered again).
        onOpenChange: (open) => {
          if (open) setTimeout(() => document.getElementById(inputId(param))?.focus(), 50);
        },
      },
      // Ant Design's own trigger is not in the Tab order; this one is, and Enter or Space opens it.
      filterIcon: (active: boolean) => (
        <span
          id={triggerId(param)}
          role="button"
          tabIndex={0}
          aria-label={label}
          aria-haspopup="dialog"
          className="partners-filter-trigger"
          ref={unnestButton}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              event.stopPropagation();
              event.currentTarget.click();
            }
          }}
        >
          <SearchOutlined style={{ color: active ? '#1677ff' : undefined }} />
        </span>
      ),
    };
  };
  const title = (key: string) => t(`list.columns.${key}`);
  return {
    id: {
      key: 'id',
      title: title('id'),
      dataIndex: 'id',
      width: 100,
      sorter: true,
      sortOrder: sortOrder('id'),
      ...text('id', title('id'), true),
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
      ...text('tariff', title('tariff')),
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
      ...text('parent', title('parent')),
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
