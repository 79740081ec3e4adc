import { Alert, Button, Form, Modal, Popconfirm, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { useSession } from '../../app/session';
import { ContractsTab } from '../contracts/contracts-tab';
import { ObjectsTab } from '../objects/objects-tab';
import { ConfigurationTab } from '../partner-settings/configuration-tab';
import { UsersTab } from '../users/users-tab';
import { HistoryTab } from './history-tab';
import { MainSettingsTab } from './main-settings-tab';
import { emptyPartnerValues, formFieldOf, formValuesOf, requestBodyOf } from './partner-form-values';
import type { PartnerFormValues } from './partner-types';
import { useArchivePartner, usePartner, useSavePartner } from './partners-api';

interface PartnerWindowProps {
  /** null: the Add window. */
  partnerId: number | null;
  onClose: () => void;
  onSaved: (partnerId: number) => void;
}

/** The partner window: Main settings, Configuration, Contracts, Objects, Users and History; Add opens it empty. */
export function PartnerWindow({ partnerId, onClose, onSaved }: PartnerWindowProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [form] = Form.useForm<PartnerFormValues>();
  const partnerQuery = usePartner(partnerId);
  const partner = partnerQuery.data ?? null;
  const save = useSavePartner();
  const archive = useArchivePartner();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [activeTab, setActiveTab] = useState('main');

  useEffect(() => {
    if (partnerId === null) form.setFieldsValue(emptyPartnerValues(user?.partnerId ?? null));
    else if (partner) form.setFieldsValue(formValuesOf(partner));
  }, [partnerId, partner, form, user]);

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
        name: formFieldOf(entry.field) as keyof PartnerFormValues,
        errors: [entry.message],
      })),
    );
    setProblem(
      elsewhere.length || !onForm.length
        ? [error.title, ...elsewhere.map((entry) => entry.message)].join(' ')
        : null,
    );
    setActiveTab('main');
  };

  const submit = (values: PartnerFormValues) => {
    setProblem(null);
    setStale(false);
    save.mutate(
      { id: partnerId, values: requestBodyOf(values), version: partner?.version },
      { onSuccess: (saved) => onSaved(saved.id), onError: showServerErrors },
    );
  };

  const reload = async () => {
    const fresh = await partnerQuery.refetch();
    if (fresh.data) form.setFieldsValue({ ...formValuesOf(fresh.data) });
    setStale(false);
    setProblem(null);
  };

  const isOwnPartner = partner !== null && partner.id === user?.partnerId;
  const title = partnerId === null ? t('partner.addTitle') : (partner?.name ?? t('partner.loading'));
  const archived = partner?.archivedAt != null;

  return (
    <Modal
      open
      title={title}
      width={1000}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          {partner && !isOwnPartner && (
            <Popconfirm
              title={archived ? t('partner.restoreConfirm') : t('partner.archiveConfirm')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() =>
                archive.mutate(
                  { id: partner.id, restore: archived },
                  { onSuccess: onClose, onError: showServerErrors },
                )
              }
            >
              <Button danger={!archived}>{archived ? t('partner.restore') : t('partner.archive')}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('partner.save')}
          </Button>
        </Space>
      }
    >
      {problem && (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={stale ? t('partner.staleVersion') : problem}
          action={stale ? <Button onClick={() => void reload()}>{t('partner.reload')}</Button> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      {partnerId !== null && partnerQuery.isLoading ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={activeTab}
          onChange={setActiveTab}
          items={[
            {
              key: 'main',
              label: t('partner.tabs.main'),
              forceRender: true,
              children: (
                <MainSettingsTab
                  form={form}
                  partner={partner}
                  isOwnPartner={isOwnPartner}
                  onSubmit={submit}
                />
              ),
            },
            {
              key: 'configuration',
              label: t('partner.tabs.configuration'),
              disabled: partner === null,
              children: partner && <ConfigurationTab partnerId={partner.id} />,
            },
            {
              key: 'contracts',
              label: t('partner.tabs.contracts'),
              disabled: partner === null,
              children: partner && <ContractsTab partnerId={partner.id} />,
            },
            {
              key: 'objects',
              label: t('partner.tabs.objects'),
              disabled: partner === null,
              children: partner && <ObjectsTab partnerId={partner.id} />,
            },
            {
              key: 'users',
              label: t('partner.tabs.users'),
              disabled: partner === null,
              children: partner && <UsersTab partnerId={partner.id} />,
            },
            {
              key: 'history',
              label: t('partner.tabs.history'),
              disabled: partner === null,
              children: partner && <HistoryTab partnerId={partner.id} />,
            },
          ]}
        />
      )}
    </Modal>
  );
}
