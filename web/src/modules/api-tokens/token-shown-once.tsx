import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MadeApiToken } from './api-token-types';

/**
 * The new token, shown this once: only its hash is kept, so it cannot be shown again. With a copy
 * button and how a program sends it.
 */
export function TokenShownOnce({ made, onClose }: { made: MadeApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard.writeText(made.token).then(
      () => void message.success(t('apiTokens.once.copied')),
      () => void message.error(t('apiTokens.once.copyFailed')),
    );
  return (
    <Modal
      open
      title={t('apiTokens.once.title', { name: made.name })}
      onCancel={onClose}
      // A click beside it must not lose a token that cannot be shown again.
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apiTokens.once.done')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        role="status"
        message={t('apiTokens.once.warning')}
        style={{ marginBottom: 12 }}
      />
      <label htmlFor="api-token-value">{t('apiTokens.once.token')}</label>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input
          id="api-token-value"
          readOnly
          value={made.token}
          style={{ fontFamily: 'monospace' }}
          onFocus={(event) => event.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('apiTokens.once.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 4 }}>
        {t('apiTokens.once.howTo')}
      </Typography.Paragraph>
      <Typography.Text code>Authorization: Bearer &lt;token&gt;</Typography.Text>
    </Modal>
  );
}
