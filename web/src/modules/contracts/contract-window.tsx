import { Alert, App, Button, Form, Modal, Popconfirm, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { useSession } from '../../app/session';
import { ObjectsTab } from '../objects/objects-tab';
import { usePartner } from '../partners/partners-api';
import { UsersTab } from '../users/users-tab';
import { BasicSettingsTab } from './basic-settings-tab';
import { ContractHistoryTab } from './contract-history-tab';
import { emptyContractValues, formFieldOf, formValuesOf, requestBodyOf } from './contract-form-values';
import type { ContractFormValues } from './contract-types';
import { useArchiveContract, useCloneContract, useContract, useSaveContract } from './contracts-api';

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
  const [form] = Form.useForm<ContractFormValues>();
  const contractQuery = useContract(contractId);
  const contract = contractQuery.data ?? null;
  const startPartnerId = presetPartnerId ?? user?.partnerId ?? null;
  const presetPartner = usePartner(contractId === null ? startPartnerId : null).data;
  const save = useSaveContract();
  const archive = useArchiveContract();
  const clone = useCloneContract();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [activeTab, setActiveTab] = useState('basic');
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

  const showServerErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setProblem(t('common.networkError'));
      return;
    }
    setStale(error.code === 'version_conflict');
    const formFields = new Set(Object.keys(form.getFieldsValue(true) as object));
    const onForm = error.errors.filter((entry) => formFields.has(formFieldOf(entry.field)));
    const elsewhere = error.errors.filter((entry) => !formFields.has(formFieldOf(entry.field)));
    form.setFields(
      onForm.map((entry) => ({
        name: formFieldOf(entry.field) as keyof ContractFormValues,
        errors: [entry.message],
      })),
    );
    setProblem(
      elsewhere.length || !onForm.length
        ? [error.title, ...elsewhere.map((entry) => entry.message)].join(' ')
        : null,
    );
    setActiveTab('basic');
  };

  const submit = (values: ContractFormValues) => {
    setProblem(null);
    setStale(false);
    save.mutate(
      { id: contractId, values: requestBodyOf(values), version: contract?.version },
      { onSuccess: (saved) => onSaved(saved.id), onError: showServerErrors },
    );
  };

  const reload = async () => {
    const fresh = await contractQuery.refetch();
    if (fresh.data) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(fresh.data));
    }
    setStale(false);
    setProblem(null);
  };

  const cloneContract = (id: number) => {
    setProblem(null);
    clone.mutate(id, {
      onSuccess: (copy) => {
        void message.success(t('contract.cloned'));
        onOpen(copy.id);
      },
      onError: showServerErrors,
    });
  };

  const title = contractId === null ? t('contract.addTitle') : (contract?.name ?? t('contract.loading'));
  const archived = contract?.archivedAt != null;

  return (
    <Modal
      open
      title={title}
      width={1000}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space wrap>
          {contract && (
            <Button loading={clone.isPending} onClick={() => cloneContract(contract.id)}>
              {t('contract.clone')}
            </Button>
          )}
          {contract && (
            <Popconfirm
              title={archived ? t('contract.restoreConfirm') : t('contract.archiveConfirm')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() =>
                archive.mutate(
                  { id: contract.id, restore: archived },
                  { onSuccess: onClose, onError: showServerErrors },
                )
              }
            >
              <Button danger={!archived} loading={archive.isPending}>
                {archived ? t('contract.restore') : t('contract.archive')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('contract.save')}
          </Button>
        </Space>
      }
    >
      {problem && (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={stale ? t('contract.staleVersion') : problem}
          action={stale ? <Button onClick={() => void reload()}>{t('contract.reload')}</Button> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      {contractId !== null && contractQuery.isLoading ? (
        <Spin />
      ) : contractId !== null && contractQuery.isError ? (
        <Alert role="alert" type="error" showIcon message={t('contract.notFound')} />
      ) : (
        <Tabs
          activeKey={activeTab}
          onChange={setActiveTab}
          items={[
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
              label: t('contract.tabs.users'),
              disabled: contract === null,
              children: contract && <UsersTab partnerId={contract.partnerId} contractId={contract.id} />,
            },
            {
              key: 'objects',
              label: t('contract.tabs.objects'),
              disabled: contract === null,
              children: contract && <ObjectsTab partnerId={contract.partnerId} contractId={contract.id} />,
            },
            {
              key: 'history',
              label: t('contract.tabs.history'),
              disabled: contract === null,
              children: contract && <ContractHistoryTab contract={contract} />,
            },
          ]}
        />
      )}
    </Modal>
  );
}
