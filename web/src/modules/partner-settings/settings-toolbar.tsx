import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface SettingsToolbarProps {
  addDisabled: boolean;
  /** Why Add is disabled, where the reason is that every setting is set already. */
  addTitle: string | undefined;
  importing: boolean;
  /** Without settings:write: Export only. */
  readOnly: boolean;
  onAdd: () => void;
  onExport: () => void;
  /** A file chosen for Import. */
  onImportFile: (file: File) => void;
}

/** The Configuration tab's toolbar: Add, Export and Import (a JSON file chosen in the browser). */
export function SettingsToolbar(props: SettingsToolbarProps) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <Space role="toolbar" aria-label={t('settings.toolbar')} wrap style={{ marginBottom: 12 }}>
      {!props.readOnly && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={props.addDisabled}
          title={props.addTitle}
          onClick={props.onAdd}
        >
          {t('settings.add')}
        </Button>
      )}
      <Button icon={<DownloadOutlined />} onClick={props.onExport}>
        {t('settings.export')}
      </Button>
      {!props.readOnly && (
        <Button
          icon={<UploadOutlined />}
          loading={props.importing}
          onClick={() => fileInput.current?.click()}
        >
          {t('settings.import')}
        </Button>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label={t('settings.importFileLabel')}
        tabIndex={-1}
        style={{ display: 'none' }}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // The same file chosen again must still count as a choice.
          event.target.value = '';
          if (file) props.onImportFile(file);
        }}
      />
    </Space>
  );
}
