import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { settingFieldLabel } from './catalogue-texts';
import { useImportSettings } from './settings-api';
import type { SettingDefinition } from './settings-types';

/** A file read and found to hold settings, waiting for the person to confirm the import. */
export interface PendingImport {
  file: string;
  content: unknown;
  keys: string[];
}

/**
 * Import of a settings file: the file is read in the browser and must hold a `settings` object; the
 * person confirms the keys it sets; the server checks all of it and saves all or nothing. Its refusal
 * is listed one line per setting field, by the catalogue's labels.
 */
export function useSettingsImport(partnerId: number, definitions: SettingDefinition[]) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const importSettings = useImportSettings(partnerId);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);

  const readFile = async (file: File) => {
    setProblems(null);
    let content: unknown;
    try {
      content = JSON.parse(await file.text());
    } catch {
      content = null;
    }
    const part = (content as { settings?: unknown } | null)?.settings;
    if (typeof part !== 'object' || part === null || Array.isArray(part)) {
      setProblems([t('settings.notJson', { file: file.name })]);
      return;
    }
    setPending({ file: file.name, content, keys: Object.keys(part) });
  };

  const confirm = async () => {
    if (!pending) return;
    try {
      await importSettings.mutateAsync(pending.content);
      void message.success(t('settings.imported', { count: pending.keys.length }));
    } catch (error) {
      if (!(error instanceof ApiError)) setProblems([t('settings.networkError')]);
      else if (error.errors.length === 0) setProblems([error.title]);
      else {
        setProblems(
          error.errors.map((entry) => {
            const label =
              settingFieldLabel(definitions, entry.field, i18n.language) ??
              entry.field.replace(/^settings\./, '');
            return `${label}: ${entry.message}`;
          }),
        );
      }
    } finally {
      setPending(null);
    }
  };

  return {
    pending,
    problems,
    sending: importSettings.isPending,
    readFile,
    confirm,
    cancel: () => setPending(null),
    dismissProblems: () => setProblems(null),
  };
}
