import { Alert, App, Button, Checkbox, Form, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { useServerErrors } from '../../ui/use-server-errors';
import { description, localized } from './catalogue-texts';
import { settingFieldInput } from './setting-field-input';
import { initialValue, valueToSend } from './setting-values';
import { useSaveSetting } from './settings-api';
import type {
  PartnerSetting,
  SettingDefinition,
  SettingFieldDefinition,
  SettingFormValues,
} from './settings-types';

interface SettingEditorProps {
  partnerId: number;
  definitions: SettingDefinition[];
  /** The keys that may be added: the catalogue's keys the partner has not set yet. */
  addable: SettingDefinition[];
  /** null: adding a setting. */
  setting: PartnerSetting | null;
  onClose: () => void;
}

/** The API's errors on the key and the value (`value.port`) go under those inputs. */
const formFieldOf = (apiField: string) =>
  apiField === 'key' || apiField === 'value' || apiField.startsWith('value.')
    ? apiField.split('.')
    : undefined;

/** The small form of one setting: choose the key (when adding), then the fields of its value. */
export function SettingEditor({ partnerId, definitions, addable, setting, onClose }: SettingEditorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingFormValues>();
  const save = useSaveSetting(partnerId);
  const serverErrors = useServerErrors({
    form,
    fieldOf: formFieldOf,
    networkError: t('settings.networkError'),
  });
  const watchedKey = Form.useWatch('key', form);
  const key = setting?.key ?? watchedKey;
  const definition = definitions.find((candidate) => candidate.key === key);
  const title =
    setting && definition
      ? `${t('settings.editTitle')}: ${localized(language, definition)}`
      : t('settings.addTitle');

  const submit = async (values: SettingFormValues) => {
    if (!definition) return;
    serverErrors.clearProblem();
    try {
      await save.mutateAsync({
        key: definition.key,
        value: valueToSend(definition, values),
        version: setting?.version,
      });
      void message.success(t('settings.saved'));
      onClose();
    } catch (error) {
      // Someone else changed or removed the setting meanwhile: the list shows it as it is now.
      if (error instanceof ApiError && error.status === 409) {
        void message.warning(t('settings.conflict'));
        onClose();
        return;
      }
      serverErrors.show(error);
    }
  };

  const formName = `partner-${partnerId}-setting`;
  const firstField = setting && definition ? definition.fields[0] : undefined;
  // Ant Design's input ids: the form's name and the field's path joined by "_".
  const firstInputId = !firstField
    ? `${formName}_key`
    : firstField.name === null
      ? `${formName}_value`
      : `${formName}_value_${firstField.name}`;

  const required = (field: SettingFieldDefinition) =>
    field.type !== 'boolean' &&
    field.required &&
    !(field.secret && setting?.secretsSet.includes(field.name ?? ''));

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={null}
      width={560}
      maskClosable={false}
      // The dialog takes the focus when it opens; hand it to the first input, so typing starts at once.
      afterOpenChange={(open) => {
        if (open) document.getElementById(firstInputId)?.focus();
      }}
    >
      <Form<SettingFormValues>
        form={form}
        name={formName}
        layout="vertical"
        initialValues={
          setting && definition ? { key: setting.key, value: initialValue(definition, setting) } : undefined
        }
        onValuesChange={(changed: SettingFormValues) => {
          if (!('key' in changed)) return;
          const chosen = definitions.find((candidate) => candidate.key === changed.key);
          form.setFieldValue('value', chosen ? initialValue(chosen, null) : undefined);
          form.setFieldValue('clearSecrets', {});
          serverErrors.clearProblem();
        }}
        onFinish={(values) => void submit(values)}
      >
        {setting === null && (
          <Form.Item
            name="key"
            label={t('settings.key')}
            rules={[{ required: true, message: t('settings.required') }]}
          >
            <Select
              placeholder={t('settings.keyPlaceholder')}
              showSearch
              optionFilterProp="label"
              options={addable.map((candidate) => ({
                value: candidate.key,
                label: localized(language, candidate),
              }))}
            />
          </Form.Item>
        )}
        {definition && (
          <Typography.Paragraph type="secondary">{description(language, definition)}</Typography.Paragraph>
        )}
        {definition?.fields.map((field) => {
          const secretSet = field.secret && (setting?.secretsSet.includes(field.name ?? '') ?? false);
          const name = field.name === null ? 'value' : ['value', field.name];
          return (
            <div key={field.name ?? 'value'}>
              <Form.Item
                name={name}
                label={localized(language, field)}
                extra={description(language, field)}
                valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
                rules={required(field) ? [{ required: true, message: t('settings.required') }] : []}
              >
                {settingFieldInput(field, language, secretSet, t)}
              </Form.Item>
              {secretSet && !field.required && (
                <Form.Item name={['clearSecrets', field.name ?? '']} valuePropName="checked">
                  <Checkbox>{t('settings.clearSecret')}</Checkbox>
                </Form.Item>
              )}
            </div>
          );
        })}
        {serverErrors.problem && (
          <Alert
            type="error"
            showIcon
            message={serverErrors.problem}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('settings.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!definition}>
            {setting ? t('settings.update') : t('settings.add')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
