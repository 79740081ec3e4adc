import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Why an import was refused: one line per problem; the person closes it. */
export function ImportProblemsAlert({ problems, onClose }: { problems: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      closable
      role="alert"
      style={{ marginBottom: 12 }}
      onClose={onClose}
      message={t('settings.importErrors')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      }
    />
  );
}
