import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDay } from '../../ui/format-day';
import type { Tariff } from './tariff-types';

export const tariffColumnKeys = ['id', 'name', 'currency', 'period', 'price', 'since', 'owner'] as const;
export type TariffColumnKey = (typeof tariffColumnKeys)[number];

/** Who owns a tariff: a partner by name, the platform, or a parent partner the caller may not see. */
export function tariffOwnerName(t: TFunction, tariff: Tariff) {
  if (tariff.ownerPartnerName) return tariff.ownerPartnerName;
  return tariff.ownedByAncestor ? t('tariffs.parentOwner') : t('tariffs.platformOwner');
}

export function tariffColumns(t: TFunction, language: string): Record<TariffColumnKey, ColumnType<Tariff>> {
  const title = (key: string) => t(`tariffs.columns.${key}`);
  return {
    id: { key: 'id', title: title('id'), dataIndex: 'id', width: 80 },
    name: {
      key: 'name',
      title: title('name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space size={4} wrap>
          {name}
          {row.archivedAt && <Tag>{t('list.archived')}</Tag>}
        </Space>
      ),
    },
    currency: { key: 'currency', title: title('currency'), dataIndex: 'currency', width: 100 },
    period: {
      key: 'period',
      title: title('period'),
      dataIndex: 'period',
      width: 140,
      render: (period: string) => t(`tariff.periods.${period}`),
    },
    price: {
      key: 'price',
      title: title('price'),
      align: 'right',
      width: 140,
      render: (_value, row) => (row.price === null ? '—' : `${row.price} ${row.currency}`),
    },
    since: {
      key: 'since',
      title: title('since'),
      dataIndex: 'priceEffectiveFrom',
      width: 130,
      render: (day: string | null) => (day ? formatDay(day, language) : '—'),
    },
    owner: { key: 'owner', title: title('owner'), render: (_value, row) => tariffOwnerName(t, row) },
  };
}
