import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import {
  exportSettings,
  localized,
  settingFieldLabel,
  useDeleteSetting,
  useImportSettings,
  usePartnerSettings,
  useSaveSetting,
  useSettingCatalogue,
  type PartnerSetting,
  type SettingDefinition,
  type SettingFieldDefinition,
} from './settings-api';

type Translate = ReturnType<typeof useTranslation>['t'];

interface FormValues {
  key?: string;
  value?: unknown;
  /** Optional secrets the person asked to remove (an empty input keeps the saved one). */
  clearSecrets?: Record<string, boolean>;
}

/** Examples of the expected format, the same in every language. */
const placeholders: Record<string, string> = {
  https_url: 'https://support.example.com',
  hostname: 'smtp.example.com',
  email: 'noreply@example.com',
  telegram_token: '123456789:AAE…',
  telegram_bot_name: 'MyCompanyBot',
};

const description = (
  language: string,
  item: { descriptionEn: string | null; descriptionRu: string | null },
) =>
  localized(language, { descriptionEn: item.descriptionEn, descriptionRu: item.descriptionRu }) || undefined;

function displayField(
  field: SettingFieldDefinition,
  value: unknown,
  t: Translate,
  language: string,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field.type === 'boolean') return value ? t('settings.yes') : t('settings.no');
  if (field.type === 'enum') {
    const option = field.options.find((candidate) => candidate.value === value);
    if (option) return localized(language, option);
  }
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** One line for the table: every filled field with its label; a stored secret only as ••••. */
function summary(
  definition: SettingDefinition,
  setting: PartnerSetting,
  t: Translate,
  language: string,
): string {
  if (definition.shape === 'scalar')
    return displayField(definition.fields[0]!, setting.value, t, language) ?? '—';
  const value = (setting.value ?? {}) as Record<string, unknown>;
  const parts = definition.fields.flatMap((field) => {
    const name = field.name ?? '';
    const shown = field.secret
      ? setting.secretsSet.includes(name)
        ? t('settings.secretMask')
        : null
      : displayField(field, value[name], t, language);
    return shown === null ? [] : [`${localized(language, field)}: ${shown}`];
  });
  return parts.join('; ') || '—';
}

const defaultOf = (field: SettingFieldDefinition) =>
  field.default ?? (field.type === 'boolean' ? false : undefined);

/** The form's starting values: a new setting's defaults, or the stored value with secret inputs empty. */
function initialValue(definition: SettingDefinition, setting: PartnerSetting | null): unknown {
  if (definition.shape === 'scalar') return setting ? setting.value : defaultOf(definition.fields[0]!);
  const stored = (setting?.value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    definition.fields.map((field) => {
      const name = field.name ?? '';
      if (field.secret) return [name, undefined];
      return [name, setting ? (stored[name] ?? undefined) : defaultOf(field)];
    }),
  );
}

/**
 * The value to send. Secrets are write-only: an empty secret input is left out, so the server keeps
 * the saved one; "Remove the saved value" sends an empty string, which clears it.
 */
function valueToSend(definition: SettingDefinition, values: FormValues): unknown {
  if (definition.shape === 'scalar') {
    const value = values.value;
    return value === undefined || value === '' ? null : value;
  }
  const input = (values.value ?? {}) as Record<string, unknown>;
  const output: Record<string, unknown> = {};
  for (const field of definition.fields) {
    const name = field.name ?? '';
    const raw = input[name];
    if (field.secret) {
      if (values.clearSecrets?.[name]) output[name] = '';
      else if (typeof raw === 'string' && raw !== '') output[name] = raw;
      continue;
    }
    output[name] = raw === undefined || raw === '' ? null : raw;
  }
  return output;
}

function fieldInput(
  field: SettingFieldDefinition,
  language: string,
  secretSet: boolean,
  t: Translate,
): ReactElement {
  switch (field.type) {
    case 'boolean':
      return <Switch />;
    case 'integer':
      return (
        <InputNumber
          min={field.minimum ?? undefined}
          max={field.maximum ?? undefined}
          precision={0}
          style={{ width: '100%' }}
        />
      );
    case 'enum':
      return (
        <Select
          options={field.options.map((option) => ({
            value: option.value,
            label: localized(language, option),
          }))}
        />
      );
    case 'string':
      if (field.secret) {
        return (
          <Input.Password
            autoComplete="new-password"
            maxLength={field.maxLength ?? undefined}
            placeholder={secretSet ? t('settings.secretKeep') : undefined}
          />
        );
      }
      return (
        <Input
          type={field.format === 'email' ? 'email' : field.format === 'https_url' ? 'url' : 'text'}
          maxLength={field.maxLength ?? undefined}
          placeholder={field.format ? placeholders[field.format] : undefined}
          autoComplete="off"
        />
      );
  }
}

