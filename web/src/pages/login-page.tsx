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
  otp?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { logIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The server asked for a one-time code (two_factor_required): the form shows its field from then on.
  const [codeAsked, setCodeAsked] = useState(false);

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await logIn(values.login, values.password, codeAsked ? values.otp : undefined);
    } catch (caught) {
      // The answers a person meets most get words of their own; any other is told as it came.
      const code = caught instanceof ApiError ? caught.code : null;
      if (code === 'two_factor_required') setCodeAsked(true);
      else if (code === 'two_factor_invalid') setError(t('login.otpWrong'));
      else if (code === 'blocked') setError(t('login.blocked'));
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
          {codeAsked && (
            <>
              <Alert role="status" type="info" message={t('login.otpAsked')} style={{ marginBottom: 16 }} />
              <Form.Item
                label={t('login.otp')}
                name="otp"
                extra={t('login.otpHint')}
                rules={[{ required: true, whitespace: true, message: t('login.otpRequired') }]}
              >
                <Input autoComplete="one-time-code" autoFocus spellCheck={false} maxLength={64} />
              </Form.Item>
            </>
          )}
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
