import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiGet, apiRequest } from '../../app/api-client';

/** One input of a setting's value, as the catalogue (GET /reference/setting-keys) describes it. */
export interface SettingFieldDefinition {
  /** The property of an object-shaped value; null when the value itself is this one field. */
  name: string | null;
  type: 'string' | 'integer' | 'boolean' | 'enum';
  required: boolean;
  /** Write-only: the API never returns it (null), it names it in secretsSet when one is stored. */
  secret: boolean;
  labelEn: string;
  labelRu: string;
  descriptionEn: string | null;
  descriptionRu: string | null;
  maxLength: number | null;
  minimum: number | null;
  maximum: number | null;
  format: string | null;
  options: { value: string; labelEn: string; labelRu: string }[];
  default: unknown;
}

export interface SettingDefinition {
  key: string;
  labelEn: string;
  labelRu: string;
  descriptionEn: string;
  descriptionRu: string;
  shape: 'scalar' | 'object';
  fields: SettingFieldDefinition[];
}

export interface PartnerSetting {
  key: string;
  value: unknown;
  secretsSet: string[];
  version: number;
  updatedAt: string;
}

/** A text of the catalogue in the person's language. */
export function localized(
  language: string,
  item: { labelEn: string; labelRu: string } | { descriptionEn: string | null; descriptionRu: string | null },
): string {
  if ('labelEn' in item) return language === 'ru' ? item.labelRu : item.labelEn;
  return (language === 'ru' ? item.descriptionRu : item.descriptionEn) ?? '';
}

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

const settingsKey = (partnerId: number) => ['partners', 'settings', partnerId] as const;

export const useSettingCatalogue = () =>
  useQuery({
    queryKey: ['reference', 'setting-keys'],
    queryFn: () => apiGet<{ items: SettingDefinition[] }>('/reference/setting-keys'),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export const usePartnerSettings = (partnerId: number) =>
  useQuery({
    queryKey: settingsKey(partnerId),
    queryFn: () => apiGet<{ items: PartnerSetting[] }>(`/partners/${partnerId}/settings`),
  });

/** After any change: the list and the partner's History (which records it) are stale. */
function useInvalidateSettings(partnerId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKey(partnerId) }),
      queryClient.invalidateQueries({ queryKey: ['partners', 'history', partnerId] }),
    ]);
}

/** Adds (no version) or changes (the version read) one setting. */
export function useSaveSetting(partnerId: number) {
  const invalidate = useInvalidateSettings(partnerId);
  return useMutation({
    mutationFn: ({ key, value, version }: { key: string; value: unknown; version?: number }) =>
      apiRequest<PartnerSetting>('PUT', `/partners/${partnerId}/settings/${encodeURIComponent(key)}`, {
        value,
        ...(version === undefined ? {} : { version }),
      }),
    // A conflict (409) means the list is stale too.
    onSettled: invalidate,
  });
}

export function useDeleteSetting(partnerId: number) {
  const invalidate = useInvalidateSettings(partnerId);
  return useMutation({
    mutationFn: ({ key, version }: { key: string; version: number }) =>
      apiRequest<undefined>(
        'DELETE',
        `/partners/${partnerId}/settings/${encodeURIComponent(key)}?version=${version}`,
      ),
    onSettled: invalidate,
  });
}

/** Posts the content of an export file; the server checks all of it and saves all or nothing. */
export function useImportSettings(partnerId: number) {
  const invalidate = useInvalidateSettings(partnerId);
  return useMutation({
    mutationFn: (file: unknown) =>
      apiRequest<{ items: PartnerSetting[] }>('POST', `/partners/${partnerId}/settings/import`, file),
    onSuccess: invalidate,
  });
}

export const exportSettings = (partnerId: number) =>
  apiDownload(`/partners/${partnerId}/settings/export`, `partner-${partnerId}-settings.json`);
