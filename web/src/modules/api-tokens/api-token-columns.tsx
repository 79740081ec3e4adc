import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatMoment } from '../../ui/format-moment';
import type { ApiToken } from './api-token-types';
import { rightLabel } from './token-rights';

interface ApiTokenColumnsOptions {
  t: TFunction;
  language: string;
  /** The token being revoked, whose button shows it is busy. */
  revoking: number | null;
  onRevoke: (token: ApiToken) => void;
}

/** The API tokens table's columns; Revoke asks first, as programs using the token stop at once. */
export function apiTokenColumns({
  t,
  language,
  revoking,
  onRevoke,
}: ApiTokenColumnsOptions): ColumnsType<ApiToken> {
  const dateTime = (value: string) => formatMoment(value, language);
  return [
    { title: t('apiTokens.columns.name'), dataIndex: 'name', width: 170, ellipsis: { showTitle: true } },
    {
      title: t('apiTokens.columns.prefix'),
      dataIndex: 'prefix',
      width: 120,
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('apiTokens.columns.rights'),
      dataIndex: 'rights',
      width: 220,
      // Write includes read: an area is shown once, at the most it allows.
      render: (rights: string[]) =>
        rights.length === 0 ? (
          t('apiTokens.noRights')
        ) : (
          <Space size={[0, 4]} wrap>
            {rights
              .filter(
                (right) => !(right.endsWith(':read') && rights.includes(right.replace(':read', ':write'))),
              )
              .map((right) => (
                <Tag key={right}>{rightLabel(t, right)}</Tag>
              ))}
          </Space>
        ),
    },
    {
      title: t('apiTokens.columns.expiresAt'),
      dataIndex: 'expiresAt',
      width: 170,
      render: (expiresAt: string | null) => {
        if (expiresAt === null) return t('apiTokens.never');
        const expired = new Date(expiresAt).getTime() <= Date.now();
        return (
          <>
            {dateTime(expiresAt)} {expired && <Tag color="red">{t('apiTokens.expired')}</Tag>}
          </>
        );
      },
    },
    {
      title: t('apiTokens.columns.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 170,
      render: (lastUsedAt: string | null) =>
        lastUsedAt === null ? t('apiTokens.neverUsed') : dateTime(lastUsedAt),
    },
    { title: t('apiTokens.columns.createdAt'), dataIndex: 'createdAt', width: 170, render: dateTime },
    {
      title: t('apiTokens.columns.action'),
      key: 'action',
      width: 110,
      fixed: 'right',
      render: (_: unknown, token: ApiToken) => (
        <Popconfirm
          title={t('apiTokens.revokeConfirm', { name: token.name })}
          okText={t('apiTokens.revoke')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => onRevoke(token)}
        >
          <Button
            size="small"
            danger
            loading={revoking === token.id}
            aria-label={t('apiTokens.revokeNamed', { name: token.name })}
          >
            {t('apiTokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
}
