import { BlockedByTag } from '../../ui/blocked-by';
import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { sortableColumn, type SortState } from '../../ui/sortable-column';
import type { PortalUser } from './user-types';

export const userColumnKeys = [
  'login',
  'name',
  'type',
  'contract',
  'partner',
  'email',
  'phone',
  'blocked',
] as const;
export type UserColumnKey = (typeof userColumnKeys)[number];

export function userColumns(t: TFunction, state: SortState): Record<UserColumnKey, ColumnType<PortalUser>> {
  const sortable = (key: string) => sortableColumn(state, key);
  const title = (key: string) => t(`users.columns.${key}`);
  const orDash = (value: string | null) => value ?? '—';
  return {
    login: {
      ...sortable('login'),
      title: title('login'),
      dataIndex: 'login',
      render: (login: string, row) => (
        <Space size={4}>
          {login}
          {row.archivedAt && <Tag>{t('list.archived')}</Tag>}
        </Space>
      ),
    },
    name: { ...sortable('name'), title: title('name'), dataIndex: 'name', render: orDash },
    type: {
      ...sortable('type'),
      title: title('type'),
      dataIndex: 'type',
      render: (type: string) => t(`user.types.${type}`),
    },
    contract: {
      ...sortable('contract'),
      title: title('contract'),
      render: (_value, row) => row.contract.name,
    },
    partner: { ...sortable('partner'), title: title('partner'), render: (_value, row) => row.partner.name },
    email: { ...sortable('email'), title: title('email'), dataIndex: 'email', render: orDash },
    phone: { ...sortable('phone'), title: title('phone'), dataIndex: 'phone', render: orDash },
    blocked: {
      ...sortable('blocked'),
      title: title('blocked'),
      dataIndex: 'blocked',
      render: (blocked: boolean, row) => (
        <Space size={4} wrap>
          {blocked ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')}
          <BlockedByTag blockedBy={row.blockedBy} />
        </Space>
      ),
    },
  };
}
