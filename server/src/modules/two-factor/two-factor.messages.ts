import type { MessageCatalogue } from '../../lib/messages.js';

/*
 * Two-factor sign-in's field labels and error messages, in English and Russian. The codes the sign-in
 * itself answers (two_factor_required, two_factor_invalid, two_factor_enrolment_required) are shared
 * (lib/messages.ts): auth raises them, below this module.
 */
export const twoFactorMessages: MessageCatalogue = {
  labels: {
    en: { code: 'One-time code' },
    ru: { code: 'Одноразовый код' },
  },
  messages: {
    en: {
      two_factor_code_invalid:
        '{field}: the code is wrong or was already used; enter the current one from your app, or a recovery code',
      two_factor_already_enabled: 'Two-factor sign-in is already on; turn it off first to set it up anew',
      two_factor_setup_missing: 'Start the set-up first: it gives the secret your app needs',
      two_factor_setup_replaced:
        'The set-up was started again elsewhere; scan the newest QR code and enter its code',
      two_factor_not_enabled: 'Two-factor sign-in is not on',
    },
    ru: {
      two_factor_code_invalid:
        'Поле «{field}»: код неверен или уже использован; введите текущий код из приложения или код восстановления',
      two_factor_already_enabled: 'Двухфакторный вход уже включён; выключите его, чтобы настроить заново',
      two_factor_setup_missing: 'Сначала начните настройку: она даёт секрет для вашего приложения',
      two_factor_setup_replaced:
        'Настройку начали заново в другом месте; отсканируйте новый QR-код и введите его код',
      two_factor_not_enabled: 'Двухфакторный вход не включён',
    },
  },
};
