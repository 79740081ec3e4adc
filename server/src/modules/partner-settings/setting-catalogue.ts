import { isIP } from 'node:net';
import type { AuditChange } from '../../db/schema.js';
import type { FieldErrors } from '../../lib/errors.js';
import { isValidEmail } from '../../lib/contact.js';
import { isAddressOrNetwork, networksOf } from '../../lib/networks.js';

/*
 * The catalogue of a partner's Configuration: every key a partner may set, the shape of its value,
 * how the value is validated and normalised, and its label and description in English and Russian.
 * The web form is built from this catalogue (GET /api/v1/reference/setting-keys), so a new key is
 * one entry here.
 *
 * Secrets (the SMTP password, the SMS provider's API key, the Telegram bot token) are WRITE-ONLY:
 * - The administrators who may edit a partner's settings see every other value in clear (they need
 *   them to edit), but a secret is returned as null, with its field name listed in `secretsSet`
 *   when a value is stored.
 * - On a write, a secret that is omitted or null keeps the stored one (so the form can send the
 *   values back without knowing the secret); an empty string clears it (refused when required).
 * - The export file leaves secrets out; importing that file therefore keeps the stored secrets.
 * - The audit trail shows a secret as '••••' when it holds a value and null when not, so History
 *   tells that it was set or changed, never what it is.
 * Secrets are stored sealed (lib/secret-box.ts, AES-256-GCM with FLEETDESK_SECRET_KEY): a copy of the
 * database gives none of them away; rows written before sealing are sealed when the server starts.
 * What will send mail or messages opens them with the same key.
 */

export interface Text {
  en: string;
  ru: string;
}

export type SettingFieldType = 'string' | 'integer' | 'boolean' | 'enum';
export type SettingFormat =
  'https_url' | 'email' | 'hostname' | 'telegram_token' | 'telegram_bot_name' | 'sms_sender' | 'network_list';

export interface SettingOption {
  value: string;
  label: Text;
}

export interface SettingField {
  /** The property of an object-shaped value; null for a scalar setting (the value itself). */
  name: string | null;
  type: SettingFieldType;
  label: Text;
  description?: Text;
  required: boolean;
  /** Write-only: never returned, exported or written to History in clear. */
  secret?: boolean;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: SettingFormat;
  options?: readonly SettingOption[];
  /** What the form proposes for a new setting. */
  default?: string | number | boolean;
}

export interface SettingDefinition {
  key: string;
  label: Text;
  description: Text;
  /** scalar: the value is one JSON string/number/boolean; object: a JSON object of `fields`. */
  shape: 'scalar' | 'object';
  fields: readonly SettingField[];
}

/** How a secret appears in History and anywhere else it must be acknowledged but not shown. */
export const SECRET_MASK = '••••';

