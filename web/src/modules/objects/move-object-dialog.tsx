import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContractSelect } from '../../ui/contract-select';
import { FormDialog } from '../../ui/form-dialog';
import { fieldsNamed } from '../../ui/server-errors';
import { useServerErrors } from '../../ui/use-server-errors';
import type { TrackedObject } from './object-types';
import { useMoveObject } from './objects-api';

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
  const serverErrors = useServerErrors({ form, fieldOf: fieldsNamed(['contractId']) });

  const submit = ({ contractId }: { contractId: number | null }) => {
    if (contractId === null) return;
    serverErrors.clearProblem();
    move.mutate({ id: object.id, contractId }, { onSuccess: onMoved, onError: serverErrors.show });
  };

  return (
    <FormDialog
      form={form}
      title={t('object.moveTitle', { name: object.name })}
      okText={t('object.move')}
      sending={move.isPending}
      problem={serverErrors.problem}
      // Only a contract is chosen here: nothing typed is lost by a click beside the dialog.
      maskClosable
      onOk={() => form.submit()}
      onCancel={onClose}
    >
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
    </FormDialog>
  );
}
