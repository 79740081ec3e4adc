import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  localeFrom,
  sharedCatalogue,
  type Locale,
  type MessageCatalogue,
  type MessageParams,
} from './lib/messages.js';
import { PASSWORD_ERROR_CODES } from './lib/password-policy.js';
import { TAX_ID_ERROR_CODES } from './lib/tax-ids.js';
import { appMessages, featureCatalogues } from './messages.js';

const sourceRoot = path.dirname(fileURLToPath(import.meta.url));

const knownMessageCodes = (locale: Locale) => appMessages.knownCodes(locale);
const translate = (code: string, locale: Locale, params?: MessageParams) =>
  appMessages.translator(locale).message(code, params);
/** The label of a field on the form of a module (its catalogue), else the shared one. */
const fieldLabel = (field: string, locale: Locale, module?: string) =>
  appMessages.translator(locale, catalogueOf(module)).label(field);
/* Modules whose routes declare another module's catalogue (the portal's login check answers with the users'). */
const borrowedCatalogues: Record<string, string> = { portal: 'users' };
const catalogueOf = (module: string | undefined): MessageCatalogue | undefined => {
  const owner = module === undefined ? undefined : (borrowedCatalogues[module] ?? module);
  return owner !== undefined && Object.hasOwn(featureCatalogues, owner)
    ? featureCatalogues[owner as keyof typeof featureCatalogues]
    : undefined;
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const sources = sourceFiles(sourceRoot).map((file) => ({
  file: path.relative(sourceRoot, file),
  text: readFileSync(file, 'utf8'),
}));

const code = String.raw`'([a-z][a-z0-9_]*)'`;
/* The ways the server names an error code in its source. */
const codePatterns = [
  new RegExp(String.raw`new AppError\(\s*${code}`, 'g'),
  new RegExp(String.raw`\b(?:forbidden|unauthorized|conflict)\(\s*${code}`, 'g'),
  new RegExp(String.raw`\.add\(\s*[^,()]+,\s*${code}`, 'g'),
  new RegExp(String.raw`\bcode:\s*${code}`, 'g'),
  new RegExp(String.raw`\bcode\s*=\s*${code}`, 'g'),
];

/** Every error code written in the server source, with the files that use it. */
function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (name: string, file: string) => found.set(name, [...(found.get(name) ?? []), file]);
  for (const { file, text } of sources) {
    for (const pattern of codePatterns) {
      for (const match of text.matchAll(pattern)) note(match[1]!, file);
    }
    // checkAmount's problems travel through a variable: read them from their type.
    const amountProblems = /type AmountProblem\s*=([^;]+);/.exec(text);
    if (amountProblems) for (const [, name] of amountProblems[1]!.matchAll(/'(\w+)'/g)) note(name!, file);
  }
  return found;
}

const usedCodes = codesInSource();
const allCodes = [...new Set([...usedCodes.keys(), ...TAX_ID_ERROR_CODES, ...PASSWORD_ERROR_CODES])].sort();

