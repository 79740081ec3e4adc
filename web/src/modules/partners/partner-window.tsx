import { Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../app/session';
import { ArchiveButton, useArchiveToast } from '../../ui/archive-button';
import { fillForm } from '../../ui/fill-form';
import { RecordWindow } from '../../ui/record-window';
import { useRecordForm } from '../../ui/use-record-form';
import { usePartner } from '../../app/partner-lookups';
import { ContractsTab } from '../contracts/public';
import { FinanceTab } from '../finance/public';
import { ObjectsTab } from '../objects/public';
import { ConfigurationTab } from '../partner-settings/public';
import { StaffTab } from '../staff/public';
import { UsersTab } from '../users/public';
import { HistoryTab } from './history-tab';
import { MainSettingsTab } from './main-settings-tab';
import { emptyPartnerValues, formFieldOf, formValuesOf, requestBodyOf } from './partner-form-values';
import type { PartnerFormValues } from './partner-types';
import { useArchivePartner, useSavePartner } from './partners-api';

interface PartnerWindowProps {
  /** null: the Add window. */
  partnerId: number | null;
  onClose: () => void;
  onSaved: (partnerId: number) => void;
}

/** The partner window: Main settings, Configuration, Contracts, Objects, Users and History; Add opens it empty. */
export function PartnerWindow({ partnerId, onClose, onSaved }: PartnerWindowProps) {
  const { t } = useTranslation();
  const toastArchived = useArchiveToast();
  const { user } = useSession();
  const can = useCan();
  const [form] = Form.useForm<PartnerFormValues>();
  const partnerQuery = usePartner(partnerId);
  const partner = partnerQuery.data ?? null;
  const save = useSavePartner();
  const archive = useArchivePartner();
  const state = useRecordForm(form, {
    formTab: 'main',
    formFieldOf,
    reloadRecord: async () => {
      const fresh = await partnerQuery.refetch();
      if (fresh.data) fillForm(form, { ...formValuesOf(fresh.data) });
    },
  });

  useEffect(() => {
    if (partnerId === null) fillForm(form, emptyPartnerValues(user?.partnerId ?? null));
    else if (partner) fillForm(form, formValuesOf(partner));
  }, [partnerId, partner, form, user]);

  const submit = (values: PartnerFormValues) => {
    state.startSaving();
    save.mutate(
      { id: partnerId, values: requestBodyOf(values), version: partner?.version },
      { onSuccess: (saved) => onSaved(saved.id), onError: state.showServerErrors },
    );
  };

  const isOwnPartner = partner !== null && partner.id === user?.partnerId;
  const title = partnerId === null ? t('partner.addTitle') : (partner?.name ?? t('partner.loading'));
  const archived = partner?.archivedAt != null;
  const readOnly = !can('partners:write');

  return (
    <RecordWindow
      title={title}
      width={1000}
      textsKey="partner"
      state={state}
      loading={partnerId !== null && partnerQuery.isLoading}
      saving={save.isPending}
      readOnly={readOnly}
      onSave={() => form.submit()}
      onClose={onClose}
      actions={
        partner &&
        !isOwnPartner &&
        !readOnly && (
          <ArchiveButton
            archived={archived}
            textsKey="partner"
            onConfirm={() =>
              archive.mutate(
                { id: partner.id, restore: archived },
                {
                  onSuccess: () => {
                    toastArchived(partner.name, archived);
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
        // A tab shows where its area's read right is held; Main settings and History are the partner's own.
        {
          key: 'main',
          label: t('partner.tabs.main'),
          forceRender: true,
          children: (
            <MainSettingsTab form={form} partner={partner} isOwnPartner={isOwnPartner} onSubmit={submit} />
          ),
        },
        {
          key: 'configuration',
          hidden: !can('settings:read'),
          label: t('partner.tabs.configuration'),
          disabled: partner === null,
          children: partner && <ConfigurationTab partnerId={partner.id} />,
        },
        {
          key: 'contracts',
          hidden: !can('contracts:read'),
          label: t('partner.tabs.contracts'),
          disabled: partner === null,
          children: partner && <ContractsTab partnerId={partner.id} />,
        },
        {
          key: 'objects',
          hidden: !can('objects:read'),
          label: t('partner.tabs.objects'),
          disabled: partner === null,
          children: partner && <ObjectsTab partnerId={partner.id} />,
        },
        {
          key: 'users',
          hidden: !can('users:read'),
          label: t('partner.tabs.users'),
          disabled: partner === null,
          children: partner && <UsersTab partnerId={partner.id} />,
        },
        {
          key: 'finance',
          hidden: !can('finance:read'),
          label: t('finance.tab'),
          disabled: partner === null,
          // A partner administrator's own balance is its parent's business: shown, not changed.
          children: partner && <FinanceTab owner={{ partnerId: partner.id }} readOnly={isOwnPartner} />,
        },
        {
          key: 'staff',
          hidden: !can('staff:read'),
          label: t('partner.tabs.staff'),
          disabled: partner === null,
          children: partner && <StaffTab partnerId={partner.id} partnerName={partner.name} />,
        },
        {
          key: 'history',
          label: t('partner.tabs.history'),
          disabled: partner === null,
          children: partner && <HistoryTab partnerId={partner.id} />,
        },
      ]}
    />
  );
}
