import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatMoment } from '../../ui/format-moment';
import type { OwnSession } from './session-types';

interface SessionColumnsOptions {
  t: TFunction;
  language: string;
  /** The session being ended, whose button shows it is busy. */
  ending: string | null;
  onEnd: (session: OwnSession) => void;
}

/**
 * The sessions table's columns. The current session has no End session button: the way to end it is
 * Log out, which also clears what this browser has shown.
 */
export function sessionColumns({
  t,
  language,
  ending,
  onEnd,
}: SessionColumnsOptions): ColumnsType<OwnSession> {
  const dateTime = (value: string) => formatMoment(value, language);
  return [
    { title: t('sessions.columns.createdAt'), dataIndex: 'createdAt', width: 190, render: dateTime },
    { title: t('sessions.columns.lastUsedAt'), dataIndex: 'lastUsedAt', width: 190, render: dateTime },
    {
      title: t('sessions.columns.ip'),
      dataIndex: 'ip',
      width: 170,
      render: (ip: string | null) => ip ?? t('sessions.unknown'),
    },
    {
      title: t('sessions.columns.userAgent'),
      dataIndex: 'userAgent',
      // A browser's full identification is long: one line, the whole of it on hover.
      ellipsis: { showTitle: true },
      render: (userAgent: string | null) => userAgent ?? t('sessions.unknown'),
    },
    {
      title: t('sessions.columns.action'),
      key: 'action',
      width: 170,
      render: (_: unknown, session: OwnSession) =>
        session.current ? (
          <Tag color="green">{t('sessions.current')}</Tag>
        ) : (
          <Button
            size="small"
            danger
            loading={ending === session.id}
            aria-label={t('sessions.endNamed', { started: dateTime(session.createdAt) })}
            onClick={() => onEnd(session)}
          >
            {t('sessions.end')}
          </Button>
        ),
    },
  ];
}
