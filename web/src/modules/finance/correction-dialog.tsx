import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../ui/form-dialog';
import { formatDay } from '../../ui/format-day';
import { fieldsNamed } from '../../ui/server-errors';
import { useServerErrors } from '../../ui/use-server-errors';
import { useCorrectTransfer } from './finance-api';
import type { ChargeObject, Transfer } from './finance-types';
import { useIdempotencyKey } from './idempotency-key';

interface CorrectionDialogProps {
  transfer: Transfer;
  /** One object's day of a charge to refund instead of the whole transfer. */
  object?: ChargeObject;
  onClose: () => void;
  onDone: () => void;
}

/** Correct: the transfer is reversed by an opposite one (never edited); the reason is required. */
export function CorrectionDialog({ transfer, object, onClose, onDone }: CorrectionDialogProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const correct = useCorrectTransfer();
  const keyFor = useIdempotencyKey();
  const serverErrors = useServerErrors({ form, fieldOf: fieldsNamed(['comment']) });
  const field = t('finance.fields.correctionComment');

  const submit = ({ comment }: { comment: string }) => {
    serverErrors.clearProblem();
    const body = { transferId: transfer.id, objectId: object?.objectId, comment: comment.trim() };
    correct.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      { onSuccess: onDone, onError: serverErrors.show },
    );
  };

  return (
    <FormDialog
      form={form}
      title={t('finance.correction.title')}
      okText={t('finance.correction.submit')}
      sending={correct.isPending}
      problem={serverErrors.problem}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {object
          ? t('finance.correction.objectHint', {
              object: object.objectName,
              amount: `${object.amount} ${transfer.currency}`,
              date: transfer.chargeDay ? formatDay(transfer.chargeDay, i18n.language) : '',
            })
          : t('finance.correction.hint', {
              kind: t(`finance.kinds.${transfer.kind}`),
              amount: `${transfer.amount} ${transfer.currency}`,
              date: formatDay(transfer.valueDate, i18n.language),
            })}
      </Typography.Paragraph>
      <Form form={form} name="finance-correction" layout="vertical" onFinish={submit}>
        <Form.Item
          label={field}
          name="comment"
          rules={[{ required: true, whitespace: true, message: t('errors.required', { field }) }]}
          required
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
