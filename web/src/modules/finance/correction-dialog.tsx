import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dialogProblem } from './dialog-errors';
import { useCorrectTransfer } from './finance-api';
import type { Transfer } from './finance-types';
import { useIdempotencyKey } from './idempotency-key';

interface CorrectionDialogProps {
  transfer: Transfer;
  onClose: () => void;
  onDone: () => void;
}

/** Correct: the transfer is reversed by an opposite one (never edited); the reason is required. */
export function CorrectionDialog({ transfer, onClose, onDone }: CorrectionDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const correct = useCorrectTransfer();
  const keyFor = useIdempotencyKey();
  const [problem, setProblem] = useState<string | null>(null);
  const field = t('finance.fields.correctionComment');

  const submit = ({ comment }: { comment: string }) => {
    setProblem(null);
    const body = { transferId: transfer.id, comment: comment.trim() };
    correct.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      { onSuccess: onDone, onError: (error) => setProblem(dialogProblem(t, form, error, ['comment'])) },
    );
  };

  return (
    <Modal
      open
      title={t('finance.correction.title')}
      okText={t('finance.correction.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={correct.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      {problem && <Alert role="alert" type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        {t('finance.correction.hint', {
          kind: t(`finance.kinds.${transfer.kind}`),
          amount: `${transfer.amount} ${transfer.currency}`,
          date: transfer.valueDate,
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
    </Modal>
  );
}
