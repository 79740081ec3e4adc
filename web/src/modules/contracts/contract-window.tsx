import { Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContract } from '../../app/contract-lookups';
import { usePartner } from '../../app/partner-lookups';
import { useCan, useSession } from '../../app/session';
import { ArchiveButton, useArchiveToast } from '../../ui/archive-button';
import { fillForm } from '../../ui/fill-form';
import { RecordWindow } from '../../ui/record-window';
import { useDiscardGuard } from '../../ui/use-discard-guard';
import { useRecordForm } from '../../ui/use-record-form';
import { FinanceTab } from '../finance/public';
import { ObjectsTab } from '../objects/public';
import { UsersTab } from '../users/public';
import { BasicSettingsTab } from './basic-settings-tab';
import { ContractHistoryTab } from './contract-history-tab';
import {
  copyFormValuesOf,
  emptyContractValues,
  formFieldOf,
  formValuesOf,
  requestBodyOf,
} from './contract-form-values';
import type { ContractFormValues } from './contract-types';
import { useArchiveContract, useContractCopy, useSaveContract } from './contracts-api';

interface ContractWindowProps {
  /** null: the Add window. */
  contractId: number | null;
  /** In the Add window: filled with the copy of this contract that Clone proposes, saved only by Save. */
  copyOf?: number | null;
  /** The partner an Add window starts with (the partner window's Contracts tab); else the caller's own. */
  presetPartnerId: number | null;
  /** Opens, in the window's place, an Add window filled with a copy of this contract (Clone). */
  onCopy: (contractId: number) => void;
  onClose: () => void;
  onSaved: (contractId: number) => void;
}

/** The contract window: Basic settings, Users, Objects and History; Add opens it empty. */
export function ContractWindow({
  contractId,
  copyOf = null,
  presetPartnerId,
  onCopy,
  onClose,
  onSaved,
}: ContractWindowProps) {
  const { t } = useTranslation();
  const toastArchived = useArchiveToast();
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
  const copy = useContractCopy(contractId === null ? copyOf : null);
  const guard = useDiscardGuard();
  const state = useRecordForm(form, {
    formTab: 'basic',
    formFieldOf,
    reloadRecord: async () => {
      const fresh = await contractQuery.refetch();
      if (fresh.data) {
        form.resetFields();
        fillForm(form, formValuesOf(fresh.data));
      }
    },
  });
  const [filled, setFilled] = useState(false);

  // The form is filled once: a refetch in the background must not overwrite what the person typed.
  useEffect(() => {
    if (filled) return;
    if (contractId === null && copyOf !== null) {
      if (!copy.data) return;
      fillForm(form, copyFormValuesOf(copy.data));
      setFilled(true);
    } else if (contractId === null) {
      fillForm(form, emptyContractValues(startPartnerId));
      setFilled(true);
    } else if (contract) {
      fillForm(form, formValuesOf(contract));
      setFilled(true);
    }
  }, [filled, contractId, contract, form, startPartnerId, copyOf, copy.data]);

  const submit = (values: ContractFormValues) => {
    state.startSaving();
    save.mutate(
      {
        id: contractId,
        values: { ...requestBodyOf(values), ...(copyOf === null ? {} : { clonedFrom: copyOf }) },
        version: contract?.version,
      },
      { onSuccess: (saved) => onSaved(saved.id), onError: state.showServerErrors },
    );
  };

  const title =
    contractId !== null
      ? (contract?.name ?? t('contract.loading'))
      : copyOf !== null
        ? t('contract.copyTitle')
        : t('contract.addTitle');
  const archived = contract?.archivedAt != null;

  return (
    <RecordWindow
      title={title}
      width={1000}
      textsKey="contract"
      state={state}
      loading={(contractId !== null && contractQuery.isLoading) || copy.isLoading}
      failed={contractQuery.isError || copy.isError ? t('contract.notFound') : undefined}
      saving={save.isPending}
      readOnly={readOnly}
      onSave={() => form.submit()}
      onClose={onClose}
      actions={
        contract &&
        !readOnly && (
          <>
            <Button onClick={() => guard(state.isChanged(), () => onCopy(contract.id))}>
              {t('contract.clone')}
            </Button>
            <ArchiveButton
              archived={archived}
              textsKey="contract"
              loading={archive.isPending}
              onConfirm={() =>
                archive.mutate(
                  { id: contract.id, restore: archived },
                  {
                    onSuccess: () => {
                      toastArchived(contract.name, archived);
                      onClose();
                    },
                    onError: state.showServerErrors,
                  },
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
