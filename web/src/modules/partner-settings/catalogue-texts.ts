import type { SettingDefinition } from './settings-types';

/** A text of the catalogue in the person's language. */
export function localized(
  language: string,
  item: { labelEn: string; labelRu: string } | { descriptionEn: string | null; descriptionRu: string | null },
): string {
  if ('labelEn' in item) return language === 'ru' ? item.labelRu : item.labelEn;
  return (language === 'ru' ? item.descriptionRu : item.descriptionEn) ?? '';
}

/** A setting's or field's description in the person's language; undefined when it has none. */
export const description = (
  language: string,
  item: { descriptionEn: string | null; descriptionRu: string | null },
) =>
  localized(language, { descriptionEn: item.descriptionEn, descriptionRu: item.descriptionRu }) || undefined;

/**
 * The label of a settings field as the API names it in errors and History: `settings.smtp.port`,
 * `value.port` (with the key given) or `settings.support_url` → "Outgoing mail (SMTP) › Port".
 * Undefined when the path names no known setting.
 */
export function settingFieldLabel(
  catalogue: SettingDefinition[] | undefined,
  path: string,
  language: string,
  key?: string,
): string | undefined {
  const parts = path.split('.');
  let settingKey: string | undefined;
  let fieldName: string | undefined;
  if (parts[0] === 'settings') [, settingKey, fieldName] = parts;
  else if (parts[0] === 'value') [settingKey, fieldName] = [key, parts[1]];
  const definition = catalogue?.find((candidate) => candidate.key === settingKey);
  if (!definition) return undefined;
  const field = fieldName === undefined ? undefined : definition.fields.find((f) => f.name === fieldName);
  const label = localized(language, definition);
  return field ? `${label} › ${localized(language, field)}` : label;
}
