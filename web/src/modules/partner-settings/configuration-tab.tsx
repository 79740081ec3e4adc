import { Alert, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { useCan } from '../../app/session';
import { localized } from './catalogue-texts';
import { ImportConfirmDialog } from './import-confirm-dialog';
import { ImportProblemsAlert } from './import-problems-alert';
import { SettingEditor } from './setting-editor';
import { exportSettings, useDeleteSetting, usePartnerSettings, useSettingCatalogue } from './settings-api';
import { SettingsTable } from './settings-table';
import { SettingsToolbar } from './settings-toolbar';
import type { PartnerSetting } from './settings-types';
import { useSettingsImport } from './use-settings-import';

/**
 * The partner card's Configuration tab: the partner's settings from the catalogue, each with Edit and
 * Delete; Add, Export (a JSON file, secrets left out) and Import (all or nothing).
 */
export function ConfigurationTab({ partnerId }: { partnerId: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const catalogue = useSettingCatalogue();
  const settings = usePartnerSettings(partnerId);
  const remove = useDeleteSetting(partnerId);
  const readOnly = !useCan()('settings:write');
  const [editing, setEditing] = useState<{ setting: PartnerSetting | null } | null>(null);

  const definitions = catalogue.data?.items ?? [];
  const items = settings.data?.items ?? [];
  const settingsImport = useSettingsImport(partnerId, definitions);
  const definitionOf = (key: string) => definitions.find((definition) => definition.key === key);
  const labelOf = (key: string) => {
    const definition = definitionOf(key);
    return definition ? localized(i18n.language, definition) : key;
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

  return (
    <div>
      <SettingsToolbar
        addDisabled={catalogue.isLoading || settings.isLoading || addable.length === 0}
        addTitle={addable.length === 0 && !catalogue.isLoading ? t('settings.allSet') : undefined}
        importing={settingsImport.sending}
        readOnly={readOnly}
        onAdd={() => setEditing({ setting: null })}
        onExport={() => void download()}
        onImportFile={(file) => void settingsImport.readFile(file)}
      />
      {settingsImport.problems && (
        <ImportProblemsAlert problems={settingsImport.problems} onClose={settingsImport.dismissProblems} />
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
      <SettingsTable
        items={items}
        loading={settings.isLoading || catalogue.isLoading}
        definitionOf={definitionOf}
        labelOf={labelOf}
        deleting={remove.isPending}
        readOnly={readOnly}
        onEdit={(setting) => setEditing({ setting })}
        onDelete={(setting) => void deleteSetting(setting)}
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
      <ImportConfirmDialog
        pending={settingsImport.pending}
        labelOf={labelOf}
        sending={settingsImport.sending}
        onConfirm={() => void settingsImport.confirm()}
        onCancel={settingsImport.cancel}
      />
    </div>
  );
}
