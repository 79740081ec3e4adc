import { Input, Space } from 'antd';
import { useState } from 'react';
import { GeneratePasswordButton } from './generate-password-button';
import { ShowPasswordButton } from './show-password-button';

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
      <ShowPasswordButton shown={visible} onToggle={() => setVisible(!visible)} />
      <GeneratePasswordButton
        onGenerate={(password) => {
          onChange?.(password);
          setVisible(true);
        }}
      />
    </Space.Compact>
  );
}
