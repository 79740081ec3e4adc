/*
 * The messages every part of the API shares, in English and Russian, and the machinery that turns an
 * error code into a sentence. Error codes are stable for programs; the texts are for people and name
 * the field by its label on the form. Each feature module owns the catalogue of its own codes and form
 * labels (<module>.messages.ts); server/src/messages.ts puts them together.
 */

export type Locale = 'en' | 'ru';
export type Catalogue = Record<string, string>;
export type MessageParams = Record<string, string | number>;

/** A feature's messages: its error codes, and the labels of its fields as its forms show them. */
export interface MessageCatalogue {
  labels: Record<Locale, Catalogue>;
  messages: Record<Locale, Catalogue>;
}

/* Labels of fields that many forms and queries share; a section's own label wins over these. */
const fieldLabels: Record<Locale, Catalogue> = {
  en: {
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    deposit: 'Deposit',
    iin: 'IIN',
    kpp: 'KPP',
    code1c: '1C Code',
    parentId: 'Partner',
    currency: 'Currency',
    organizationType: 'Organization type',
    accountType: 'Account type',
    login: 'Login',
    password: 'Password',
    comment: 'Comment',
    version: 'Version',
    page: 'Page',
    pageSize: 'Page size',
    sort: 'Sort',
    order: 'Order',
    format: 'Format',
    search: 'Search',
    partnerId: 'Partner',
  },
  ru: {
    name: 'Наименование',
    email: 'Email',
    phone: 'Телефон',
    deposit: 'Депозит',
    iin: 'ИНН',
    kpp: 'КПП',
    code1c: 'Код 1С',
    parentId: 'Партнёр',
    currency: 'Валюта',
    organizationType: 'Тип организации',
    accountType: 'Порядок расчётов',
    login: 'Логин',
    password: 'Пароль',
    comment: 'Комментарий',
    version: 'Версия',
    page: 'Страница',
    pageSize: 'Размер страницы',
    sort: 'Сортировка',
    order: 'Порядок',
    format: 'Формат',
    search: 'Поиск',
    partnerId: 'Партнёр',
  },
};

