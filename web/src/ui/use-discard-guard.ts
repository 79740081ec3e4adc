import { App } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Closing a form that holds changes asks first: Escape, the window's X and Cancel would otherwise throw
 * away what a person typed. `guard(changed, close)` closes at once when nothing changed.
 */
export function useDiscardGuard() {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return (changed: boolean, close: () => void) => {
    if (!changed) {
      close();
      return;
    }
    void modal.confirm({
      title: t('common.discardTitle'),
      content: t('common.discardText'),
      okText: t('common.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.keepEditing'),
      onOk: close,
    });
  };
}
