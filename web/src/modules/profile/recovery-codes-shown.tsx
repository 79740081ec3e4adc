import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The ten recovery codes, shown this once after enabling, with what they are for. */
export function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-codes-title">
      <Typography.Title level={5} id="recovery-codes-title">
        {t('profile.twoFactor.recoveryTitle')}
      </Typography.Title>
      <Alert
        role="status"
        type="warning"
        showIcon
        message={t('profile.twoFactor.recoveryNote')}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph copyable={{ text: codes.join('\n') }}>
        <ol
          aria-label={t('profile.twoFactor.recoveryTitle')}
          style={{ fontFamily: 'monospace', columns: 2, maxWidth: 420 }}
        >
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
      </Typography.Paragraph>
      <Button type="primary" onClick={onDone}>
        {t('profile.twoFactor.recoverySaved')}
      </Button>
    </section>
  );
}