const sharedMessages: Record<Locale, Catalogue> = {
  en: {
    validation_failed: 'Some fields are not valid',
    not_found: 'Not found',
    unauthorized: 'Sign in to continue',
    invalid_credentials: 'Wrong login or password',
    blocked: 'Access is blocked: the partner or one of its parent partners is blocked',
    network_not_allowed:
      'Signing in from this address is not allowed: your partner admits its users from its own networks only',
    csrf: 'The request is missing a valid x-csrf-token header',
    two_factor_required: 'Enter the one-time code from your authenticator app, or a recovery code',
    two_factor_invalid: 'The one-time code is wrong or was already used; enter the current one',
    two_factor_enrolment_required:
      'Your partner requires two-factor sign-in: set it up in your profile before you continue',
    forbidden: 'You are not allowed to do this',
    right_missing: 'You need the right “{right}” to do this',
    rate_limited: 'Too many attempts; try again in {retryAfter} seconds',
    internal: 'Something went wrong on our side; the request id is {requestId}',
    retry: 'The database was busy with the same records and nothing was saved; send the request again',
    malformed_request: 'The request body is not valid JSON',
    payload_too_large: 'The request is too large',
    unsupported_media_type: 'Send the body as application/json',
    required: '{field} is required',
    type: '{field} must be {expected}',
    enum: '{field} must be one of: {allowed}',
    too_long: '{field} must be at most {max} characters',
    too_short: '{field} must be at least {min} characters',
    too_many: '{field} may hold at most {max} items',
    out_of_range: '{field} must be from {min} to {max}',
    format: '{field} has an invalid format',
    unknown_field: '{field} is not a known field',
    invalid_character: '{field} contains a character that cannot be stored',
    email_invalid: '{field} must be a valid email address, like name@example.com',
    phone_invalid: '{field} must be a valid phone number, like +7 701 123 45 67',
    amount_invalid: '{field} must be a decimal number, like 1500.00',
    amount_scale: '{field} may have at most 2 decimal places',
    amount_too_large: '{field} is too large',
    amount_negative: '{field} cannot be negative',
    vat_range: '{field} must be a percentage from 0 to 100 with at most 2 decimal places',
    region_unknown: '{field}: choose a region from the list',
    currency_unknown: '{field}: choose a currency from the list (ISO 4217)',
    currency_duplicate: '{field}: each currency may be chosen once, and not the main Currency again',
    organization_type_unknown: '{field}: choose an organization type from the list',
    organization_type_country: "{field}: this legal form does not exist in the region's country",
    account_type_unknown: '{field}: choose an account type from the list',
    login_format: '{field} may hold only letters, digits and . _ @ - (3 to 64 characters)',
    login_taken: 'This login is already taken',
    version_conflict: 'Someone else changed this record; reload it and apply your changes again',
    not_archived: 'The record is not archived',
    archived: 'The record is archived; restore it before changing it',
    inn_length: '{field} must have 10 digits (organization) or 12 digits (individual)',
    inn_checksum: '{field}: the check digit does not match; check the number',
    kpp_required: '{field} is required for an organization (10-digit INN)',
    kpp_not_allowed: '{field} is not used for this tax number; leave it empty',
    kpp_format: '{field} must have 9 characters: 4 digits, 2 digits or letters A–Z, 3 digits',
    kpp_without_inn: '{field} is given without an IIN; fill in the IIN first',
    kpp_too_long: '{field} must be at most 32 characters',
    iin_length: '{field} must have 12 digits',
    iin_checksum: '{field}: the check digit does not match; check the number',
    tax_number_format: '{field} may hold letters, digits, spaces, dots, - and / (up to 32 characters)',
    conflict: 'The change conflicts with another record',
    database_unavailable: 'The database does not answer at the moment; try again in a few seconds',
    password_too_short: '{field} must be at least {min} characters long',
    current_password_wrong: '{field} is not your current password',
    password_unchanged: '{field} must differ from your current password',
    session_required: 'Sign in to the admin panel to do this; an API token cannot',
    password_too_long: '{field} must be at most {max} characters long',
    password_common: '{field} is one of the most common passwords; choose another',
    password_weak:
      '{field} is too easy to guess (strength {score} of 4, needs {min}); make it longer or less predictable',
    password_contains_login: '{field} must not contain the login',
    password_contains_name: '{field} must not contain the name',
  },
  ru: {
    validation_failed: 'Некоторые поля заполнены неверно',
    not_found: 'Не найдено',
    unauthorized: 'Войдите, чтобы продолжить',
    invalid_credentials: 'Неверный логин или пароль',
    blocked: 'Доступ заблокирован: заблокирован партнёр или один из его вышестоящих партнёров',
    network_not_allowed:
      'Вход с этого адреса запрещён: ваш партнёр допускает своих пользователей только из своих сетей',
    csrf: 'В запросе нет верного заголовка x-csrf-token',
    two_factor_required: 'Введите одноразовый код из приложения-аутентификатора или код восстановления',
    two_factor_invalid: 'Одноразовый код неверен или уже использован; введите текущий',
    two_factor_enrolment_required:
      'Ваш партнёр требует двухфакторный вход: настройте его в профиле, прежде чем продолжить',
    forbidden: 'У вас нет прав на это действие',
    right_missing: 'Для этого действия нужно право «{right}»',
    rate_limited: 'Слишком много попыток; повторите через {retryAfter} с',
    internal: 'Ошибка на нашей стороне; номер запроса {requestId}',
    retry: 'База данных была занята теми же записями, ничего не сохранено; отправьте запрос ещё раз',
    malformed_request: 'Тело запроса — не корректный JSON',
    payload_too_large: 'Запрос слишком большой',
    unsupported_media_type: 'Отправьте тело запроса как application/json',
    required: 'Поле «{field}» обязательно',
    type: 'Поле «{field}» должно быть: {expected}',
    enum: 'Поле «{field}» должно быть одним из: {allowed}',
    too_long: 'Поле «{field}» должно быть не длиннее {max} символов',
    too_short: 'Поле «{field}» должно быть не короче {min} символов',
    too_many: 'В поле «{field}» не больше {max} значений',
    out_of_range: 'Поле «{field}» должно быть от {min} до {max}',
    format: 'Поле «{field}» имеет неверный формат',
    unknown_field: 'Поле «{field}» неизвестно',
    invalid_character: 'Поле «{field}» содержит символ, который нельзя сохранить',
    email_invalid: 'Поле «{field}» должно содержать адрес электронной почты, например name@example.com',
    phone_invalid: 'Поле «{field}» должно содержать номер телефона, например +7 701 123 45 67',
    amount_invalid: 'Поле «{field}» должно быть десятичным числом, например 1500.00',
    amount_scale: 'В поле «{field}» не больше 2 знаков после точки',
    amount_too_large: 'Значение поля «{field}» слишком велико',
    amount_negative: 'Поле «{field}» не может быть отрицательным',
    vat_range: 'Поле «{field}» — процент от 0 до 100, не больше 2 знаков после точки',
    region_unknown: 'Поле «{field}»: выберите регион из списка',
    currency_unknown: 'Поле «{field}»: выберите валюту из списка (ISO 4217)',
    currency_duplicate: 'Поле «{field}»: каждую валюту можно выбрать один раз и не повторять основную',
    organization_type_unknown: 'Поле «{field}»: выберите тип организации из списка',
    organization_type_country: 'Поле «{field}»: такой организационно-правовой формы нет в стране региона',
    account_type_unknown: 'Поле «{field}»: выберите порядок расчётов из списка',
    login_format: 'Поле «{field}»: только буквы, цифры и . _ @ - (от 3 до 64 символов)',
    login_taken: 'Этот логин уже занят',
    version_conflict: 'Запись изменил кто-то другой; обновите её и внесите изменения снова',
    not_archived: 'Запись не в архиве',
    archived: 'Запись в архиве; восстановите её, прежде чем изменять',
    inn_length: 'Поле «{field}» — 10 цифр (организация) или 12 цифр (физическое лицо)',
    inn_checksum: 'Поле «{field}»: контрольная цифра не совпадает; проверьте номер',
    kpp_required: 'Поле «{field}» обязательно для организации (ИНН из 10 цифр)',
    kpp_not_allowed: 'Поле «{field}» не используется для такого номера; оставьте его пустым',
    kpp_format: 'Поле «{field}» — 9 символов: 4 цифры, 2 цифры или латинские буквы A–Z, 3 цифры',
    kpp_without_inn: 'Поле «{field}» указано без ИНН; сначала заполните ИНН',
    kpp_too_long: 'Поле «{field}» должно быть не длиннее 32 символов',
    iin_length: 'Поле «{field}» должно содержать 12 цифр',
    iin_checksum: 'Поле «{field}»: контрольная цифра не совпадает; проверьте номер',
    tax_number_format: 'Поле «{field}»: буквы, цифры, пробелы, точки, - и / (до 32 символов)',
    conflict: 'Изменение конфликтует с другой записью',
    database_unavailable: 'База данных сейчас не отвечает; повторите через несколько секунд',
    password_too_short: 'Поле «{field}» должно быть не короче {min} символов',
    current_password_wrong: 'Поле «{field}» не совпадает с вашим текущим паролем',
    password_unchanged: 'Поле «{field}» должно отличаться от текущего пароля',
    session_required: 'Это делается только после входа в панель администратора, не с API-токеном',
    password_too_long: 'Поле «{field}» должно быть не длиннее {max} символов',
    password_common: 'Поле «{field}»: это один из самых распространённых паролей; выберите другой',
    password_weak:
      'Поле «{field}»: пароль легко подобрать (надёжность {score} из 4, нужно {min}); сделайте его длиннее или менее предсказуемым',
    password_contains_login: 'Поле «{field}» не должно содержать логин',
    password_contains_name: 'Поле «{field}» не должно содержать имя',
  },
};

