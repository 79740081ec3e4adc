import { EyeInvisibleOutlined, EyeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './generate-password';

interface PasswordFieldProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean | 'true' | 'false';
}

/**
 * A password input with a keyboard-reachable show/hide button and a generator. A generated password
 * is shown in clear once, so the person can copy it.
 */
export function PasswordField({ id, value, onChange, placeholder, ...aria }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        type={visible ? 'text' : 'password'}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        placeholder={placeholder}
        autoComplete="new-password"
        {...aria}
      />
      <Tooltip title={visible ? t('password.hide') : t('password.show')}>
        <Button
          aria-label={visible ? t('password.hide') : t('password.show')}
          aria-pressed={visible}
          icon={visible ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={() => setVisible(!visible)}
        />
      </Tooltip>
      <Button
        icon={<ThunderboltOutlined />}
        onClick={() => {
          onChange?.(generatePassword());
          setVisible(true);
        }}
      >
        {t('password.generate')}
      </Button>
    </Space.Compact>
  );
}
