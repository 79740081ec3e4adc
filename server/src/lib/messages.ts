/*
 * Every message a person can see from the API, in English and Russian. Error codes are stable for
 * programs; these texts are for people and name the field by its label on the form (the seed's words).
 */
import type { Catalogue, Locale, SectionCatalogue } from './message-catalogue.js';
import { billingMessages } from './messages-billing.js';
import { contractsMessages } from './messages-contracts.js';
import { financeMessages } from './messages-finance.js';
import { objectsMessages } from './messages-objects.js';
import { usersMessages } from './messages-users.js';

export type { Locale } from './message-catalogue.js';

const sectionCatalogues: readonly SectionCatalogue[] = [
  contractsMessages,
  objectsMessages,
  usersMessages,
  financeMessages,
  billingMessages,
];

const fieldLabels: Record<Locale, Catalogue> = {
  en: {
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    deposit: 'Deposit',
    iin: 'IIN',
    kpp: 'KPP',
    vatPercent: 'VAT',
    code1c: '1C Code',
    region: 'Region',
    blocked: 'Block Partner',
    usersBlocked: 'Block users of accounts partner',
    parentId: 'Partner',
    currency: 'Currency',
    additionalCurrencies: 'Additional currencies',
    priceTariffId: 'Price',
    partnerPriceTariffId: 'Partner price',
    organizationType: 'Organization type',
    accountType: 'Account type',
    userPasswordPolicy: 'Password for Users',
    showUserPassword: 'Show user password',
    login: 'Login',
    password: 'Password',
    currentPassword: 'Current password',
    comment: 'Comment',
    version: 'Version',
    price: 'Price',
    period: 'Period',
    effectiveFrom: 'Effective from',
    ownerPartnerId: 'Owner partner',
    page: 'Page',
    pageSize: 'Page size',
    sort: 'Sort',
    order: 'Order',
    format: 'Format',
    search: 'Search',
    country: 'Country',
    date: 'Date',
    purpose: 'Purpose',
    partnerId: 'Partner',
    currencies: 'Currencies',
    key: 'Setting',
    value: 'Value',
    settings: 'Settings',
    exportedAt: 'Exported at',
  },
  ru: {
    name: 'Наименование',
    email: 'Email',
    phone: 'Телефон',
    deposit: 'Депозит',
    iin: 'ИНН',
    kpp: 'КПП',
    vatPercent: 'НДС',
    code1c: 'Код 1С',
    region: 'Регион',
    blocked: 'Заблокировать партнёра',
    usersBlocked: 'Заблокировать пользователей аккаунтов партнёра',
    parentId: 'Партнёр',
    currency: 'Валюта',
    additionalCurrencies: 'Дополнительные валюты',
    priceTariffId: 'Тариф',
    partnerPriceTariffId: 'Партнёрский тариф',
    organizationType: 'Тип организации',
    accountType: 'Тип учётной записи',
    userPasswordPolicy: 'Пароль для пользователей',
    showUserPassword: 'Показывать пароль пользователя',
    login: 'Логин',
    password: 'Пароль',
    currentPassword: 'Текущий пароль',
    comment: 'Комментарий',
    version: 'Версия',
    price: 'Цена',
    period: 'Период',
    effectiveFrom: 'Действует с',
    ownerPartnerId: 'Партнёр-владелец',
    page: 'Страница',
    pageSize: 'Размер страницы',
    sort: 'Сортировка',
    order: 'Порядок',
    format: 'Формат',
    search: 'Поиск',
    country: 'Страна',
    date: 'Дата',
    purpose: 'Назначение',
    partnerId: 'Партнёр',
    currencies: 'Валюты',
    key: 'Настройка',
    value: 'Значение',
    settings: 'Настройки',
    exportedAt: 'Дата выгрузки',
  },
};

