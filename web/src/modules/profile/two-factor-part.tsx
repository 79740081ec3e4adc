import { Alert, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { OneTimeCodeForm } from './one-time-code-form';
import { RecoveryCodesShown } from './recovery-codes-shown';
import { useDisableTwoFactor } from './two-factor-api';
import { TwoFactorSetup } from './two-factor-setup';

/** The profile's "Two-factor sign-in" part: set it up, see the recovery codes once, turn it off. */
export function TwoFactorPart() {
  const { t } = useTranslation();
  const { twoFactor, refresh } = useSession();
  const disable = useDisableTwoFactor();
  // Held here, not in the session: they are shown once and gone when the page is left.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const enabled = twoFactor?.enabled ?? false;

  const onEnabled = async (codes: string[]) => {
    setRecoveryCodes(codes);
    await refresh();
  };

  return (
    <Card
      title={
        <span id="two-factor-title">
          {t('profile.twoFactor.title')}{' '}
          <Tag color={enabled ? 'green' : 'default'}>
            {enabled ? t('profile.twoFactor.on') : t('profile.twoFactor.off')}
          </Tag>
        </span>
      }
      aria-labelledby="two-factor-title"
      style={{ maxWidth: 640 }}
    >
      {twoFactor?.required && !enabled && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          message={t('profile.twoFactor.requiredNote')}
          style={{ marginBottom: 12 }}
        />
      )}
      {recoveryCodes ? (
        <RecoveryCodesShown codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : enabled ? (
        <>
          <Typography.Paragraph>{t('profile.twoFactor.onText')}</Typography.Paragraph>
          <OneTimeCodeForm
            name="two-factor-disable"
            label={t('profile.twoFactor.codeLabel')}
            hint={t('profile.twoFactor.disableHint')}
            submitText={t('profile.twoFactor.turnOff')}
            danger
            onSubmit={async (code) => {
              await disable.mutateAsync(code);
              await refresh();
            }}
          />
        </>
      ) : (
        <TwoFactorSetup onEnabled={onEnabled} />
      )}
    </Card>
  );
}
