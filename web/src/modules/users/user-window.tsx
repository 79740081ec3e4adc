import { Button, Form, Popconfirm } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ArchiveButton, useArchiveToast } from '../../ui/archive-button';
import { fillForm } from '../../ui/fill-form';
import { RecordWindow } from '../../ui/record-window';
import { useRecordForm } from '../../ui/use-record-form';
import { LoginHistoryTab } from './login-history-tab';
import { MasterLoginResult } from './master-login-result';
import { ResetPasswordResult } from './reset-password-result';
import { emptyUserValues, userFormValuesOf, userRequestBodyOf } from './user-form-values';
import { UserHistoryTab } from './user-history-tab';
import { UserMainTab } from './user-main-tab';
import type { MasterLoginAnswer, UserFormValues } from './user-types';
import { useMasterLogin, useResetPassword, useSaveUser, useUser, useUserAction } from './users-api';

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

/**
 * The portal user window: Main, Login history and History; Log in as, Block/Unblock, Reset password,
 * Delete/Restore, Save.
 */
export function UserWindow({ userId, contractId, partnerId, onClose, onSaved }: UserWindowProps) {
  const { t } = useTranslation();
  const toastArchived = useArchiveToast();
  const [form] = Form.useForm<UserFormValues>();
  const userQuery = useUser(userId);
  const user = userQuery.data ?? null;
  const save = useSaveUser();
  const action = useUserAction();
  const reset = useResetPassword();
  const masterLogin = useMasterLogin(userId);
  const state = useRecordForm(form, {
    formTab: 'main',
    // Opened from a contract, the window has no Contract field: an error on it is told in the alert.
    formFields: () => [
      'login',
      'name',
      'phone',
      'email',
      'password',
      'type',
      'blocked',
      ...(contractId === undefined ? ['contractId'] : []),
    ],
    reloadRecord: async () => {
      const fresh = await userQuery.refetch();
      if (fresh.data) fillForm(form, userFormValuesOf(fresh.data));
    },
  });
  const [resetAnswer, setResetAnswer] = useState<{ password: string | null } | null>(null);
  const [masterAnswer, setMasterAnswer] = useState<MasterLoginAnswer | null>(null);

  useEffect(() => {
    if (userId === null) fillForm(form, emptyUserValues(contractId));
    else if (user) fillForm(form, userFormValuesOf(user));
  }, [userId, user, form, contractId]);

  const submit = (values: UserFormValues) => {
    state.startSaving();
    save.mutate(
      {
        id: userId,
        values: userRequestBodyOf({ ...values, contractId: contractId ?? values.contractId }),
        version: user?.version,
      },
      { onSuccess: onSaved, onError: state.showServerErrors },
    );
  };

  const archived = user?.archivedAt != null;
  const readOnly = !useCan()('users:write');
  const title = userId === null ? t('user.addTitle') : (user?.login ?? t('user.loading'));
  const run = (name: 'block' | 'unblock' | 'archive' | 'restore', then?: () => void) => {
    if (!user) return;
    state.clearProblem();
    action.mutate({ id: user.id, action: name }, { onSuccess: then, onError: state.showServerErrors });
  };

  return (
    <RecordWindow
      title={title}
      width={860}
      textsKey="user"
      state={state}
      loading={userId !== null && userQuery.isLoading}
      saving={save.isPending}
      saveDisabled={archived}
      readOnly={readOnly}
      onSave={() => form.submit()}
      onClose={onClose}
      actions={
        user &&
        !readOnly && (
          <>
            {!archived && (
              <Button
                loading={masterLogin.isPending}
                onClick={() => {
                  state.clearProblem();
                  masterLogin.mutate(user.id, {
                    onSuccess: setMasterAnswer,
                    onError: state.showServerErrors,
                  });
                }}
              >
                {t('user.master.button')}
              </Button>
            )}
            {!archived && (
              <Button loading={action.isPending} onClick={() => run(user.blocked ? 'unblock' : 'block')}>
                {user.blocked ? t('user.unblock') : t('user.block')}
              </Button>
            )}
            {!archived && (
              <Popconfirm
                title={t('user.reset.confirm')}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                onConfirm={() =>
                  reset.mutate(user.id, {
                    onSuccess: (answer) => setResetAnswer({ password: answer.password ?? null }),
                    onError: state.showServerErrors,
                  })
                }
              >
                <Button loading={reset.isPending}>{t('user.reset.button')}</Button>
              </Popconfirm>
            )}
            <ArchiveButton
              archived={archived}
              textsKey="user"
              onConfirm={() =>
                run(archived ? 'restore' : 'archive', () => {
                  toastArchived(user.login, archived);
                  onClose();
                })
              }
            />
          </>
        )
      }
      tabs={[
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
    >
      {resetAnswer && (
        <ResetPasswordResult password={resetAnswer.password} onClose={() => setResetAnswer(null)} />
      )}
      {masterAnswer && user && (
        <MasterLoginResult login={user.login} answer={masterAnswer} onClose={() => setMasterAnswer(null)} />
      )}
    </RecordWindow>
  );
}
