import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { decimalText } from '../../ui/decimal-text';
import { FormDialog } from '../../ui/form-dialog';
import { dayInputFormats } from '../../ui/format-day';
import { amountInput } from '../../ui/input-presets';
import { fieldsNamed } from '../../ui/server-errors';
import { useServerErrors } from '../../ui/use-server-errors';
import { usePostMoney } from './finance-api';
import type { AccountOwner, MoneyAction, Transfer } from './finance-types';
import { useIdempotencyKey } from './idempotency-key';
import { amountRules } from './money-rules';

interface MoneyDialogProps {
  action: MoneyAction;
  owner: AccountOwner;
  currency: string | undefined;
  onClose: () => void;
  onDone: (transfer: Transfer) => void;
}

interface MoneyFormValues {
  amount: string;
  valueDate: Dayjs | null;
  comment?: string;
}

const fields = ['amount', 'valueDate', 'comment'] as const;

/** Add payment or Write off: an amount in the account's currency, its date (today or before), a comment. */
export function MoneyDialog({ action, owner, currency, onClose, onDone }: MoneyDialogProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<MoneyFormValues>();
  const post = usePostMoney();
  const keyFor = useIdempotencyKey();
  const serverErrors = useServerErrors({ form, fieldOf: fieldsNamed(fields) });
  const label = (name: string) => t(`finance.fields.${name}`);

  const submit = (values: MoneyFormValues) => {
    serverErrors.clearProblem();
    const comment = values.comment?.trim();
    const body = {
      amount: decimalText(values.amount),
      valueDate: (values.valueDate ?? dayjs()).format('YYYY-MM-DD'),
      ...(comment ? { comment } : {}),
    };
    post.mutate(
      { action, owner, values: body, idempotencyKey: keyFor({ action, owner, body }) },
      { onSuccess: onDone, onError: serverErrors.show },
    );
  };

  return (
    <FormDialog
      form={form}
      title={t(`finance.${action}.title`)}
      okText={t(`finance.${action}.submit`)}
      sending={post.isPending}
      problem={serverErrors.problem}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<MoneyFormValues>
        form={form}
        name={`finance-${action}`}
        layout="vertical"
        onFinish={submit}
        initialValues={{ amount: '', valueDate: dayjs() }}
      >
        <Form.Item label={label('amount')} name="amount" rules={amountRules(t)} required>
          <Input {...amountInput} autoFocus suffix={currency} />
        </Form.Item>
        <Form.Item
          label={label('valueDate')}
          name="valueDate"
          rules={[{ required: true, message: t('errors.required', { field: label('valueDate') }) }]}
          required
        >
          <DatePicker
            format={dayInputFormats(i18n.language)}
            allowClear={false}
            style={{ width: '100%' }}
            // Money is recorded on the day it moved: today or before, never ahead.
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item label={label('comment')} name="comment">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
