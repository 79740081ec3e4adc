import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDay } from '../../ui/format-day';
import { sortableColumn, type SortState } from '../../ui/sortable-column';
import { keepDigitsWhole } from '../../ui/table-width';
import type { TrackedObject } from './object-types';

/** The list's columns, in the brief's order. */
export const objectColumnKeys = [
  'id',
  'name',
  'deviceId',
  'plateNumber',
  'simPhone',
  'contract',
  'partner',
  'tariff',
  'tariffPinnedAt',
  'active',
  'activeFrom',
  'activeUntil',
] as const;
export type ObjectColumnKey = (typeof objectColumnKeys)[number];

export function objectColumns(
  t: TFunction,
  language: string,
  state: SortState,
): Record<ObjectColumnKey, ColumnType<TrackedObject>> {
  const sortable = (key: string) => sortableColumn(state, key);
  const title = (key: string) => t(`objects.columns.${key}`);
  const day = (value: string | null) => (value ? formatDay(value, language) : '—');
  return {
    id: { ...sortable('id'), title: title('id'), dataIndex: 'id', width: 90 },
    name: {
      ...sortable('name'),
      title: title('name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space size={4}>
          {name}
          {row.archivedAt && <Tag>{t('list.archived')}</Tag>}
        </Space>
      ),
    },
    deviceId: {
      ...sortable('deviceId'),
      title: title('deviceId'),
      dataIndex: 'deviceId',
      onCell: keepDigitsWhole,
    },
    plateNumber: {
      ...sortable('plateNumber'),
      title: title('plateNumber'),
      dataIndex: 'plateNumber',
      render: (value: string | null) => value ?? '—',
    },
    simPhone: {
      ...sortable('simPhone'),
      title: title('simPhone'),
      dataIndex: 'simPhone',
      onCell: keepDigitsWhole,
      render: (value: string | null) => value ?? '—',
    },
    contract: {
      ...sortable('contract'),
      title: title('contract'),
      render: (_value, row) => row.contract?.name ?? '—',
    },
    partner: {
      ...sortable('partner'),
      title: title('partner'),
      render: (_value, row) => row.partner?.name ?? '—',
    },
    tariff: {
      ...sortable('tariff'),
      title: title('tariff'),
      render: (_value, row) => row.tariff?.name ?? '—',
    },
    tariffPinnedAt: {
      ...sortable('tariffPinnedAt'),
      title: title('tariffPinnedAt'),
      dataIndex: 'tariffPinnedAt',
      render: day,
    },
    active: {
      ...sortable('active'),
      title: title('active'),
      dataIndex: 'active',
      // A deleted object is not active, whatever its switch said when it was deleted.
      render: (active: boolean, row) =>
        row.archivedAt ? <Tag>{t('list.archived')}</Tag> : active ? t('common.yes') : t('common.no'),
    },
    activeFrom: {
      ...sortable('activeFrom'),
      title: title('activeFrom'),
      dataIndex: 'activeFrom',
      render: day,
    },
    activeUntil: {
      ...sortable('activeUntil'),
      title: title('activeUntil'),
      dataIndex: 'activeUntil',
      render: day,
    },
  };
}