describe('message catalogue', () => {
  it('finds the codes of the source (the scan itself works)', () => {
    const expected = [
      'required',
      'unknown_field',
      'type',
      'enum',
      'csrf',
      'invalid_credentials',
      'rate_limited',
      'not_found',
      'unauthorized',
      'forbidden',
      'validation_failed',
      'version_conflict',
      'login_taken',
      'code1c_taken',
      'tariff_version_exists',
      'tariff_owner_forbidden',
      'tariff_not_available',
      'tariff_currency',
      'currency_unknown',
      'field_forbidden',
      'parent_not_found',
      'parent_cycle',
      'amount_invalid',
      'amount_scale',
      'amount_too_large',
      'amount_negative',
      'internal',
      'malformed_request',
    ];
    for (const name of expected) expect(allCodes, name).toContain(name);
    expect(allCodes.length).toBeGreaterThan(60);
  });

  it.each<Locale>(['en', 'ru'])('has a %s message for every code the server uses', (locale) => {
    const known = new Set(knownMessageCodes(locale));
    const missing = allCodes
      .filter((name) => !known.has(name))
      .map((name) => `${name} (${(usedCodes.get(name) ?? []).join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('defines each code in one catalogue only, so no text of it is dead', () => {
    const owners = new Map<string, string[]>();
    const catalogues = { shared: sharedCatalogue, ...featureCatalogues };
    for (const [name, catalogue] of Object.entries(catalogues)) {
      for (const locale of ['en', 'ru'] as const) {
        for (const code of Object.keys(catalogue.messages[locale])) {
          owners.set(`${locale}:${code}`, [...(owners.get(`${locale}:${code}`) ?? []), name]);
        }
      }
    }
    const twice = [...owners.entries()].filter(([, names]) => names.length > 1).map(([code]) => code);
    expect(twice).toEqual([]);
  });

  it('has the same codes in English and Russian', () => {
    expect([...knownMessageCodes('ru')].sort()).toEqual([...knownMessageCodes('en')].sort());
  });

  it('uses the same placeholders in both languages, and Russian text in Russian', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const name of knownMessageCodes('en')) {
      const en = translate(name, 'en');
      const ru = translate(name, 'ru');
      expect(placeholders(ru), name).toEqual(placeholders(en));
      expect(ru, name).toMatch(/[А-Яа-яЁё]/);
      expect(en, name).not.toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('has a label in both languages for every field the server names in an error', () => {
    // A module's errors are answered to requests of its own routes, which use its catalogue's labels.
    const fields = new Map<string, string | undefined>();
    for (const { file, text } of sources) {
      const section = /^modules\/([a-z-]+)\//.exec(file.split(path.sep).join('/'))?.[1];
      const note = (field: string) => fields.set(`${section ?? ''}:${field}`, section);
      for (const match of text.matchAll(/\bfield:\s*'(\w+)',\s*code:/g)) note(match[1]!);
      for (const match of text.matchAll(/\.add\(\s*'(\w+)'/g)) note(match[1]!);
    }
    expect([...fields.keys()]).toContain('tariffs:ownerPartnerId');
    const unlabelled = [...fields.entries()]
      .map(([key, section]) => ({ key, field: key.slice(key.indexOf(':') + 1), section }))
      .filter(({ field, section }) => {
        // Shared code (the error handler's unique indexes) answers in the section of the request.
        const sections = section ? [section] : [undefined, 'contracts', 'objects', 'users'];
        return !sections.some(
          (candidate) =>
            fieldLabel(field, 'en', candidate) !== field && fieldLabel(field, 'ru', candidate) !== field,
        );
      })
      .map(({ key }) => key);
    expect(unlabelled).toEqual([]);
  });
});

describe('translate', () => {
  it('fills {field} and the other parameters', () => {
    expect(translate('required', 'en', { field: 'Name' })).toBe('Name is required');
    expect(translate('required', 'ru', { field: 'Наименование' })).toBe('Поле «Наименование» обязательно');
    expect(translate('out_of_range', 'en', { field: 'Page size', min: 1, max: 500 })).toBe(
      'Page size must be from 1 to 500',
    );
    expect(translate('rate_limited', 'ru', { retryAfter: 30 })).toBe(
      'Слишком много попыток; повторите через 30 с',
    );
    expect(translate('amount_scale', 'en', { field: fieldLabel('price', 'en', 'tariffs') })).toBe(
      'Price may have at most 2 decimal places',
    );
    expect(translate('tariff_currency', 'ru', { field: fieldLabel('priceTariffId', 'ru', 'partners') })).toBe(
      'Поле «Тариф»: валюта тарифа не входит в валюты партнёра',
    );
  });

  it('replaces every occurrence and leaves unknown placeholders as they are', () => {
    expect(translate('required', 'en')).toBe('{field} is required');
    expect(translate('out_of_range', 'en', { field: 'VAT', min: 0 })).toBe('VAT must be from 0 to {max}');
    expect(translate('password_too_short', 'en', { field: '$& {min}', min: 8 })).toBe(
      '$& {min} must be at least 8 characters long',
    );
  });

  it('answers an unknown code with the code itself', () => {
    expect(translate('no_such_code', 'en')).toBe('no_such_code');
    expect(translate('no_such_code', 'ru', { field: 'x' })).toBe('no_such_code');
  });

  // Issue 15, item 13: one date format per language, in the API's messages as on the screens.
  it('writes a day as the language does: ISO in English, DD.MM.YYYY in Russian', () => {
    const params = { field: 'Effective from', earliest: '2026-12-05', billedThrough: '2026-12-04' };
    expect(translate('effective_from_billed', 'en', params)).toBe(
      'Effective from cannot be before 2026-12-05: this price plan was billed up to 2026-12-04, and days already billed keep their price',
    );
    expect(translate('effective_from_billed', 'ru', { ...params, field: 'Действует с' })).toBe(
      'Поле «Действует с» не может быть раньше 05.12.2026: по этому тарифу уже начислено по 04.12.2026 включительно, а начисленные дни сохраняют свою цену',
    );
    // Only a whole day is a day: other values are written as they are.
    expect(translate('out_of_range', 'ru', { field: '2026-12-05 10:00', min: '2026', max: 5 })).toBe(
      'Поле «2026-12-05 10:00» должно быть от 2026 до 5',
    );
  });
});

/*
 * Issue 15, item 14: the Russian texts read as a Russian operator writes them, and name a field as the
 * web form names it (the exports' headers and the errors use these labels too); the seed's English
 * labels stay exactly as they are.
 */
describe('wording', () => {
  const webRoot = path.join(sourceRoot, '../../web/src');
  const webTexts = (file: string): Record<string, Record<string, unknown>> =>
    JSON.parse(readFileSync(path.join(webRoot, file), 'utf8')) as Record<string, Record<string, unknown>>;
  const forms: [module: keyof typeof featureCatalogues, file: (locale: Locale) => string, section: string][] =
    [
      ['partners', (locale) => `i18n/${locale}.json`, 'partner'],
      ['contracts', (locale) => `modules/contracts/i18n/${locale}.json`, 'contract'],
      ['objects', (locale) => `modules/objects/i18n/${locale}.json`, 'object'],
      ['users', (locale) => `modules/users/i18n/${locale}.json`, 'user'],
      ['staff', (locale) => `modules/staff/i18n/${locale}.json`, 'staffUser'],
      ['tariffs', (locale) => `modules/tariffs/i18n/${locale}.json`, 'tariff'],
      ['finance', (locale) => `modules/finance/i18n/${locale}.json`, 'finance'],
    ];

  it.each(forms)(
    'names the fields of %s as its web form does, in both languages',
    (module, file, section) => {
      for (const locale of ['en', 'ru'] as const) {
        const webFields = webTexts(file(locale))[section]?.fields as Record<string, string>;
        const translator = appMessages.translator(locale, featureCatalogues[module]);
        const shared = Object.keys(webFields).filter(
          (field) =>
            Object.hasOwn(featureCatalogues[module].labels[locale], field) ||
            Object.hasOwn(sharedCatalogue.labels[locale], field),
        );
        expect(shared.length).toBeGreaterThan(0);
        for (const field of shared)
          expect([locale, field, translator.label(field)]).toEqual([locale, field, webFields[field]]);
      }
    },
  );

  it("calls the billing model by the accountants' term, and contracts contracts", () => {
    expect(fieldLabel('accountType', 'ru')).toBe('Порядок расчётов');
    expect(fieldLabel('accountType', 'ru', 'contracts')).toBe('Порядок расчётов');
    expect(fieldLabel('usersBlocked', 'ru', 'partners')).toBe('Запретить вход пользователям договоров');
    expect(fieldLabel('contractId', 'ru', 'finance')).toBe('Договор');
    expect(translate('account_type_unknown', 'ru', { field: 'Порядок расчётов' })).toBe(
      'Поле «Порядок расчётов»: выберите порядок расчётов из списка',
    );
    // The seed's English labels, exactly.
    expect(fieldLabel('accountType', 'en')).toBe('Account type');
    expect(fieldLabel('usersBlocked', 'en', 'partners')).toBe('Block users of accounts partner');
    expect(fieldLabel('userPasswordPolicy', 'en', 'partners')).toBe('Password for Users');
    // No Russian label or message calls a contract an "account" (аккаунт) or the billing model a user
    // account's type ("тип учётной записи").
    for (const catalogue of [sharedCatalogue, ...Object.values(featureCatalogues)]) {
      for (const text of [...Object.values(catalogue.labels.ru), ...Object.values(catalogue.messages.ru)]) {
        expect(text).not.toMatch(/аккаунт|тип учётной записи/i);
      }
    }
  });
});

describe('fieldLabel', () => {
  it('names a field by its label on the form, indexed and nested fields by their root', () => {
    expect(fieldLabel('priceTariffId', 'en', 'partners')).toBe('Price');
    expect(fieldLabel('partnerPriceTariffId', 'ru', 'partners')).toBe('Партнёрский тариф');
    expect(fieldLabel('additionalCurrencies[2]', 'en', 'partners')).toBe('Additional currencies');
    expect(fieldLabel('additionalCurrencies[0]', 'ru', 'partners')).toBe('Дополнительные валюты');
    expect(fieldLabel('blocked', 'en', 'partners')).toBe('Block Partner');
    expect(fieldLabel('blocked', 'en', 'users')).toBe('Blocked');
    expect(fieldLabel('parentId.x', 'en')).toBe('Partner');
    expect(fieldLabel('somethingElse', 'en')).toBe('somethingElse');
  });
});

describe('localeFrom', () => {
  it.each<[string | undefined, Locale]>([
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['en;q=0.1, ru;q=0.5', 'ru'],
    [undefined, 'en'],
    ['', 'en'],
    ['ru', 'ru'],
    ['RU-ru', 'ru'],
    ['de-DE, ru;q=0.7, en;q=0.3', 'ru'],
    ['en-GB,ru;q=0.9', 'en'],
    ['fr, de;q=0.9', 'en'],
    ['ru;q=0, en;q=0.1', 'en'],
    ['ru;q=0', 'en'],
    ['*', 'en'],
    [' ru ; q=0.8 , en ; q=0.9', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(localeFrom(header)).toBe(expected);
  });
});
