import { App, ConfigProvider } from 'antd';
// The ES-module builds: the CommonJS ones arrive wrapped in a default export and lose their texts.
import enUS from 'antd/es/locale/en_US';
import ruRU from 'antd/es/locale/ru_RU';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { panelTheme } from '../ui/theme';

/**
 * Ant Design's own texts (pagination, empty tables, date pickers) follow the chosen language; its look
 * is the panel's (ui/theme.ts).
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'ru' ? ruRU : enUS} theme={panelTheme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
