import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { useServerErrors } from '../../ui/use-server-errors';
import { OneTimeCodeForm } from './one-time-code-form';
import { useEnableTwoFactor, useStartTwoFactorSetup } from './two-factor-api';

/**
 * Set up: a new secret as a QR code and as text (for typing into an app by hand), then its first
 * code turns two-factor sign-in on. `onEnabled` gets the recovery codes.
 */
export function TwoFactorSetup({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const setup = useStartTwoFactorSetup();
  const enable = useEnableTwoFactor();
  const errors = useServerErrors();
  const start = () => {
    errors.clear();
    setup.mutate(undefined, { onError: errors.show });
  };

  if (!setup.data) {
    return (
      <>
        <Typography.Paragraph>{t('profile.twoFactor.offText')}</Typography.Paragraph>
        <ProblemAlert problem={errors.problem} />
        <Button type="primary" onClick={start} loading={setup.isPending}>
          {t('profile.twoFactor.setUp')}
        </Button>
      </>
    );
  }
  const { qrCode, secret } = setup.data;
  return (
    <>
      <Typography.Paragraph>{t('profile.twoFactor.scan')}</Typography.Paragraph>
      <img src={qrCode} alt={t('profile.twoFactor.qrAlt')} width={200} height={200} />
      <Typography.Paragraph>
        {t('profile.twoFactor.secretLabel')}{' '}
        <Typography.Text code copyable data-testid="two-factor-secret">
          {secret}
        </Typography.Text>
      </Typography.Paragraph>
      <OneTimeCodeForm
        name="two-factor-enable"
        label={t('profile.twoFactor.codeLabel')}
        hint={t('profile.twoFactor.enableHint')}
        submitText={t('profile.twoFactor.enable')}
        onSubmit={async (code) => onEnabled((await enable.mutateAsync(code)).recoveryCodes)}
      />
    </>
  );
}
