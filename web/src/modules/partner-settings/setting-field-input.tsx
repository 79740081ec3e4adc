import { Input, InputNumber, Select, Switch } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { localized } from './catalogue-texts';
import type { SettingFieldDefinition } from './settings-types';

/** Examples of the expected format, the same in every language. */
const placeholders: Record<string, string> = {
  https_url: 'https://support.example.com',
  hostname: 'smtp.example.com',
  email: 'noreply@example.com',
  telegram_token: '123456789:AAE…',
  telegram_bot_name: 'MyCompanyBot',
  network_list: '10.0.0.0/8, 192.0.2.1',
};

/**
 * The input of one field of a setting's value, by the field's type. An element, not a component: the
 * Form.Item holding it hands the input its value and change handler directly.
 */
export function settingFieldInput(
  field: SettingFieldDefinition,
  language: string,
  /** A secret is stored already: an empty input keeps it. */
  secretSet: boolean,
  t: TFunction,
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
