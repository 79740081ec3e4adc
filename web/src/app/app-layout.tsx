import { IdcardOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../ui/language-switch';
import { useAllowedSections } from './sections';
import { useSession } from './session';

/** `enrolmentPending`: the user must set up two-factor sign-in first, so the sections are not offered. */
export function AppLayout({ enrolmentPending = false }: { enrolmentPending?: boolean }) {
  const { t } = useTranslation();
  const { user, logOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const allowedSections = useAllowedSections();
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
                  { key: '/sessions', icon: <SafetyOutlined />, label: t('nav.sessions') },
                  { key: '/api-tokens', icon: <KeyOutlined />, label: t('nav.apiTokens') },
                ],
                onClick: ({ key }) => void navigate(key),
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
            <Button icon={<IdcardOutlined />} onClick={() => void navigate('/profile')}>
              {t('nav.profile')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => void logOut()}>
              {t('nav.logOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
