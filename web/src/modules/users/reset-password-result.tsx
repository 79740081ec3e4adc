import { Button, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** After Reset password: the generated password, shown this once, or word that it was set and is not shown. */
export function ResetPasswordResult({ password, onClose }: { password: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('user.reset.doneTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('user.reset.close')}
        </Button>
      }
    >
      {password === null ? (
        <Typography.Paragraph role="status">{t('user.reset.notShown')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>{t('user.reset.shownOnce')}</Typography.Paragraph>
          <label htmlFor="user-new-password">{t('user.reset.newPassword')}</label>
          <Typography.Paragraph copyable={{ text: password }} style={{ marginTop: 4 }}>
            <Input
              id="user-new-password"
              readOnly
              value={password}
              style={{ fontFamily: 'monospace', width: 320 }}
              onFocus={(event) => event.target.select()}
            />
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
