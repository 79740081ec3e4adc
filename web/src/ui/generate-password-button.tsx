import { ThunderboltOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './generate-password';

/** Generate: a random password of `length` characters from the browser's cryptographic generator. */
export function GeneratePasswordButton({
  length,
  onGenerate,
}: {
  length?: number;
  onGenerate: (password: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Button icon={<ThunderboltOutlined />} onClick={() => onGenerate(generatePassword(length))}>
      {t('password.generate')}
    </Button>
  );
}
