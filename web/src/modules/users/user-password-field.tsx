import { Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneratePasswordButton } from '../../ui/generate-password-button';
import { ShowPasswordButton } from '../../ui/show-password-button';

interface UserPasswordFieldProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** The partner's "Show user password": only then may the password be shown in clear. */
  showInClear: boolean;
  /** The policy's minimum length; a generated password is longer. */
  minLength: number;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean | 'true' | 'false';
}

/**
 * A portal user's password: a generator whose passwords satisfy either policy (16 random characters
 * or more, no words), and a show/hide button only where the partner allows passwords in clear.
 */
export function UserPasswordField({
  id,
  value,
  onChange,
  showInClear,
  minLength,
  ...aria
}: UserPasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const [generated, setGenerated] = useState(false);
  useEffect(() => {
    if (!showInClear) setVisible(false);
  }, [showInClear]);
  const shown = visible && showInClear;
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          type={shown ? 'text' : 'password'}
          value={value}
          onChange={(event) => {
            setGenerated(false);
            onChange?.(event.target.value);
          }}
          autoComplete="new-password"
          maxLength={1024}
          {...aria}
        />
        {showInClear && <ShowPasswordButton shown={shown} onToggle={() => setVisible(!shown)} />}
        <GeneratePasswordButton
          length={Math.max(16, minLength + 4)}
          onGenerate={(password) => {
            onChange?.(password);
            setGenerated(true);
            if (showInClear) setVisible(true);
          }}
        />
      </Space.Compact>
      {generated && !showInClear && (
        <div role="status" style={{ marginTop: 4, fontSize: 12 }}>
          {t('user.generatedHidden')}
        </div>
      )}
    </>
  );
}