interface EditorProps {
  partnerId: number;
  definitions: SettingDefinition[];
  /** The keys that may be added: the catalogue's keys the partner has not set yet. */
  addable: SettingDefinition[];
  /** null: adding a setting. */
  setting: PartnerSetting | null;
  onClose: () => void;
}

/** The small form of one setting: choose the key (when adding), then the fields of its value. */
function SettingEditor({ partnerId, definitions, addable, setting, onClose }: EditorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveSetting(partnerId);
  const [problem, setProblem] = useState<string | null>(null);
  const watchedKey = Form.useWatch('key', form);
  const key = setting?.key ?? watchedKey;
  const definition = definitions.find((candidate) => candidate.key === key);
  const title =
    setting && definition
      ? `${t('settings.editTitle')}: ${localized(language, definition)}`
      : t('settings.addTitle');

  const submit = async (values: FormValues) => {
    if (!definition) return;
    setProblem(null);
    try {
      await save.mutateAsync({
        key: definition.key,
        value: valueToSend(definition, values),
        version: setting?.version,
      });
      void message.success(t('settings.saved'));
      onClose();
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setProblem(t('settings.networkError'));
        return;
      }
      if (error.status === 409) {
        void message.warning(t('settings.conflict'));
        onClose();
        return;
      }
      const onForm = error.errors.filter(
        (entry) => entry.field === 'key' || entry.field === 'value' || entry.field.startsWith('value.'),
      );
      form.setFields(onForm.map((entry) => ({ name: entry.field.split('.'), errors: [entry.message] })));
      const elsewhere = error.errors.filter((entry) => !onForm.includes(entry));
      if (onForm.length === 0 || elsewhere.length > 0) {
        setProblem([error.title, ...elsewhere.map((entry) => entry.message)].join(' '));
      }
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
      <Form<FormValues>
        form={form}
        name={formName}
        layout="vertical"
        initialValues={
          setting && definition ? { key: setting.key, value: initialValue(definition, setting) } : undefined
        }
        onValuesChange={(changed: FormValues) => {
          if (!('key' in changed)) return;
          const chosen = definitions.find((candidate) => candidate.key === changed.key);
          form.setFieldValue('value', chosen ? initialValue(chosen, null) : undefined);
          form.setFieldValue('clearSecrets', {});
          setProblem(null);
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
                {fieldInput(field, language, secretSet, t)}
              </Form.Item>
              {secretSet && !field.required && (
                <Form.Item name={['clearSecrets', field.name ?? '']} valuePropName="checked">
                  <Checkbox>{t('settings.clearSecret')}</Checkbox>
                </Form.Item>
              )}
            </div>
          );
        })}
        {problem && (
          <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" />
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

interface PendingImport {
  file: string;
  content: unknown;
  keys: string[];
}

/**
 * The partner card's Configuration tab: the partner's settings from the catalogue, each with Edit and
 * Delete; Add, Export (a JSON file, secrets left out) and Import (all or nothing).
 */
export function ConfigurationTab({ partnerId }: { partnerId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const catalogue = useSettingCatalogue();
  const settings = usePartnerSettings(partnerId);
  const remove = useDeleteSetting(partnerId);
  const importSettings = useImportSettings(partnerId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<{ setting: PartnerSetting | null } | null>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const [importProblems, setImportProblems] = useState<string[] | null>(null);

  const definitions = catalogue.data?.items ?? [];
  const items = settings.data?.items ?? [];
  const definitionOf = (key: string) => definitions.find((definition) => definition.key === key);
  const labelOf = (key: string) => {
    const definition = definitionOf(key);
    return definition ? localized(language, definition) : key;
  };
  const addable = definitions.filter((definition) => !items.some((item) => item.key === definition.key));

  const deleteSetting = async (setting: PartnerSetting) => {
    try {
      await remove.mutateAsync({ key: setting.key, version: setting.version });
      void message.success(t('settings.deleted'));
    } catch (error) {
      if (!(error instanceof ApiError)) void message.error(t('settings.networkError'));
      else
        void message.error(
          error.status === 409 || error.status === 404 ? t('settings.conflict') : error.title,
        );
    }
  };

  const download = async () => {
    try {
      await exportSettings(partnerId);
    } catch {
      void message.error(t('settings.exportFailed'));
    }
  };

  const readFile = async (file: File) => {
    setImportProblems(null);
    let content: unknown;
    try {
      content = JSON.parse(await file.text());
    } catch {
      content = null;
    }
    const part = (content as { settings?: unknown } | null)?.settings;
    if (typeof part !== 'object' || part === null || Array.isArray(part)) {
      setImportProblems([t('settings.notJson', { file: file.name })]);
      return;
    }
    setPendingImport({ file: file.name, content, keys: Object.keys(part) });
  };

  const runImport = async () => {
    if (!pendingImport) return;
    try {
      await importSettings.mutateAsync(pendingImport.content);
      void message.success(t('settings.imported', { count: pendingImport.keys.length }));
    } catch (error) {
      if (!(error instanceof ApiError)) setImportProblems([t('settings.networkError')]);
      else if (error.errors.length === 0) setImportProblems([error.title]);
      else {
        setImportProblems(
          error.errors.map((entry) => {
            const label =
              settingFieldLabel(definitions, entry.field, language) ?? entry.field.replace(/^settings\./, '');
            return `${label}: ${entry.message}`;
          }),
        );
      }
    } finally {
      setPendingImport(null);
    }
  };

  return (
    <div>
      <Space role="toolbar" aria-label={t('settings.toolbar')} wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={catalogue.isLoading || settings.isLoading || addable.length === 0}
          title={addable.length === 0 && !catalogue.isLoading ? t('settings.allSet') : undefined}
          onClick={() => setEditing({ setting: null })}
        >
          {t('settings.add')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void download()}>
          {t('settings.export')}
        </Button>
        <Button
          icon={<UploadOutlined />}
          loading={importSettings.isPending}
          onClick={() => fileInput.current?.click()}
        >
          {t('settings.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={t('settings.importFileLabel')}
          tabIndex={-1}
          style={{ display: 'none' }}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void readFile(file);
          }}
        />
      </Space>

      {importProblems && (
        <Alert
          type="error"
          showIcon
          closable
          role="alert"
          style={{ marginBottom: 12 }}
          onClose={() => setImportProblems(null)}
          message={t('settings.importErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {importProblems.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      )}
      {(settings.isError || catalogue.isError) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={t('settings.loadFailed')}
        />
      )}

      <Table<PartnerSetting>
        rowKey="key"
        size="small"
        loading={settings.isLoading || catalogue.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('settings.empty') }}
        columns={[
          {
            title: t('settings.columns.setting'),
            dataIndex: 'key',
            width: '30%',
            render: (key: string) => {
              const definition = definitionOf(key);
              return (
                <>
                  <div>{labelOf(key)}</div>
                  {definition && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {description(language, definition)}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          {
            title: t('settings.columns.value'),
            key: 'value',
            render: (_: unknown, setting) => {
              const definition = definitionOf(setting.key);
              return (
                <span style={{ wordBreak: 'break-word' }}>
                  {definition ? summary(definition, setting, t, language) : '—'}
                </span>
              );
            },
          },
          {
            title: t('settings.columns.updatedAt'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString(language),
          },
          {
            title: t('settings.columns.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, setting) => {
              const name = labelOf(setting.key);
              return (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('settings.editNamed', { name })}
                    disabled={!definitionOf(setting.key)}
                    onClick={() => setEditing({ setting })}
                  >
                    {t('settings.edit')}
                  </Button>
                  <Popconfirm
                    title={t('settings.deleteConfirm', { name })}
                    okText={t('settings.delete')}
                    cancelText={t('settings.cancel')}
                    okButtonProps={{ danger: true, loading: remove.isPending }}
                    onConfirm={() => void deleteSetting(setting)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('settings.deleteNamed', { name })}
                    >
                      {t('settings.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />

      {editing && (
        <SettingEditor
          partnerId={partnerId}
          definitions={definitions}
          addable={addable}
          setting={editing.setting}
          onClose={() => setEditing(null)}
        />
      )}

      <Modal
        open={pendingImport !== null}
        title={pendingImport ? t('settings.importConfirmTitle', { file: pendingImport.file }) : undefined}
        okText={t('settings.import')}
        cancelText={t('settings.cancel')}
        confirmLoading={importSettings.isPending}
        onOk={() => void runImport()}
        onCancel={() => setPendingImport(null)}
      >
        <Typography.Paragraph>
          {pendingImport && pendingImport.keys.length > 0
            ? t('settings.importConfirmKeys', { keys: pendingImport.keys.map(labelOf).join(', ') })
            : t('settings.importConfirmNoKeys')}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
