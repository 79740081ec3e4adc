import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PendingImport } from './use-settings-import';

interface ImportConfirmDialogProps {
  pending: PendingImport | null;
  /** A setting's name in the person's language. */
  labelOf: (key: string) => string;
  sending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Before an import: the file's name and the settings it will set, to confirm. */
export function ImportConfirmDialog({
  pending,
  labelOf,
  sending,
  onConfirm,
  onCancel,
}: ImportConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={pending !== null}
      title={pending ? t('settings.importConfirmTitle', { file: pending.file }) : undefined}
      okText={t('settings.import')}
      cancelText={t('settings.cancel')}
      confirmLoading={sending}
      onOk={onConfirm}
      onCancel={onCancel}
    >
      <Typography.Paragraph>
        {pending && pending.keys.length > 0
          ? t('settings.importConfirmKeys', { keys: pending.keys.map(labelOf).join(', ') })
          : t('settings.importConfirmNoKeys')}
      </Typography.Paragraph>
    </Modal>
  );
}