/** Picks the first supported language of an Accept-Language header; English otherwise. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return { tag, quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag !== '' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of preferred) {
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Messages in one language for one form: what writes a sentence for a person. */
export interface Translator {
  readonly locale: Locale;
  /** The label of a field on the form (its own catalogue's, else the shared one, else the field's name). */
  label(field: string): string;
  /** The message of a code with its values filled in; `field` fills {field} with that field's label. */
  message(code: string, params?: MessageParams, field?: string): string;
}

/** The messages of the whole application, from the feature catalogues it is built with. */
export interface Messages {
  /** A translator for a language and (optionally) the catalogue of the form the request belongs to. */
  translator(locale: Locale, form?: MessageCatalogue): Translator;
  /** Every code with a message, for the test that each code the code base uses has one. */
  knownCodes(locale: Locale): string[];
}

/** The shared labels and messages, as a catalogue of their own (for the catalogues' tests). */
export const sharedCatalogue: MessageCatalogue = { labels: fieldLabels, messages: sharedMessages };

/*
 * A day in a message is written as the language writes days, as the panel and the exports do: the ISO
 * day in English (2026-12-07), day.month.year in Russian (07.12.2026).
 */
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
function paramText(locale: Locale, value: string | number): string {
  const day = locale === 'ru' && typeof value === 'string' ? isoDay.exec(value) : null;
  return day ? `${day[3]}.${day[2]}.${day[1]}` : String(value);
}

// Own properties only: a field named "constructor" must not find Object.prototype's.
const own = (catalogue: Catalogue, key: string) =>
  Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;

/**
 * Puts the feature catalogues together. A code means one thing wherever it is used, so codes are looked
 * up in all of them (the shared ones last, winning); labels come from the request's own form first.
 */
export function createMessages(catalogues: readonly MessageCatalogue[]): Messages {
  const codes = (locale: Locale): Catalogue =>
    Object.assign(
      {},
      ...catalogues.map((catalogue) => catalogue.messages[locale]),
      sharedMessages[locale],
    ) as Catalogue;
  const merged: Record<Locale, Catalogue> = { en: codes('en'), ru: codes('ru') };
  return {
    translator(locale, form) {
      const label = (field: string) => {
        const key = field.split(/[.[]/)[0] ?? field;
        return (form && own(form.labels[locale], key)) ?? own(fieldLabels[locale], key) ?? field;
      };
      return {
        locale,
        label,
        message(code, params = {}, field) {
          const values = field === undefined ? params : { ...params, field: label(field) };
          const template = own(merged[locale], code) ?? own(merged.en, code) ?? code;
          return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
            const value = Object.hasOwn(values, name) ? values[name] : undefined;
            return value === undefined ? whole : paramText(locale, value);
          });
        },
      };
    },
    knownCodes: (locale) => Object.keys(merged[locale]),
  };
}
