import { Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ArchiveButton, useArchiveToast } from '../../ui/archive-button';
import { fillForm } from '../../ui/fill-form';
import { RecordWindow } from '../../ui/record-window';
import { useRecordForm } from '../../ui/use-record-form';
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
  const toastArchived = useArchiveToast();
  const [form] = Form.useForm<ObjectFormValues>();
  const objectQuery = useObject(objectId);
  const object = objectQuery.data ?? null;
  const save = useSaveObject();
  const archive = useArchiveObject();
  const state = useRecordForm(form, {
    formTab: 'main',
    // Opened from a contract, the window has no Contract field: an error on it is told in the alert.
    formFields: () =>
      Object.keys(form.getFieldsValue(true) as object).filter(
        (field) => !(contractId !== undefined && field === 'contractId'),
      ),
    reloadRecord: async () => {
      const fresh = await objectQuery.refetch();
      if (fresh.data) fillForm(form, objectFormValuesOf(fresh.data));
    },
  });
  const [moving, setMoving] = useState(false);

  useEffect(() => {
    if (objectId === null) fillForm(form, emptyObjectValues(contractId));
    else if (object) fillForm(form, objectFormValuesOf(object));
  }, [objectId, object, form, contractId]);

  const submit = (values: ObjectFormValues) => {
    state.startSaving();
    const body = objectRequestBodyOf(
      { ...values, contractId: contractId ?? values.contractId },
      objectId === null,
    );
    save.mutate(
      { id: objectId, values: body, version: object?.version },
      { onSuccess: onSaved, onError: state.showServerErrors },
    );
  };

  const archived = object?.archivedAt != null;
  const readOnly = !useCan()('objects:write');
  const title = objectId === null ? t('object.addTitle') : (object?.name ?? t('object.loading'));

  return (
    <RecordWindow
      title={title}
      width={860}
      textsKey="object"
      state={state}
      loading={objectId !== null && objectQuery.isLoading}
      saving={save.isPending}
      saveDisabled={archived}
      readOnly={readOnly}
      onSave={() => form.submit()}
      onClose={onClose}
      actions={
        object &&
        !readOnly && (
          <>
            {!archived && <Button onClick={() => setMoving(true)}>{t('object.move')}</Button>}
            <ArchiveButton
              archived={archived}
              textsKey="object"
              onConfirm={() =>
                archive.mutate(
                  { id: object.id, restore: archived },
                  {
                    onSuccess: () => {
                      toastArchived(object.name, archived);
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
    >
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
    </RecordWindow>
  );
}
