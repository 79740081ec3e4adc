import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';
import { useSession } from '../app/session';
import { LanguageSwitch } from '../ui/language-switch';
import { showServerErrors } from '../ui/server-errors';

interface Credentials {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { logIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await logIn(values.login, values.password);
    } catch (caught) {
      // The two answers a person meets most get words of their own; any other is told as it came.
      if (caught instanceof ApiError && caught.code === 'blocked') setError(t('login.blocked'));
      else if (caught instanceof ApiError && caught.status === 401) setError(t('login.wrongCredentials'));
      else setError(showServerErrors(t, caught).problem);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          Fleetdesk
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <Form<Credentials>
          name="login"
          layout="vertical"
          onFinish={(values) => void submit(values)}
          requiredMark={false}
        >
          <Form.Item
            label={t('login.login')}
            name="login"
            rules={[{ required: true, message: t('login.loginRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert role="alert" type="error" message={error} showIcon style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <LanguageSwitch />
        </div>
      </Card>
    </main>
  );
}
