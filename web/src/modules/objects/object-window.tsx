import { Alert, Button, Form, Modal, Popconfirm, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { MoveObjectDialog } from './move-object-dialog';
import { emptyObjectValues, objectFormValuesOf, objectRequestBodyOf } from './object-form-values';
import { ObjectHistoryTab } from './object-history-tab';
import { ObjectMainTab } from './object-main-tab';
import type { ObjectFormValues } from './object-types';
import { useArchiveObject, useObject, useSaveObject } from './objects-api';

interface ObjectWindowProps {
  /** null: the Add window. */
  objectId: number | null;
  /** Opened from a contract: new objects go to it and the Contract field is not asked. */
  contractId?: number;
  /** Opened from a partner: only its contracts are offered. */
  partnerId?: number;
  onClose: () => void;
  onSaved: () => void;
}

/** The object window: Main and History tabs; Move, Delete/Restore and Save. */
export function ObjectWindow({ objectId, contractId, partnerId, onClose, onSaved }: ObjectWindowProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ObjectFormValues>();
  const objectQuery = useObject(objectId);
  const object = objectQuery.data ?? null;
  const save = useSaveObject();
  const archive = useArchiveObject();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [activeTab, setActiveTab] = useState('main');
  const [moving, setMoving] = useState(false);

  useEffect(() => {
    if (objectId === null) form.setFieldsValue(emptyObjectValues(contractId));
    else if (object) form.setFieldsValue(objectFormValuesOf(object));
  }, [objectId, object, form, contractId]);

  const showServerErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setProblem(t('common.networkError'));
      return;
    }
    setStale(error.code === 'version_conflict');
    const formFields = new Set(Object.keys(form.getFieldsValue(true) as object));
    if (contractId !== undefined) formFields.delete('contractId');
    const onForm = error.errors.filter((entry) => formFields.has(entry.field));
    const elsewhere = error.errors.filter((entry) => !formFields.has(entry.field));
    form.setFields(
      onForm.map((entry) => ({ name: entry.field as keyof ObjectFormValues, errors: [entry.message] })),
    );
    setProblem(
      elsewhere.length || !onForm.length
        ? [error.title, ...elsewhere.map((entry) => entry.message)].join(' ')
        : null,
    );
    setActiveTab('main');
  };

  const submit = (values: ObjectFormValues) => {
    setProblem(null);
    setStale(false);
    const body = objectRequestBodyOf(
      { ...values, contractId: contractId ?? values.contractId },
      objectId === null,
    );
    save.mutate(
      { id: objectId, values: body, version: object?.version },
      { onSuccess: onSaved, onError: showServerErrors },
    );
  };

  const reload = async () => {
    const fresh = await objectQuery.refetch();
    if (fresh.data) form.setFieldsValue(objectFormValuesOf(fresh.data));
    setStale(false);
    setProblem(null);
  };

  const archived = object?.archivedAt != null;
  const title = objectId === null ? t('object.addTitle') : (object?.name ?? t('object.loading'));

  return (
    <Modal
      open
      title={title}
      width={860}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          {object && !archived && <Button onClick={() => setMoving(true)}>{t('object.move')}</Button>}
          {object && (
            <Popconfirm
              title={archived ? t('object.restoreConfirm') : t('object.archiveConfirm')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() =>
                archive.mutate(
                  { id: object.id, restore: archived },
                  { onSuccess: onClose, onError: showServerErrors },
                )
              }
            >
              <Button danger={!archived}>{archived ? t('object.restore') : t('object.archive')}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={archived} onClick={() => form.submit()}>
            {t('object.save')}
          </Button>
        </Space>
      }
    >
      {problem && (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={stale ? t('object.staleVersion') : problem}
          action={stale ? <Button onClick={() => void reload()}>{t('object.reload')}</Button> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      {objectId !== null && objectQuery.isLoading ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={activeTab}
          onChange={setActiveTab}
          items={[
            {
              key: 'main',
              label: t('object.tabs.main'),
              forceRender: true,
              children: (
                <ObjectMainTab
                  form={form}
                  object={object}
                  fixedContractId={contractId}
                  partnerId={partnerId}
                  onSubmit={submit}
                />
              ),
            },
            {
              key: 'history',
              label: t('object.tabs.history'),
              disabled: object === null,
              children: object && <ObjectHistoryTab objectId={object.id} />,
            },
          ]}
        />
      )}
      {moving && object && (
        <MoveObjectDialog
          object={object}
          onClose={() => setMoving(false)}
          onMoved={() => {
            setMoving(false);
            void objectQuery.refetch();
          }}
        />
      )}
    </Modal>
  );
}
