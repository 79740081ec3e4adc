import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Show / hide a password typed: a keyboard-reachable toggle that says its state. */
export function ShowPasswordButton({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = shown ? t('password.hide') : t('password.show');
  return (
    <Tooltip title={label}>
      <Button
        aria-label={label}
        aria-pressed={shown}
        icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        onClick={onToggle}
      />
    </Tooltip>
  );
}
