import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../ui/format-moment';
import type { MasterLoginAnswer } from './user-types';

const secondsUntil = (until: string) =>
  Math.max(0, Math.ceil((new Date(until).getTime() - Date.now()) / 1000));

/** Whole seconds from now until `until`, never below zero, ticking once a second. */
function useSecondsLeft(until: string): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(until));
  useEffect(() => {
    setSeconds(secondsUntil(until));
    const timer = window.setInterval(() => setSeconds(secondsUntil(until)), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return seconds;
}

interface MasterLoginResultProps {
  login: string;
  answer: MasterLoginAnswer;
  onClose: () => void;
}

/**
 * After "Log in as": the single-use token with the seconds it has left, and the monitoring portal to
 * open with it (the partner's Portal URL setting); without that setting, word that it is not set.
 */
export function MasterLoginResult({ login, answer, onClose }: MasterLoginResultProps) {
  const { t } = useTranslation();
  const secondsLeft = useSecondsLeft(answer.expiresAt);
  const expired = secondsLeft === 0;
  return (
    <Modal
      open
      title={t('user.master.doneTitle', { login })}
      onCancel={onClose}
      destroyOnHidden
      footer={<Button onClick={onClose}>{t('user.master.close')}</Button>}
    >
      <Typography.Paragraph>{t('user.master.hint')}</Typography.Paragraph>
      <label htmlFor="master-login-token">{t('user.master.token')}</label>
      <Typography.Paragraph copyable={{ text: answer.token }} style={{ marginTop: 4 }}>
        <Input
          id="master-login-token"
          readOnly
          value={answer.token}
          style={{ fontFamily: 'monospace', width: 380 }}
          onFocus={(event) => event.target.select()}
        />
      </Typography.Paragraph>
      <Typography.Paragraph role="timer" aria-live="off" data-testid="master-login-expiry">
        {expired
          ? t('user.master.expired')
          : t('user.master.expiresIn', {
              seconds: secondsLeft,
              time: formatTime(answer.expiresAt),
            })}
      </Typography.Paragraph>
      {answer.portalUrl === null ? (
        <Alert type="info" showIcon role="status" message={t('user.master.noPortalUrl')} />
      ) : (
        <Space>
          <Button
            type="primary"
            icon={<ExportOutlined />}
            href={answer.portalUrl}
            target="_blank"
            rel="noopener noreferrer"
            disabled={expired}
          >
            {t('user.master.openPortal')}
          </Button>
        </Space>
      )}
    </Modal>
  );
}
