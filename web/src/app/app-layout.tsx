import {
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../ui/language-switch';
import { OwnPasswordDialog } from './own-password-dialog';
import { useAllowedSections } from './sections';
import { useSession } from './session';

/** `enrolmentPending`: the user must set up two-factor sign-in first, so the sections are not offered. */
export function AppLayout({ enrolmentPending = false }: { enrolmentPending?: boolean }) {
  const { t } = useTranslation();
  const { user, logOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const allowedSections = useAllowedSections();
  const [changingPassword, setChangingPassword] = useState(false);
  // A user who must set up two-factor sign-in first is offered no section until it has.
  const sections = enrolmentPending
    ? []
    : allowedSections.map((section) => ({
        key: section.path,
        icon: section.icon,
        label: t(`nav.${section.name}`),
      }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          Fleetdesk
        </Typography.Title>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={[location.pathname]}
            items={sections}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
          }}
        >
          <LanguageSwitch />
          <Space>
            {/* The signed-in user's own things (their sessions, their API tokens) hang off their name, as in most apps. */}
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', icon: <LockOutlined />, label: t('nav.changePassword') },
                  { key: '/sessions', icon: <SafetyOutlined />, label: t('nav.sessions') },
                  { key: '/api-tokens', icon: <KeyOutlined />, label: t('nav.apiTokens') },
                ],
                onClick: ({ key }) => (key === 'password' ? setChangingPassword(true) : void navigate(key)),
              }}
            >
              <Button
                type="text"
                icon={<UserOutlined />}
                aria-label={t('nav.userMenu', { login: user?.login })}
              >
                <span data-testid="signed-in-login">{user?.login}</span>
              </Button>
            </Dropdown>
            {user && (
              <Typography.Text type="secondary" data-testid="signed-in-role">
                {t(`nav.roles.${user.role}`)}
                {user.partnerName ? ` · ${user.partnerName}` : ''}
              </Typography.Text>
            )}
            <Button icon={<IdcardOutlined />} onClick={() => void navigate('/profile')}>
              {t('nav.profile')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => void logOut()}>
              {t('nav.logOut')}
            </Button>
          </Space>
        </Layout.Header>
        {changingPassword && <OwnPasswordDialog onClose={() => setChangingPassword(false)} />}
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
