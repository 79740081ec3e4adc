import { Alert, Button, Form, Modal, Popconfirm, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { LoginHistoryTab } from './login-history-tab';
import { ResetPasswordResult } from './reset-password-result';
import { emptyUserValues, userFormValuesOf, userRequestBodyOf } from './user-form-values';
import { UserHistoryTab } from './user-history-tab';
import { UserMainTab } from './user-main-tab';
import type { UserFormValues } from './user-types';
import { useResetPassword, useSaveUser, useUser, useUserAction } from './users-api';

interface UserWindowProps {
  /** null: the Add window. */
  userId: number | null;
  /** Opened from a contract: new users belong to it and the Contract field is not asked. */
  contractId?: number;
  /** Opened from a partner: only its contracts are offered. */
  partnerId?: number;
  onClose: () => void;
  onSaved: () => void;
}

/** The portal user window: Main, Login history and History; Block/Unblock, Reset password, Delete/Restore, Save. */
export function UserWindow({ userId, contractId, partnerId, onClose, onSaved }: UserWindowProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const userQuery = useUser(userId);
  const user = userQuery.data ?? null;
  const save = useSaveUser();
  const action = useUserAction();
  const reset = useResetPassword();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [activeTab, setActiveTab] = useState('main');
  const [resetAnswer, setResetAnswer] = useState<{ password: string | null } | null>(null);

  useEffect(() => {
    if (userId === null) form.setFieldsValue(emptyUserValues(contractId));
    else if (user) form.setFieldsValue(userFormValuesOf(user));
  }, [userId, user, form, contractId]);

  const showServerErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setProblem(t('common.networkError'));
      return;
    }
    setStale(error.code === 'version_conflict');
    const formFields = new Set(['login', 'name', 'phone', 'email', 'password', 'type', 'blocked']);
    if (contractId === undefined) formFields.add('contractId');
    const onForm = error.errors.filter((entry) => formFields.has(entry.field));
    const elsewhere = error.errors.filter((entry) => !formFields.has(entry.field));
    form.setFields(
      onForm.map((entry) => ({ name: entry.field as keyof UserFormValues, errors: [entry.message] })),
    );
    setProblem(
      elsewhere.length || !onForm.length
        ? [error.title, ...elsewhere.map((entry) => entry.message)].join(' ')
        : null,
    );
    setActiveTab('main');
  };

  const submit = (values: UserFormValues) => {
    setProblem(null);
    setStale(false);
    save.mutate(
      {
        id: userId,
        values: userRequestBodyOf({ ...values, contractId: contractId ?? values.contractId }),
        version: user?.version,
      },
      { onSuccess: onSaved, onError: showServerErrors },
    );
  };

  const reload = async () => {
    const fresh = await userQuery.refetch();
    if (fresh.data) form.setFieldsValue(userFormValuesOf(fresh.data));
    setStale(false);
    setProblem(null);
  };

  const archived = user?.archivedAt != null;
  const title = userId === null ? t('user.addTitle') : (user?.login ?? t('user.loading'));
  const run = (name: 'block' | 'unblock' | 'archive' | 'restore', then?: () => void) => {
    if (!user) return;
    setProblem(null);
    action.mutate({ id: user.id, action: name }, { onSuccess: then, onError: showServerErrors });
  };

  return (
    <Modal
      open
      title={title}
      width={860}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space wrap>
          {user && !archived && (
            <Button loading={action.isPending} onClick={() => run(user.blocked ? 'unblock' : 'block')}>
              {user.blocked ? t('user.unblock') : t('user.block')}
            </Button>
          )}
          {user && !archived && (
            <Popconfirm
              title={t('user.reset.confirm')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() =>
                reset.mutate(user.id, {
                  onSuccess: (answer) => setResetAnswer({ password: answer.password ?? null }),
                  onError: showServerErrors,
                })
              }
            >
              <Button loading={reset.isPending}>{t('user.reset.button')}</Button>
            </Popconfirm>
          )}
          {user && (
            <Popconfirm
              title={archived ? t('user.restoreConfirm') : t('user.archiveConfirm')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() => run(archived ? 'restore' : 'archive', onClose)}
            >
              <Button danger={!archived}>{archived ? t('user.restore') : t('user.archive')}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={archived} onClick={() => form.submit()}>
            {t('user.save')}
          </Button>
        </Space>
      }
    >
      {problem && (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={stale ? t('user.staleVersion') : problem}
          action={stale ? <Button onClick={() => void reload()}>{t('user.reload')}</Button> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      {userId !== null && userQuery.isLoading ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={activeTab}
          onChange={setActiveTab}
          items={[
            {
              key: 'main',
              label: t('user.tabs.main'),
              forceRender: true,
              children: (
                <UserMainTab
                  form={form}
                  user={user}
                  fixedContractId={contractId}
                  partnerId={partnerId}
                  onSubmit={submit}
                />
              ),
            },
            {
              key: 'loginHistory',
              label: t('user.tabs.loginHistory'),
              disabled: user === null,
              children: user && <LoginHistoryTab userId={user.id} login={user.login} />,
            },
            {
              key: 'history',
              label: t('user.tabs.history'),
              disabled: user === null,
              children: user && <UserHistoryTab userId={user.id} />,
            },
          ]}
        />
      )}
      {resetAnswer && (
        <ResetPasswordResult password={resetAnswer.password} onClose={() => setResetAnswer(null)} />
      )}
    </Modal>
  );
}
