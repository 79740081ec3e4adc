import { useQuery } from '@tanstack/react-query';
import { apiDownload, apiGet, apiRequest } from '../../app/api-client';
import { partnerKeys, referenceKeys } from '../../app/query-keys';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PartnerSetting, SettingDefinition } from './settings-types';

const settingPath = (partnerId: number, key: string) =>
  `/partners/${partnerId}/settings/${encodeURIComponent(key)}`;

export const useSettingCatalogue = () =>
  useQuery({
    queryKey: referenceKeys.settingCatalogue(),
    queryFn: () => apiGet<{ items: SettingDefinition[] }>('/reference/setting-keys'),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export const usePartnerSettings = (partnerId: number) =>
  useQuery({
    queryKey: partnerKeys.settings(partnerId),
    queryFn: () => apiGet<{ items: PartnerSetting[] }>(`/partners/${partnerId}/settings`),
  });

/** After any change: the list and the partner's History (which records it) are stale. */
const changedBySettings = (partnerId: number) => [
  partnerKeys.settings(partnerId),
  partnerKeys.history(partnerId),
];

/** Adds (no version) or changes (the version read) one setting. */
export const useSaveSetting = (partnerId: number) =>
  useInvalidatingMutation(
    ({ key, value, version }: { key: string; value: unknown; version?: number }) =>
      apiRequest<PartnerSetting>('PUT', settingPath(partnerId, key), {
        value,
        ...(version === undefined ? {} : { version }),
      }),
    changedBySettings(partnerId),
    // A conflict (409) means the list is stale too.
    { evenOnError: true },
  );

export const useDeleteSetting = (partnerId: number) =>
  useInvalidatingMutation(
    ({ key, version }: { key: string; version: number }) =>
      apiRequest<undefined>('DELETE', `${settingPath(partnerId, key)}?version=${version}`),
    changedBySettings(partnerId),
    { evenOnError: true },
  );

/** Posts the content of an export file; the server checks all of it and saves all or nothing. */
export const useImportSettings = (partnerId: number) =>
  useInvalidatingMutation(
    (file: unknown) =>
      apiRequest<{ items: PartnerSetting[] }>('POST', `/partners/${partnerId}/settings/import`, file),
    changedBySettings(partnerId),
  );

export const exportSettings = (partnerId: number) =>
  apiDownload(`/partners/${partnerId}/settings/export`, `partner-${partnerId}-settings.json`);
