import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import apiTokensEn from '../modules/api-tokens/i18n/en.json';
import apiTokensRu from '../modules/api-tokens/i18n/ru.json';
import billingEn from '../modules/billing/i18n/en.json';
import billingRu from '../modules/billing/i18n/ru.json';
import contractsEn from '../modules/contracts/i18n/en.json';
import contractsRu from '../modules/contracts/i18n/ru.json';
import homeEn from '../modules/home/i18n/en.json';
import homeRu from '../modules/home/i18n/ru.json';
import financeEn from '../modules/finance/i18n/en.json';
import financeRu from '../modules/finance/i18n/ru.json';
import objectsEn from '../modules/objects/i18n/en.json';
import objectsRu from '../modules/objects/i18n/ru.json';
import partnersEn from '../modules/partners/i18n/en.json';
import partnersRu from '../modules/partners/i18n/ru.json';
import profileEn from '../modules/profile/i18n/en.json';
import profileRu from '../modules/profile/i18n/ru.json';
import settingsEn from '../modules/partner-settings/i18n/en.json';
import settingsRu from '../modules/partner-settings/i18n/ru.json';
import sessionsEn from '../modules/sessions/i18n/en.json';
import sessionsRu from '../modules/sessions/i18n/ru.json';
import staffEn from '../modules/staff/i18n/en.json';
import staffRu from '../modules/staff/i18n/ru.json';
import tariffsEn from '../modules/tariffs/i18n/en.json';
import tariffsRu from '../modules/tariffs/i18n/ru.json';
import usersEn from '../modules/users/i18n/en.json';
import usersRu from '../modules/users/i18n/ru.json';
import en from './en.json';
import ru from './ru.json';

export type Language = 'en' | 'ru';
const storageKey = 'fleetdesk.language';

/** The language chosen before (remembered in the browser), else the browser's, else English. */
function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'en' || saved === 'ru') return saved;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

void i18n.use(initReactI18next).init({
  // Each feature may bring its own texts; they join the one translation namespace.
  resources: {
    en: {
      translation: {
        ...en,
        ...partnersEn,
        ...settingsEn,
        ...contractsEn,
        ...objectsEn,
        ...usersEn,
        ...financeEn,
        ...tariffsEn,
        ...billingEn,
        ...homeEn,
        ...sessionsEn,
        ...profileEn,
        ...staffEn,
        ...apiTokensEn,
      },
    },
    ru: {
      translation: {
        ...ru,
        ...partnersRu,
        ...settingsRu,
        ...contractsRu,
        ...objectsRu,
        ...usersRu,
        ...financeRu,
        ...tariffsRu,
        ...billingRu,
        ...homeRu,
        ...sessionsRu,
        ...profileRu,
        ...staffRu,
        ...apiTokensRu,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export function changeLanguage(language: Language) {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

document.documentElement.lang = i18n.language;
export default i18n;
