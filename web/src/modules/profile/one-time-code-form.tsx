import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { fieldsNamed } from '../../ui/server-errors';
import { useServerErrors } from '../../ui/use-server-errors';

interface OneTimeCodeFormProps {
  /** The form's name, which also makes its field's id unique on the page. */
  name: string;
  label: string;
  hint: string;
  submitText: string;
  danger?: boolean;
  onSubmit: (code: string) => Promise<unknown>;
}

/** One code field and its button: what enabling and turning off both ask for. */
export function OneTimeCodeForm({ name, label, hint, submitText, danger, onSubmit }: OneTimeCodeFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const errors = useServerErrors({ form, fieldOf: fieldsNamed(['code']) });
  const submit = async ({ code }: { code: string }) => {
    errors.clear();
    try {
      await onSubmit(code.trim());
    } catch (caught) {
      errors.show(caught);
    }
  };
  return (
    <Form
      form={form}
      name={name}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      requiredMark={false}
    >
      <Form.Item
        label={label}
        name="code"
        extra={hint}
        rules={[{ required: true, whitespace: true, message: t('profile.twoFactor.codeRequired') }]}
      >
        <Input autoComplete="one-time-code" spellCheck={false} maxLength={64} style={{ maxWidth: 280 }} />
      </Form.Item>
      <ProblemAlert problem={errors.problem} />
      <Button type="primary" danger={danger} htmlType="submit">
        {submitText}
      </Button>
    </Form>
  );
}