const sharedMessages: Record<Locale, Catalogue> = {
  en: {
    validation_failed: 'Some fields are not valid',
    not_found: 'Not found',
    unauthorized: 'Sign in to continue',
    invalid_credentials: 'Wrong login or password',
    blocked: 'Access is blocked: the partner or one of its parent partners is blocked',
    csrf: 'The request is missing a valid x-csrf-token header',
    forbidden: 'You are not allowed to do this',
    rate_limited: 'Too many attempts; try again in {retryAfter} seconds',
    internal: 'Something went wrong on our side; the request id is {requestId}',
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
    tariff_not_available: '{field}: this price plan is not available to the partner',
    tariff_currency: "{field}: the price plan's currency is not one of the partner's currencies",
    parent_not_found: '{field}: choose a partner from the list',
    parent_cycle: '{field} cannot be the partner itself or one of its sub-partners',
    parent_archived: 'The parent partner is archived; restore it or choose another one first',
    login_format: '{field} may hold only letters, digits and . _ @ - (3 to 64 characters)',
    login_taken: 'This login is already taken',
    code1c_taken: 'This 1C Code is already used by another partner',
    version_conflict: 'Someone else changed this record; reload it and apply your changes again',
    field_forbidden: '{field} of your own partner can only be changed by your parent partner',
    has_live_subpartners: 'Archive or move the sub-partners of this partner first',
    subtree_tariffs_unavailable:
      'A sub-partner of this partner uses a price plan that is not available under the new parent; change it first',
    currency_has_balance:
      '{field} cannot be changed while the balance in the current currency is not 0.00 or a Deposit is held: settle the balance to 0.00 and set the Deposit to 0.00 first',
    move_has_balance:
      '{field} cannot be changed while the balance with the current partner (or the platform) is not 0.00 or a Deposit is held: settle the balance to 0.00 and set the Deposit to 0.00 first',
    self_archive: 'You cannot archive your own partner',
    not_archived: 'The record is not archived',
    archived: 'The record is archived; restore it before changing it',
    current_password_wrong: '{field} is not your current password',
    tariff_version_exists: 'A price already starts on this date; choose another date',
    tariff_owner_forbidden: 'Only the owner of this price plan may change it',
    platform_owner_forbidden: '{field}: only the platform operator may own a platform-wide price plan',
    effective_from_past: '{field} cannot be in the past: prices already charged are never rewritten',
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
    database_unavailable: 'The database does not answer',
    password_too_short: '{field} must be at least {min} characters long',
    password_too_long: '{field} must be at most {max} characters long',
    password_common: '{field} is one of the most common passwords; choose another',
    password_weak:
      '{field} is too easy to guess (strength {score} of 4, needs {min}); make it longer or less predictable',
    password_contains_login: '{field} must not contain the login',
    password_contains_name: '{field} must not contain the name',
    setting_unknown: 'There is no setting "{key}"; choose one from the list',
    setting_unknown_field: 'This setting has no field "{name}"',
    setting_required: 'Fill in this field',
    setting_not_text: 'Must be text',
    setting_not_integer: 'Must be a whole number',
    setting_not_boolean: 'Must be true or false',
    setting_not_object: 'Must be a set of fields (a JSON object)',
    setting_enum: 'Choose one of: {allowed}',
    setting_too_long: 'Must be at most {max} characters',
    setting_out_of_range: 'Must be from {min} to {max}',
    setting_https_url: 'Enter a full https:// address, like https://support.example.com',
    setting_email: 'Enter an email address, like name@example.com',
    setting_hostname: 'Enter a host name or IP address, like smtp.example.com',
    setting_telegram_token: 'Enter the token @BotFather gave: digits, a colon, then the token',
    setting_telegram_bot_name: 'Enter the bot username: 5 to 32 Latin letters, digits or _, ending in "bot"',
    setting_sms_sender: 'Enter up to 11 Latin letters or digits, or a phone number of up to 15 digits',
    setting_invalid_character: 'Contains a character that cannot be stored (NUL)',
  },
  ru: {
    validation_failed: 'Некоторые поля заполнены неверно',
    not_found: 'Не найдено',
    unauthorized: 'Войдите, чтобы продолжить',
    invalid_credentials: 'Неверный логин или пароль',
    blocked: 'Доступ заблокирован: заблокирован партнёр или один из его вышестоящих партнёров',
    csrf: 'В запросе нет верного заголовка x-csrf-token',
    forbidden: 'У вас нет прав на это действие',
    rate_limited: 'Слишком много попыток; повторите через {retryAfter} с',
    internal: 'Ошибка на нашей стороне; номер запроса {requestId}',
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
    account_type_unknown: 'Поле «{field}»: выберите тип учётной записи из списка',
    tariff_not_available: 'Поле «{field}»: этот тариф недоступен партнёру',
    tariff_currency: 'Поле «{field}»: валюта тарифа не входит в валюты партнёра',
    parent_not_found: 'Поле «{field}»: выберите партнёра из списка',
    parent_cycle: 'Поле «{field}» не может указывать на самого партнёра или его субпартнёра',
    parent_archived: 'Вышестоящий партнёр в архиве; сначала восстановите его или выберите другого',
    login_format: 'Поле «{field}»: только буквы, цифры и . _ @ - (от 3 до 64 символов)',
    login_taken: 'Этот логин уже занят',
    code1c_taken: 'Этот код 1С уже используется другим партнёром',
    version_conflict: 'Запись изменил кто-то другой; обновите её и внесите изменения снова',
    field_forbidden: 'Поле «{field}» вашего партнёра может изменить только вышестоящий партнёр',
    has_live_subpartners: 'Сначала перенесите или отправьте в архив субпартнёров этого партнёра',
    subtree_tariffs_unavailable:
      'Субпартнёр этого партнёра использует тариф, недоступный у нового вышестоящего партнёра; сначала смените его',
    currency_has_balance:
      'Поле «{field}» нельзя изменить, пока баланс в текущей валюте не равен 0.00 или внесён депозит: сначала доведите баланс до 0.00 и установите депозит 0.00',
    move_has_balance:
      'Поле «{field}» нельзя изменить, пока баланс с текущим партнёром (или платформой) не равен 0.00 или внесён депозит: сначала доведите баланс до 0.00 и установите депозит 0.00',
    self_archive: 'Нельзя отправить в архив собственного партнёра',
    not_archived: 'Запись не в архиве',
    archived: 'Запись в архиве; восстановите её, прежде чем изменять',
    current_password_wrong: 'Поле «{field}» не совпадает с вашим текущим паролем',
    tariff_version_exists: 'С этой даты уже действует цена; выберите другую дату',
    tariff_owner_forbidden: 'Изменить тариф может только его владелец',
    platform_owner_forbidden: 'Поле «{field}»: тариф всей платформы может создать только оператор платформы',
    effective_from_past: 'Поле «{field}» не может быть в прошлом: уже начисленные цены не переписываются',
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
    database_unavailable: 'База данных не отвечает',
    password_too_short: 'Поле «{field}» должно быть не короче {min} символов',
    password_too_long: 'Поле «{field}» должно быть не длиннее {max} символов',
    password_common: 'Поле «{field}»: это один из самых распространённых паролей; выберите другой',
    password_weak:
      'Поле «{field}»: пароль легко подобрать (надёжность {score} из 4, нужно {min}); сделайте его длиннее или менее предсказуемым',
    password_contains_login: 'Поле «{field}» не должно содержать логин',
    password_contains_name: 'Поле «{field}» не должно содержать имя',
    setting_unknown: 'Настройки «{key}» нет; выберите настройку из списка',
    setting_unknown_field: 'У этой настройки нет поля «{name}»',
    setting_required: 'Заполните это поле',
    setting_not_text: 'Должно быть текстом',
    setting_not_integer: 'Должно быть целым числом',
    setting_not_boolean: 'Должно быть true или false (да или нет)',
    setting_not_object: 'Должно быть набором полей (JSON-объектом)',
    setting_enum: 'Выберите одно из значений: {allowed}',
    setting_too_long: 'Не длиннее {max} символов',
    setting_out_of_range: 'Должно быть от {min} до {max}',
    setting_https_url: 'Укажите полный адрес https://, например https://support.example.com',
    setting_email: 'Укажите адрес электронной почты, например name@example.com',
    setting_hostname: 'Укажите имя сервера или IP-адрес, например smtp.example.com',
    setting_telegram_token: 'Укажите токен от @BotFather: цифры, двоеточие, затем токен',
    setting_telegram_bot_name: 'Укажите username бота: от 5 до 32 латинских букв, цифр или _, в конце «bot»',
    setting_sms_sender: 'Укажите до 11 латинских букв или цифр либо номер телефона до 15 цифр',
    setting_invalid_character: 'Содержит символ, который нельзя сохранить (NUL)',
  },
};

