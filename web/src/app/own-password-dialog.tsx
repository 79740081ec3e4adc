import { useMutation } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../ui/form-dialog';
import { PasswordField } from '../ui/password-field';
import { useServerErrors } from '../ui/use-server-errors';
import { apiRequest } from './api-client';

interface OwnPasswordValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/**
 * The signed-in user's own password, from the header: the current one, the new one twice. The server
 * checks the current one and the rule the user's kind has; the user's other sessions end.
 */
export function OwnPasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OwnPasswordValues>();
  const serverErrors = useServerErrors({ form });
  const change = useMutation({
    mutationFn: (values: Omit<OwnPasswordValues, 'repeatPassword'>) =>
      apiRequest<null>('PUT', '/auth/password', values),
  });
  const label = (name: string) => t(`ownPassword.${name}`);

  const submit = ({ currentPassword, newPassword }: OwnPasswordValues) => {
    serverErrors.clear();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(label('changed'));
          onClose();
        },
        onError: serverErrors.show,
      },
    );
  };

  return (
    <FormDialog
      form={form}
      title={label('title')}
      okText={label('submit')}
      sending={change.isPending}
      problem={serverErrors.problem}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<OwnPasswordValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ currentPassword: '', newPassword: '', repeatPassword: '' }}
      >
        <Form.Item
          label={label('currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('errors.required', { field: label('currentPassword') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={label('newPassword')}
          name="newPassword"
          extra={label('newPasswordHint')}
          rules={[{ required: true, message: t('errors.required', { field: label('newPassword') }) }]}
        >
          <PasswordField />
        </Form.Item>
        <Form.Item
          label={label('repeatPassword')}
          name="repeatPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('errors.required', { field: label('repeatPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(label('mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
