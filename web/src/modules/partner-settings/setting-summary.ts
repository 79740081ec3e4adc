import type { TFunction } from 'i18next';
import { localized } from './catalogue-texts';
import type { PartnerSetting, SettingDefinition, SettingFieldDefinition } from './settings-types';

function displayField(
  field: SettingFieldDefinition,
  value: unknown,
  t: TFunction,
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

/** A setting's value in one line for the table: every filled field with its label; a stored secret only as ••••. */
export function settingSummary(
  definition: SettingDefinition,
  setting: PartnerSetting,
  t: TFunction,
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
