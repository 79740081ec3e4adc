import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { TwoFactorPart } from './two-factor-part';

/** The signed-in user's own profile: who it is, and its two-factor sign-in. */
export function ProfileSection() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('profile.title')}
      </Typography.Title>
      <Descriptions column={1} size="small" style={{ maxWidth: 640 }}>
        <Descriptions.Item label={t('profile.login')}>{user?.login}</Descriptions.Item>
        <Descriptions.Item label={t('profile.name')}>{user?.name ?? '—'}</Descriptions.Item>
        {user?.partnerName && (
          <Descriptions.Item label={t('profile.partner')}>{user.partnerName}</Descriptions.Item>
        )}
      </Descriptions>
      <TwoFactorPart />
    </Space>
  );
}
