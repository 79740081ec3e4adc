import { App, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { SectionPage } from '../../ui/section-page';
import { useServerErrors } from '../../ui/use-server-errors';
import { sessionColumns } from './session-columns';
import type { OwnSession } from './session-types';
import { useEndSession, useOwnSessions } from './sessions-api';

/**
 * The signed-in user's own sessions: where and when each began and was last used. Ending one signs
 * that browser out at once, e.g. a forgotten one on a shared computer.
 */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const sessions = useOwnSessions();
  const endSession = useEndSession();
  const serverErrors = useServerErrors();
  const [ending, setEnding] = useState<string | null>(null);

  const end = (session: OwnSession) => {
    serverErrors.clearProblem();
    setEnding(session.id);
    endSession.mutate(session.id, {
      onSuccess: () => void message.success(t('sessions.ended')),
      onError: serverErrors.show,
      onSettled: () => setEnding(null),
    });
  };

  return (
    <SectionPage name="sessions">
      <Typography.Paragraph type="secondary">{t('sessions.hint')}</Typography.Paragraph>
      <ProblemAlert problem={serverErrors.problem ?? (sessions.isError ? t('common.networkError') : null)} />
      <Table<OwnSession>
        size="small"
        rowKey="id"
        aria-label={t('sessions.tableLabel')}
        loading={sessions.isFetching}
        dataSource={sessions.data?.items ?? []}
        columns={sessionColumns({ t, language: i18n.language, ending, onEnd: end })}
        pagination={false}
        scroll={{ x: 900 }}
      />
    </SectionPage>
  );
}
