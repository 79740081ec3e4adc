import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n/i18n';

/** English / Русский; the choice is remembered in the browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('nav.language')}
      value={i18n.language as Language}
      options={[
        { label: 'English', value: 'en' },
        { label: 'Русский', value: 'ru' },
      ]}
      onChange={changeLanguage}
    />
  );
}