export const settingCatalogue: readonly SettingDefinition[] = [
  {
    key: 'support_url',
    label: { en: 'Support page URL', ru: 'Адрес страницы поддержки' },
    description: {
      en: "The https:// address of the partner's support page, offered to its clients",
      ru: 'Адрес https:// страницы поддержки партнёра, который видят его клиенты',
    },
    shape: 'scalar',
    fields: [
      {
        name: null,
        type: 'string',
        label: { en: 'Support page URL', ru: 'Адрес страницы поддержки' },
        required: true,
        maxLength: 2000,
        format: 'https_url',
      },
    ],
  },
  {
    key: 'balance_in_days',
    label: { en: 'Show balance in days', ru: 'Показывать баланс в днях' },
    description: {
      en: 'Besides the amount, show clients how many days their balance lasts at the current charges',
      ru: 'Кроме суммы, показывать клиентам, на сколько дней хватит баланса при текущих начислениях',
    },
    shape: 'scalar',
    fields: [
      {
        name: null,
        type: 'boolean',
        label: { en: 'Show balance in days', ru: 'Показывать баланс в днях' },
        required: true,
        default: true,
      },
    ],
  },
  {
    key: 'smtp',
    label: { en: 'Outgoing mail (SMTP)', ru: 'Исходящая почта (SMTP)' },
    description: {
      en: "The mail server that sends the partner's letters to its clients (reminders, statements)",
      ru: 'Почтовый сервер, через который партнёр отправляет письма клиентам (напоминания, акты)',
    },
    shape: 'object',
    fields: [
      {
        name: 'host',
        type: 'string',
        label: { en: 'Server', ru: 'Сервер' },
        required: true,
        maxLength: 253,
        format: 'hostname',
      },
      {
        name: 'port',
        type: 'integer',
        label: { en: 'Port', ru: 'Порт' },
        required: true,
        minimum: 1,
        maximum: 65535,
        default: 587,
      },
      {
        name: 'username',
        type: 'string',
        label: { en: 'User name', ru: 'Имя пользователя' },
        required: false,
        maxLength: 254,
      },
      {
        name: 'password',
        type: 'string',
        label: { en: 'Password', ru: 'Пароль' },
        required: false,
        secret: true,
        maxLength: 512,
      },
      {
        name: 'fromAddress',
        type: 'string',
        label: { en: 'From address', ru: 'Адрес отправителя' },
        required: true,
        maxLength: 254,
        format: 'email',
      },
      {
        name: 'security',
        type: 'enum',
        label: { en: 'Encryption', ru: 'Шифрование' },
        required: true,
        options: [
          { value: 'none', label: { en: 'None', ru: 'Нет' } },
          { value: 'starttls', label: { en: 'STARTTLS', ru: 'STARTTLS' } },
          { value: 'tls', label: { en: 'SSL/TLS', ru: 'SSL/TLS' } },
        ],
        default: 'starttls',
      },
    ],
  },
  {
    key: 'sms_provider',
    label: { en: 'SMS provider', ru: 'SMS-провайдер' },
    description: {
      en: "The gateway that sends the partner's text messages to its clients",
      ru: 'Шлюз, через который партнёр отправляет SMS своим клиентам',
    },
    shape: 'object',
    fields: [
      {
        name: 'provider',
        type: 'enum',
        label: { en: 'Provider', ru: 'Провайдер' },
        required: true,
        options: [
          { value: 'smsc', label: { en: 'SMSC', ru: 'SMSC' } },
          { value: 'smsru', label: { en: 'SMS.ru', ru: 'SMS.ru' } },
          { value: 'twilio', label: { en: 'Twilio', ru: 'Twilio' } },
        ],
      },
      {
        name: 'login',
        type: 'string',
        label: { en: 'Login or Account SID', ru: 'Логин или Account SID' },
        description: {
          en: 'Not needed by SMS.ru, which uses the API key alone',
          ru: 'Не нужен для SMS.ru: там достаточно API-ключа',
        },
        required: false,
        maxLength: 100,
      },
      {
        name: 'apiKey',
        type: 'string',
        label: { en: 'API key or password', ru: 'API-ключ или пароль' },
        required: true,
        secret: true,
        maxLength: 512,
      },
      {
        name: 'sender',
        type: 'string',
        label: { en: 'Sender name', ru: 'Имя отправителя' },
        description: {
          en: 'Up to 11 Latin letters or digits, or a phone number',
          ru: 'До 11 латинских букв или цифр либо номер телефона',
        },
        required: false,
        maxLength: 16,
        format: 'sms_sender',
      },
    ],
  },
  {
    key: 'telegram_bot',
    label: { en: 'Telegram bot', ru: 'Telegram-бот' },
    description: {
      en: "The bot that sends the partner's notifications to its clients in Telegram",
      ru: 'Бот, который отправляет уведомления партнёра его клиентам в Telegram',
    },
    shape: 'object',
    fields: [
      {
        name: 'botToken',
        type: 'string',
        label: { en: 'Bot token', ru: 'Токен бота' },
        description: {
          en: 'As @BotFather gave it: digits, a colon, then the token',
          ru: 'Как его выдал @BotFather: цифры, двоеточие, затем токен',
        },
        required: true,
        secret: true,
        maxLength: 100,
        format: 'telegram_token',
      },
      {
        name: 'botName',
        type: 'string',
        label: { en: 'Bot username', ru: 'Имя бота (username)' },
        required: false,
        maxLength: 33,
        format: 'telegram_bot_name',
      },
    ],
  },
  {
    key: 'allowed_networks',
    label: { en: 'Allowed networks', ru: 'Разрешённые сети' },
    description: {
      en: 'The admin-panel users of this partner and of its sub-partners sign in only from these addresses and networks (CIDR, IPv4 or IPv6), separated by commas',
      ru: 'Пользователи панели администратора этого партнёра и его субпартнёров входят только с этих адресов и из этих сетей (CIDR, IPv4 или IPv6), через запятую',
    },
    shape: 'scalar',
    fields: [
      {
        name: null,
        type: 'string',
        label: { en: 'Allowed networks', ru: 'Разрешённые сети' },
        required: true,
        maxLength: 2000,
        format: 'network_list',
      },
    ],
  },
  {
    key: 'require_two_factor',
    label: { en: 'Require two-factor sign-in', ru: 'Требовать двухфакторный вход' },
    description: {
      en: 'The admin-panel users of this partner and of its sub-partners must sign in with a one-time code too; one who has not set it up is taken to set it up first',
      ru: 'Пользователи панели администратора этого партнёра и его субпартнёров входят ещё и с одноразовым кодом; кто его не настроил, сначала настраивает',
    },
    shape: 'scalar',
    fields: [
      {
        name: null,
        type: 'boolean',
        label: { en: 'Require two-factor sign-in', ru: 'Требовать двухфакторный вход' },
        required: true,
        default: true,
      },
    ],
  },
  {
    key: 'portal_url',
    label: { en: 'Portal URL', ru: 'Адрес портала' },
    description: {
      en: 'The https:// address of the monitoring portal that the partner’s clients use, opened by “Log in as”; sub-partners without their own inherit it',
      ru: 'Адрес https:// портала мониторинга, которым пользуются клиенты партнёра; его открывает «Войти как». Субпартнёры без своего адреса наследуют его',
    },
    shape: 'scalar',
    fields: [
      {
        name: null,
        type: 'string',
        label: { en: 'Portal URL', ru: 'Адрес портала' },
        required: true,
        maxLength: 2000,
        format: 'https_url',
      },
    ],
  },
];

