import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

interface ArchiveButtonProps {
  archived: boolean;
  /**
   * The record's texts in the translations: `<textsKey>.archive`, `.restore`, `.archiveConfirm` and
   * `.restoreConfirm`.
   */
  textsKey: string;
  loading?: boolean;
  onConfirm: () => void;
}

/** Delete (archive) or, for a deleted record, Restore; asked to confirm first. */
export function ArchiveButton({ archived, textsKey, loading, onConfirm }: ArchiveButtonProps) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={archived ? t(`${textsKey}.restoreConfirm`) : t(`${textsKey}.archiveConfirm`)}
      okText={t('common.yes')}
      cancelText={t('common.no')}
      onConfirm={onConfirm}
    >
      <Button danger={!archived} loading={loading}>
        {archived ? t(`${textsKey}.restore`) : t(`${textsKey}.archive`)}
      </Button>
    </Popconfirm>
  );
}

/**
 * The toast after a Delete or Restore, naming the record: every delete says it happened (and where the
 * record went), as every save does.
 */
export function useArchiveToast() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (name: string, restored: boolean) =>
    void message.success(restored ? t('common.restoredToast', { name }) : t('common.deletedToast', { name }));
}
