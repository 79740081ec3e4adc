import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { SectionPage } from '../../ui/section-page';
import { useServerErrors } from '../../ui/use-server-errors';
import { apiTokenColumns } from './api-token-columns';
import type { ApiToken, MadeApiToken } from './api-token-types';
import { useOwnApiTokens, useRevokeApiToken } from './api-tokens-api';
import { NewTokenDialog } from './new-token-dialog';
import { TokenShownOnce } from './token-shown-once';

/**
 * The signed-in user's API tokens for machine clients (an accounting robot, the monitoring portal):
 * each acts as the user within its own rights. A new one is shown once; revoking one stops it at once.
 */
export function ApiTokensSection() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const tokens = useOwnApiTokens();
  const revoke = useRevokeApiToken();
  const serverErrors = useServerErrors();
  const [revoking, setRevoking] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [made, setMade] = useState<MadeApiToken | null>(null);

  const revokeToken = (token: ApiToken) => {
    serverErrors.clearProblem();
    setRevoking(token.id);
    revoke.mutate(token.id, {
      onSuccess: () => void message.success(t('apiTokens.revoked', { name: token.name })),
      onError: serverErrors.show,
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <SectionPage name="apiTokens">
      <Typography.Paragraph type="secondary">
        {t('apiTokens.hint')} <Typography.Text code>Authorization: Bearer &lt;token&gt;</Typography.Text>
      </Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setAdding(true)}
        style={{ marginBottom: 16 }}
      >
        {t('apiTokens.new')}
      </Button>
      <ProblemAlert problem={serverErrors.problem ?? (tokens.isError ? t('common.networkError') : null)} />
      <Table<ApiToken>
        size="small"
        rowKey="id"
        aria-label={t('apiTokens.tableLabel')}
        loading={tokens.isFetching}
        dataSource={tokens.data?.items ?? []}
        columns={apiTokenColumns({ t, language: i18n.language, revoking, onRevoke: revokeToken })}
        locale={{ emptyText: t('apiTokens.empty') }}
        pagination={false}
        scroll={{ x: 1000 }}
      />
      {adding && (
        <NewTokenDialog
          onClose={() => setAdding(false)}
          onMade={(answer) => {
            setAdding(false);
            setMade(answer);
          }}
        />
      )}
      {made && <TokenShownOnce made={made} onClose={() => setMade(null)} />}
    </SectionPage>
  );
}