export function findSettingDefinition(key: string): SettingDefinition | undefined {
  return settingCatalogue.find((definition) => definition.key === key);
}

export type ScalarValue = string | number | boolean | null;
export type StoredSettingValue = ScalarValue | Record<string, ScalarValue>;

const hostnamePattern =
  /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const telegramTokenPattern = /^\d{1,20}:[A-Za-z0-9_-]{30,79}$/;
const telegramBotNamePattern = /^[A-Za-z][A-Za-z0-9_]{1,28}bot$/i;
const smsSenderPattern = /^(?:[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}|\+?\d{3,15})$/;

function isHttpsUrl(text: string): boolean {
  if (!/^https:\/\//i.test(text) || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function isNetworkList(text: string): boolean {
  const entries = networksOf(text);
  return entries.length > 0 && entries.every((entry) => isAddressOrNetwork(entry));
}

const formatChecks: Record<SettingFormat, { test: (text: string) => boolean; code: string }> = {
  https_url: { test: isHttpsUrl, code: 'setting_https_url' },
  email: { test: isValidEmail, code: 'setting_email' },
  hostname: {
    test: (text) => hostnamePattern.test(text) || isIP(text.replace(/^\[(.*)\]$/, '$1')) !== 0,
    code: 'setting_hostname',
  },
  telegram_token: { test: (text) => telegramTokenPattern.test(text), code: 'setting_telegram_token' },
  telegram_bot_name: { test: (text) => telegramBotNamePattern.test(text), code: 'setting_telegram_bot_name' },
  sms_sender: { test: (text) => smsSenderPattern.test(text), code: 'setting_sms_sender' },
  network_list: { test: isNetworkList, code: 'setting_network_list' },
};

/** Telegram shows a username with or without its @; the stored name is without. */
const normalisers: Partial<Record<SettingFormat, (text: string) => string>> = {
  telegram_bot_name: (text) => text.replace(/^@/, ''),
  network_list: (text) => networksOf(text).join(', '),
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One field's value as the client sent it → the value to store; adds an error and answers undefined
 * when it is not valid. Strings are trimmed; an empty optional string is stored as null.
 */
function checkField(field: SettingField, raw: unknown, errors: FieldErrors, path: string) {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    if (field.required) {
      errors.add(path, 'setting_required');
      return undefined;
    }
    return null;
  }
  switch (field.type) {
    case 'boolean':
      if (typeof raw !== 'boolean') {
        errors.add(path, 'setting_not_boolean');
        return undefined;
      }
      return raw;
    case 'integer': {
      if (typeof raw !== 'number' || !Number.isInteger(raw)) {
        errors.add(path, 'setting_not_integer');
        return undefined;
      }
      const { minimum = Number.MIN_SAFE_INTEGER, maximum = Number.MAX_SAFE_INTEGER } = field;
      if (raw < minimum || raw > maximum) {
        errors.add(path, 'setting_out_of_range', { min: minimum, max: maximum });
        return undefined;
      }
      return raw;
    }
    case 'enum': {
      const allowed = (field.options ?? []).map((option) => option.value);
      if (typeof raw !== 'string' || !allowed.includes(raw)) {
        errors.add(path, 'setting_enum', { allowed: allowed.join(', ') });
        return undefined;
      }
      return raw;
    }
    case 'string': {
      if (typeof raw !== 'string') {
        errors.add(path, 'setting_not_text');
        return undefined;
      }
      // PostgreSQL text (and jsonb) cannot hold NUL; refuse it here rather than fail in the database.
      if (raw.includes('\u0000')) {
        errors.add(path, 'setting_invalid_character');
        return undefined;
      }
      // A secret is kept exactly as typed: leading or trailing spaces may be part of it.
      let text = field.secret ? raw : raw.trim();
      if (field.maxLength !== undefined && text.length > field.maxLength) {
        errors.add(path, 'setting_too_long', { max: field.maxLength });
        return undefined;
      }
      if (field.format) {
        text = normalisers[field.format]?.(text) ?? text;
        const check = formatChecks[field.format];
        if (!check.test(text)) {
          errors.add(path, check.code);
          return undefined;
        }
      }
      return text;
    }
  }
}

/**
 * Validates a value sent for a setting and merges it with the stored one (secrets omitted or null
 * are kept, see the note at the top). `path` names the value in errors: `value` for PUT,
 * `settings.<key>` for an import; a sub-field's errors are `<path>.<name>`.
 * Answers the value to store, or undefined when it added errors.
 */
export function normaliseSettingValue(
  definition: SettingDefinition,
  input: unknown,
  stored: StoredSettingValue | undefined,
  errors: FieldErrors,
  path: string,
  /** Seals a secret typed in for storage (kept secrets are stored sealed already). */
  seal: (secret: string) => string,
): StoredSettingValue | undefined {
  const before = errors.list.length;
  if (definition.shape === 'scalar') {
    const value = checkField(definition.fields[0]!, input, errors, path);
    return errors.list.length === before ? (value ?? null) : undefined;
  }
  if (!isPlainObject(input)) {
    errors.add(path, 'setting_not_object');
    return undefined;
  }
  const known = new Set(definition.fields.map((field) => field.name));
  for (const name of Object.keys(input)) {
    if (!known.has(name)) errors.add(`${path}.${name}`, 'setting_unknown_field', { name });
  }
  const storedObject = isPlainObject(stored) ? stored : {};
  const value: Record<string, ScalarValue> = {};
  for (const field of definition.fields) {
    const name = field.name!;
    const raw = input[name];
    if (field.secret && (raw === undefined || raw === null)) {
      const kept = storedObject[name] ?? null;
      if (kept === null && field.required) errors.add(`${path}.${name}`, 'setting_required');
      value[name] = kept;
      continue;
    }
    const checked = checkField(field, raw, errors, `${path}.${name}`);
    if (checked === undefined) continue;
    value[name] = field.secret && typeof checked === 'string' && checked !== '' ? seal(checked) : checked;
  }
  return errors.list.length === before ? value : undefined;
}

/** The stored object's field, null when absent (an older row, or a field added to the catalogue later). */
function fieldOf(value: StoredSettingValue | undefined, name: string): ScalarValue {
  return isPlainObject(value) ? (value[name] ?? null) : null;
}

/** What the API returns: the value with secrets blanked, and which secrets hold a value. */
export function presentSettingValue(definition: SettingDefinition, stored: StoredSettingValue) {
  if (definition.shape === 'scalar') return { value: stored, secretsSet: [] as string[] };
  const value: Record<string, ScalarValue> = {};
  const secretsSet: string[] = [];
  for (const field of definition.fields) {
    const name = field.name!;
    const raw = fieldOf(stored, name);
    if (field.secret) {
      value[name] = null;
      if (raw !== null && raw !== '') secretsSet.push(name);
    } else {
      value[name] = raw;
    }
  }
  return { value, secretsSet };
}

/**
 * The value with every secret held in clear sealed (a row written before secrets were sealed); null
 * when there was none to seal.
 */
export function sealClearSecrets(
  definition: SettingDefinition,
  stored: StoredSettingValue,
  seal: (secret: string) => string,
  isSealed: (text: string) => boolean,
): StoredSettingValue | null {
  if (!isPlainObject(stored)) return null;
  let sealed: Record<string, ScalarValue> | null = null;
  for (const field of definition.fields) {
    const raw = fieldOf(stored, field.name!);
    if (!field.secret || typeof raw !== 'string' || raw === '' || isSealed(raw)) continue;
    sealed = { ...(sealed ?? stored), [field.name!]: seal(raw) };
  }
  return sealed;
}

/** What the export file holds: the value without its secrets (left out, not blanked). */
export function exportSettingValue(definition: SettingDefinition, stored: StoredSettingValue) {
  if (definition.shape === 'scalar') return stored;
  const value: Record<string, ScalarValue> = {};
  for (const field of definition.fields) {
    if (!field.secret) value[field.name!] = fieldOf(stored, field.name!);
  }
  return value;
}

/**
 * The History lines of a setting going from `before` to `after` (undefined: absent): one line per
 * changed field, named `settings.<key>` or `settings.<key>.<field>`, secrets masked.
 */
export function settingAuditChanges(
  definition: SettingDefinition,
  before: StoredSettingValue | undefined,
  after: StoredSettingValue | undefined,
): AuditChange[] {
  const prefix = `settings.${definition.key}`;
  const changes: AuditChange[] = [];
  for (const field of definition.fields) {
    const read = (value: StoredSettingValue | undefined): ScalarValue =>
      value === undefined ? null : field.name === null ? (value as ScalarValue) : fieldOf(value, field.name);
    const old = read(before);
    const next = read(after);
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    const shown = (value: ScalarValue) =>
      field.secret && value !== null && value !== '' ? SECRET_MASK : value;
    changes.push({
      field: field.name === null ? prefix : `${prefix}.${field.name}`,
      old: shown(old),
      new: shown(next),
    });
  }
  return changes;
}

/** The catalogue as the form needs it: every key with its fields, labels in both languages. */
export function presentCatalogue() {
  return {
    items: settingCatalogue.map((definition) => ({
      key: definition.key,
      labelEn: definition.label.en,
      labelRu: definition.label.ru,
      descriptionEn: definition.description.en,
      descriptionRu: definition.description.ru,
      shape: definition.shape,
      fields: definition.fields.map((field) => ({
        name: field.name,
        type: field.type,
        required: field.required,
        secret: field.secret ?? false,
        labelEn: field.label.en,
        labelRu: field.label.ru,
        descriptionEn: field.description?.en ?? null,
        descriptionRu: field.description?.ru ?? null,
        maxLength: field.maxLength ?? null,
        minimum: field.minimum ?? null,
        maximum: field.maximum ?? null,
        format: field.format ?? null,
        options: (field.options ?? []).map((option) => ({
          value: option.value,
          labelEn: option.label.en,
          labelRu: option.label.ru,
        })),
        default: field.default ?? null,
      })),
    })),
  };
}
