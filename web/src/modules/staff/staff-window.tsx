import { Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reference } from '../../app/api-types';
import { useCan, useSession } from '../../app/session';
import { ArchiveButton, useArchiveToast } from '../../ui/archive-button';
import { fillForm } from '../../ui/fill-form';
import { RecordWindow } from '../../ui/record-window';
import { useRecordForm } from '../../ui/use-record-form';
import { useArchiveStaff, useSaveStaff, useStaffUser } from './staff-api';
import { emptyStaffValues, staffFormValuesOf, staffRequestBodyOf } from './staff-form-values';
import { StaffHistoryTab } from './staff-history-tab';
import { StaffLoginHistoryTab } from './staff-login-history-tab';
import { StaffMainTab } from './staff-main-tab';
import type { StaffFormValues } from './staff-types';

interface StaffWindowProps {
  /** null: the Add window. */
  staffId: number | null;
  /** The partner an Add window starts with (the partner window's Staff tab); else the signer's own. */
  presetPartner: Reference | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * The staff user window: Main (with the rights), Login history and History; Delete/Restore and Save.
 * An administrator's row, and the signer's own, open read-only: they are changed elsewhere.
 */
export function StaffWindow({ staffId, presetPartner, onClose, onSaved }: StaffWindowProps) {
  const { t } = useTranslation();
  const toastArchived = useArchiveToast();
  const { user } = useSession();
  const can = useCan();
  const [form] = Form.useForm<StaffFormValues>();
  const staffQuery = useStaffUser(staffId);
  const staff = staffQuery.data ?? null;
  const save = useSaveStaff();
  const archive = useArchiveStaff();
  const state = useRecordForm(form, {
    formTab: 'main',
    reloadRecord: async () => {
      const fresh = await staffQuery.refetch();
      if (fresh.data) {
        form.resetFields();
        fillForm(form, staffFormValuesOf(fresh.data));
      }
    },
  });
  const [filled, setFilled] = useState(false);

  // The form is filled once: a refetch in the background must not overwrite what the person typed.
  useEffect(() => {
    if (filled) return;
    if (staffId === null) {
      fillForm(form, emptyStaffValues(presetPartner, user));
      setFilled(true);
    } else if (staff) {
      fillForm(form, staffFormValuesOf(staff));
      setFilled(true);
    }
  }, [filled, staffId, staff, form, presetPartner, user]);

  const submit = (values: StaffFormValues) => {
    state.startSaving();
    save.mutate(
      { id: staffId, values: staffRequestBodyOf(values, staffId === null), version: staff?.version },
      { onSuccess: onSaved, onError: state.showServerErrors },
    );
  };

  const readOnlyReason =
    staff === null
      ? null
      : staff.role !== 'staff'
        ? t('staffUser.administratorReadOnly')
        : staff.id === user?.id
          ? t('staffUser.selfReadOnly')
          : null;
  const readOnly = !can('staff:write') || readOnlyReason !== null;
  const archived = staff?.archivedAt != null;
  const title = staffId === null ? t('staffUser.addTitle') : (staff?.login ?? t('staffUser.loading'));

  return (
    <RecordWindow
      title={title}
      width={900}
      textsKey="staffUser"
      state={state}
      loading={staffId !== null && staffQuery.isLoading}
      failed={staffId !== null && staffQuery.isError ? t('staffUser.notFound') : undefined}
      saving={save.isPending}
      saveDisabled={archived}
      readOnly={readOnly}
      onSave={() => form.submit()}
      onClose={onClose}
      actions={
        staff &&
        !readOnly && (
          <ArchiveButton
            archived={archived}
            textsKey="staffUser"
            loading={archive.isPending}
            onConfirm={() =>
              archive.mutate(
                { id: staff.id, restore: archived },
                {
                  onSuccess: () => {
                    toastArchived(staff.login, archived);
                    onClose();
                  },
                  onError: state.showServerErrors,
                },
              )
            }
          />
        )
      }
      tabs={[
        {
          key: 'main',
          label: t('staffUser.tabs.main'),
          forceRender: true,
          children: (
            <StaffMainTab
              form={form}
              staff={staff}
              presetPartner={presetPartner}
              readOnlyReason={readOnlyReason}
              onSubmit={submit}
            />
          ),
        },
        {
          key: 'loginHistory',
          label: t('staffUser.tabs.loginHistory'),
          disabled: staff === null,
          children: staff && <StaffLoginHistoryTab staffId={staff.id} login={staff.login} />,
        },
        {
          key: 'history',
          label: t('staffUser.tabs.history'),
          disabled: staff === null,
          children: staff && <StaffHistoryTab staffId={staff.id} />,
        },
      ]}
    />
  );
}
