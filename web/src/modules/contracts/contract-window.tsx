import { App, Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContract } from '../../app/contract-lookups';
import { usePartner } from '../../app/partner-lookups';
import { useCan, useSession } from '../../app/session';
import { ArchiveButton } from '../../ui/archive-button';
import { RecordWindow } from '../../ui/record-window';
import { useRecordForm } from '../../ui/use-record-form';
import { FinanceTab } from '../finance/public';
import { ObjectsTab } from '../objects/public';
import { UsersTab } from '../users/public';
import { BasicSettingsTab } from './basic-settings-tab';
import { ContractHistoryTab } from './contract-history-tab';
import { emptyContractValues, formFieldOf, formValuesOf, requestBodyOf } from './contract-form-values';
import type { ContractFormValues } from './contract-types';
import { useArchiveContract, useCloneContract, useSaveContract } from './contracts-api';

interface ContractWindowProps {
  /** null: the Add window. */
  contractId: number | null;
  /** The partner an Add window starts with (the partner window's Contracts tab); else the caller's own. */
  presetPartnerId: number | null;
  /** Opens another contract in the window's place (the copy made by Clone). */
  onOpen: (contractId: number) => void;
  onClose: () => void;
  onSaved: (contractId: number) => void;
}

/** The contract window: Basic settings, Users, Objects and History; Add opens it empty. */
export function ContractWindow({
  contractId,
  presetPartnerId,
  onOpen,
  onClose,
  onSaved,
}: ContractWindowProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const can = useCan();
  const readOnly = !can('contracts:write');
  const [form] = Form.useForm<ContractFormValues>();
  const contractQuery = useContract(contractId);
  const contract = contractQuery.data ?? null;
  const startPartnerId = presetPartnerId ?? user?.partnerId ?? null;
  const presetPartner = usePartner(contractId === null ? startPartnerId : null).data;
  const save = useSaveContract();
  const archive = useArchiveContract();
  const clone = useCloneContract();
  const state = useRecordForm(form, {
    formTab: 'basic',
    formFieldOf,
    reloadRecord: async () => {
      const fresh = await contractQuery.refetch();
      if (fresh.data) {
        form.resetFields();
        form.setFieldsValue(formValuesOf(fresh.data));
      }
    },
  });
  const [filled, setFilled] = useState(false);

  // The form is filled once: a refetch in the background must not overwrite what the person typed.
  useEffect(() => {
    if (filled) return;
    if (contractId === null) {
      form.setFieldsValue(emptyContractValues(startPartnerId));
      setFilled(true);
    } else if (contract) {
      form.setFieldsValue(formValuesOf(contract));
      setFilled(true);
    }
  }, [filled, contractId, contract, form, startPartnerId]);

  const submit = (values: ContractFormValues) => {
    state.startSaving();
    save.mutate(
      { id: contractId, values: requestBodyOf(values), version: contract?.version },
      { onSuccess: (saved) => onSaved(saved.id), onError: state.showServerErrors },
    );
  };

  const cloneContract = (id: number) => {
    state.clearProblem();
    clone.mutate(id, {
      onSuccess: (copy) => {
        void message.success(t('contract.cloned'));
        onOpen(copy.id);
      },
      onError: state.showServerErrors,
    });
  };

  const title = contractId === null ? t('contract.addTitle') : (contract?.name ?? t('contract.loading'));
  const archived = contract?.archivedAt != null;

  return (
    <RecordWindow
      title={title}
      width={1000}
      textsKey="contract"
      state={state}
      loading={contractId !== null && contractQuery.isLoading}
      failed={contractId !== null && contractQuery.isError ? t('contract.notFound') : undefined}
      saving={save.isPending}
      readOnly={readOnly}
      onSave={() => form.submit()}
      onClose={onClose}
      actions={
        contract &&
        !readOnly && (
          <>
            <Button loading={clone.isPending} onClick={() => cloneContract(contract.id)}>
              {t('contract.clone')}
            </Button>
            <ArchiveButton
              archived={archived}
              textsKey="contract"
              loading={archive.isPending}
              onConfirm={() =>
                archive.mutate(
                  { id: contract.id, restore: archived },
                  { onSuccess: onClose, onError: state.showServerErrors },
                )
              }
            />
          </>
        )
      }
      tabs={[
        {
          key: 'basic',
          label: t('contract.tabs.basic'),
          forceRender: true,
          children: (
            <BasicSettingsTab
              form={form}
              contract={contract}
              presetPartner={presetPartner ? { id: presetPartner.id, name: presetPartner.name } : null}
              onSubmit={submit}
            />
          ),
        },
        {
          key: 'users',
          hidden: !can('users:read'),
          label: t('contract.tabs.users'),
          disabled: contract === null,
          children: contract && <UsersTab partnerId={contract.partnerId} contractId={contract.id} />,
        },
        {
          key: 'objects',
          hidden: !can('objects:read'),
          label: t('contract.tabs.objects'),
          disabled: contract === null,
          children: contract && <ObjectsTab partnerId={contract.partnerId} contractId={contract.id} />,
        },
        {
          key: 'finance',
          hidden: !can('finance:read'),
          label: t('finance.tab'),
          disabled: contract === null,
          children: contract && <FinanceTab owner={{ contractId: contract.id }} />,
        },
        {
          key: 'history',
          label: t('contract.tabs.history'),
          disabled: contract === null,
          children: contract && <ContractHistoryTab contract={contract} />,
        },
      ]}
    />
  );
}
