/* The partner settings feature as the rest of the app sees it. */
export { ConfigurationTab } from './configuration-tab';
export { settingFieldLabel } from './catalogue-texts';
export { useSettingCatalogue } from './settings-api';
