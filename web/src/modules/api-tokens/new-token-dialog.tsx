import { DatePicker, Form, Input, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../ui/form-dialog';
import { dayInputFormats } from '../../ui/format-day';
import { useServerErrors } from '../../ui/use-server-errors';
import type { MadeApiToken } from './api-token-types';
import { useCreateApiToken, useOwnRights } from './api-tokens-api';
import { TokenRights } from './token-rights';

interface NewTokenValues {
  name: string;
  /** The last day the token works; null: it never expires. */
  expiresAt: Dayjs | null;
  rights: string[];
}

interface NewTokenDialogProps {
  onClose: () => void;
  onMade: (made: MadeApiToken) => void;
}

/** The form's fields are named as the API's; an error on one right (rights/0) is told under Rights. */
const fieldOf = (apiField: string) =>
  apiField === 'name' || apiField === 'expiresAt'
    ? apiField
    : /^rights\b/.test(apiField)
      ? 'rights'
      : undefined;

/**
 * New token: a name to recognise it by, an optional last day, and its rights, offered from the
 * user's own (a token never holds more than its owner).
 */
export function NewTokenDialog({ onClose, onMade }: NewTokenDialogProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<NewTokenValues>();
  const ownRights = useOwnRights();
  const create = useCreateApiToken();
  const serverErrors = useServerErrors({ form, fieldOf });
  const label = (name: string) => t(`apiTokens.form.${name}`);

  const submit = (values: NewTokenValues) => {
    serverErrors.clearProblem();
    create.mutate(
      {
        name: values.name,
        rights: values.rights,
        // The chosen day is the last one the token works, to its end in the user's time zone.
        expiresAt: values.expiresAt ? values.expiresAt.endOf('day').toISOString() : null,
      },
      { onSuccess: onMade, onError: serverErrors.show },
    );
  };

  return (
    <FormDialog
      form={form}
      title={t('apiTokens.newTitle')}
      okText={t('apiTokens.create')}
      sending={create.isPending}
      problem={serverErrors.problem ?? (ownRights.isError ? t('common.networkError') : null)}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<NewTokenValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: '', expiresAt: null, rights: [] }}
      >
        <Form.Item
          label={label('name')}
          name="name"
          rules={[{ required: true, message: t('errors.required', { field: label('name') }) }]}
          extra={label('nameHint')}
          required
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item label={label('expiresAt')} name="expiresAt" extra={label('expiresAtHint')}>
          <DatePicker
            format={dayInputFormats(i18n.language)}
            style={{ width: '100%' }}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item label={label('rights')} name="rights" extra={label('rightsHint')}>
          {ownRights.data ? (
            <TokenRights held={ownRights.data} />
          ) : (
            <Skeleton active paragraph={{ rows: 3 }} />
          )}
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