/** The shared messages with every section's codes; a code means one thing wherever it is used. */
const messages: Record<Locale, Catalogue> = {
  en: Object.assign(
    {},
    ...sectionCatalogues.map((section) => section.messages.en),
    sharedMessages.en,
  ) as Catalogue,
  ru: Object.assign(
    {},
    ...sectionCatalogues.map((section) => section.messages.ru),
    sharedMessages.ru,
  ) as Catalogue,
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

/** The label of a field on the form of an API section (see SectionCatalogue), else the shared one. */
export function fieldLabel(field: string, locale: Locale, section?: string): string {
  const key = field.split(/[.[]/)[0] ?? field;
  const own = sectionCatalogues.find((catalogue) => section && catalogue.sections.includes(section));
  // Own properties only: a field named "constructor" must not find Object.prototype's.
  if (own && Object.hasOwn(own.labels[locale], key)) return own.labels[locale][key]!;
  return Object.hasOwn(fieldLabels[locale], key) ? fieldLabels[locale][key]! : field;
}

/** The API section of a request's URL: "/api/v1/contracts/7?x" → "contracts". */
export function sectionOf(url: string): string | undefined {
  return /^\/api\/v1\/([a-z-]+)/.exec(url)?.[1];
}

/** The message for an error code with its values filled in; unknown codes fall back to the code. */
export function translate(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const own = (catalogue: Catalogue) => (Object.hasOwn(catalogue, code) ? catalogue[code] : undefined);
  const template = own(messages[locale]) ?? own(messages.en) ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Every code with a message, for the test that each code the code base uses has one in both languages. */
export function knownMessageCodes(locale: Locale): string[] {
  return Object.keys(messages[locale]);
}
