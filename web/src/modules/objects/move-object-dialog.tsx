import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { ContractSelect } from './contract-select';
import { useMoveObject } from './objects-api';
import type { TrackedObject } from './object-types';

interface MoveObjectDialogProps {
  object: TrackedObject;
  onClose: () => void;
  onMoved: () => void;
}

/** Moves an object to another contract of the caller's subtree; the object keeps its tariff. */
export function MoveObjectDialog({ object, onClose, onMoved }: MoveObjectDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ contractId: number | null }>();
  const move = useMoveObject();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = ({ contractId }: { contractId: number | null }) => {
    if (contractId === null) return;
    setProblem(null);
    move.mutate(
      { id: object.id, contractId },
      {
        onSuccess: onMoved,
        onError: (error) => {
          if (!(error instanceof ApiError)) return setProblem(t('common.networkError'));
          const onField = error.errors.filter((entry) => entry.field === 'contractId');
          form.setFields([{ name: 'contractId', errors: onField.map((entry) => entry.message) }]);
          const rest = error.errors.filter((entry) => entry.field !== 'contractId');
          if (rest.length || !onField.length) {
            setProblem([error.title, ...rest.map((entry) => entry.message)].join(' '));
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('object.moveTitle', { name: object.name })}
      okText={t('object.move')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert role="alert" type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <p>{t('object.moveHint')}</p>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ contractId: null }}>
        <Form.Item
          label={t('object.moveTo')}
          name="contractId"
          rules={[{ required: true, message: t('errors.required', { field: t('object.moveTo') }) }]}
          required
        >
          <ContractSelect excludeId={object.contractId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
