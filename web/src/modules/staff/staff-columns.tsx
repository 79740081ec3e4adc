import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDay } from '../../ui/format-day';
import { sortableColumn, type SortState } from '../../ui/sortable-column';
import { rightsSummary } from './rights-summary';
import type { StaffUser } from './staff-types';

export const staffColumnKeys = [
  'login',
  'name',
  'email',
  'role',
  'partner',
  'rights',
  'blocked',
  'createdAt',
] as const;
export type StaffColumnKey = (typeof staffColumnKeys)[number];

interface StaffColumnOptions {
  language: string;
  /** Every right, to tell "All rights" (an administrator's) from a list. */
  allRights: readonly string[];
}

export function staffColumns(
  t: TFunction,
  state: SortState,
  { language, allRights }: StaffColumnOptions,
): Record<StaffColumnKey, ColumnType<StaffUser>> {
  const sortable = (key: string) => sortableColumn(state, key);
  const title = (key: string) => t(`staffList.columns.${key}`);
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
    email: { ...sortable('email'), title: title('email'), dataIndex: 'email', render: orDash },
    role: {
      ...sortable('role'),
      title: title('role'),
      dataIndex: 'role',
      render: (role: string) => t(`staffUser.roles.${role}`),
    },
    partner: {
      ...sortable('partner'),
      title: title('partner'),
      render: (_value, row) => row.partner?.name ?? t('staffUser.platform'),
    },
    rights: {
      title: title('rights'),
      key: 'rights',
      render: (_value, row) => rightsSummary(t, row.rights, allRights),
    },
    blocked: {
      ...sortable('blocked'),
      title: title('blocked'),
      dataIndex: 'blocked',
      render: (blocked: boolean) => (blocked ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
    },
    createdAt: {
      ...sortable('createdAt'),
      title: title('createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDay(at, language),
    },
  };
}
