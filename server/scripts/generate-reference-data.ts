/**
 * Regenerates the reference data the Partners form picks from:
 *   src/modules/reference/data/regions.json    ISO 3166-2 subdivisions, English + Russian names
 *   src/modules/reference/data/countries.json  ISO 3166-1 countries that have regions
 *   src/modules/reference/data/currencies.json ISO 4217 active currencies
 *
 * Run by `npm install` (the server's postinstall); the JSON is not committed. Sources (dependencies, pinned): iso3166-2-db (subdivisions and their translations, i18n/en.json and
 * i18n/ru.json — the ISO/UN view, not the per-country "dispute" variants), i18n-iso-countries (country
 * names), currency-codes (ISO 4217 list one). The hand-written tables below correct what those sources get
 * wrong or lack; every correction names the code it touches, and the script fails if a correction no longer
 * matches the source, so an upgrade cannot silently drop or double-apply one.
 *
 * Rerun after bumping any of those packages, after editing a table below, or when ISO publishes a change
 * for a country we serve (ISO 3166 OBP newsletters; ISO 4217 amendments):
 *   cd server && npx tsx scripts/generate-reference-data.ts
 * then run the reference tests, which pin the exact counts, and review the JSON diff.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countryNames from 'i18n-iso-countries';
import currencyCodes from 'currency-codes';

const require = createRequire(import.meta.url);
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../src/modules/reference/data');

/** The countries whose regions are checked by hand below; the rest are taken from the source as-is. */
const CIS = ['RU', 'KZ', 'AM', 'AZ', 'BY', 'KG', 'MD', 'TJ', 'UZ', 'TM'] as const;

// ---------------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------------

type SourceRegion = { name?: string; iso?: string };
type SourceCountry = { iso: string; name: string; regions: SourceRegion[] };

type Region = { code: string; country: string; nameEn: string; nameRu: string };
type Country = { code: string; nameEn: string; nameRu: string };

/**
 * Kazakhstan, replacing the source's list wholesale: iso3166-2-db 2.3.11 still has the pre-2020 letter
 * codes (KZ-ALA, KZ-AST, KZ-YUZ, ...), South Kazakhstan instead of Turkistan, no Shymkent, and
 * Baikonur (KZ-BAY), which ISO has dropped. ISO 3166-2:KZ now uses the KATO-based numeric codes, and the
 * 2022 newsletter added KZ-10 Abai, KZ-33 Zhetisu and KZ-62 Ulytau (regions created in June 2022).
 * This is the full current list: 17 regions and 3 cities of republican significance.
 */
const KAZAKHSTAN_REGIONS: readonly Region[] = [
  { code: 'KZ-10', country: 'KZ', nameEn: 'Abai Region', nameRu: 'Абайская область' },
  { code: 'KZ-11', country: 'KZ', nameEn: 'Akmola Region', nameRu: 'Акмолинская область' },
  { code: 'KZ-15', country: 'KZ', nameEn: 'Aktobe Region', nameRu: 'Актюбинская область' },
  { code: 'KZ-19', country: 'KZ', nameEn: 'Almaty Region', nameRu: 'Алматинская область' },
  { code: 'KZ-23', country: 'KZ', nameEn: 'Atyrau Region', nameRu: 'Атырауская область' },
  { code: 'KZ-27', country: 'KZ', nameEn: 'West Kazakhstan Region', nameRu: 'Западно-Казахстанская область' },
  { code: 'KZ-31', country: 'KZ', nameEn: 'Jambyl Region', nameRu: 'Жамбылская область' },
  { code: 'KZ-33', country: 'KZ', nameEn: 'Jetisu Region', nameRu: 'Жетысуская область' },
  { code: 'KZ-35', country: 'KZ', nameEn: 'Karaganda Region', nameRu: 'Карагандинская область' },
  { code: 'KZ-39', country: 'KZ', nameEn: 'Kostanay Region', nameRu: 'Костанайская область' },
  { code: 'KZ-43', country: 'KZ', nameEn: 'Kyzylorda Region', nameRu: 'Кызылординская область' },
  { code: 'KZ-47', country: 'KZ', nameEn: 'Mangystau Region', nameRu: 'Мангистауская область' },
  { code: 'KZ-55', country: 'KZ', nameEn: 'Pavlodar Region', nameRu: 'Павлодарская область' },
  { code: 'KZ-59', country: 'KZ', nameEn: 'North Kazakhstan Region', nameRu: 'Северо-Казахстанская область' },
  { code: 'KZ-61', country: 'KZ', nameEn: 'Turkistan Region', nameRu: 'Туркестанская область' },
  { code: 'KZ-62', country: 'KZ', nameEn: 'Ulytau Region', nameRu: 'Улытауская область' },
  {
    code: 'KZ-63',
    country: 'KZ',
    nameEn: 'East Kazakhstan Region',
    nameRu: 'Восточно-Казахстанская область',
  },
  { code: 'KZ-71', country: 'KZ', nameEn: 'Astana', nameRu: 'Астана' },
  { code: 'KZ-75', country: 'KZ', nameEn: 'Almaty', nameRu: 'Алматы' },
  { code: 'KZ-79', country: 'KZ', nameEn: 'Shymkent', nameRu: 'Шымкент' },
];

/** Countries whose source list is replaced by a table above. */
const REPLACED_COUNTRIES: ReadonlyMap<string, readonly Region[]> = new Map([['KZ', KAZAKHSTAN_REGIONS]]);

/** Name corrections for single source rows (CIS and neighbours), keyed by full ISO 3166-2 code. */
const REGION_NAME_FIXES: Readonly<Record<string, { nameEn?: string; nameRu?: string }>> = {
  // The source swaps the Russian names of Beylagan and Balakan.
  'AZ-BEY': { nameRu: 'Бейлаганский район' },
  'AZ-BAL': { nameRu: 'Балакенский район' },
  // ISO names the city Xankəndi; the source uses the name of the unrecognised entity's administration.
  'AZ-XA': { nameEn: 'Khankendi', nameRu: 'Ханкенди' },
  // Russian names missing in the source (it repeats the Latin spelling).
  'KG-GO': { nameRu: 'Ош' },
  'TJ-DU': { nameRu: 'Душанбе' },
  'TJ-RA': { nameRu: 'Районы республиканского подчинения' },
  // ISO: "Stînga Nistrului, unitatea teritorială din"; the source's Russian is the unrecognised state's name.
  'MD-SN': {
    nameEn: 'Left Bank of the Dniester (Transnistria)',
    nameRu: 'Левобережье Днестра (Приднестровье)',
  },
  'MD-ED': { nameEn: 'Edineț District' },
  'RU-SE': { nameEn: 'North Ossetia–Alania', nameRu: 'Северная Осетия — Алания' },
  'RU-KR': { nameEn: 'Karelia' },
  'GE-SZ': { nameRu: 'Самегрело — Земо-Сванети' },
};

/**
 * Expected region count per hand-checked country, from ISO 3166-2 (top-level subdivisions only).
 * AZ lists the 71 mainland entries plus the Nakhchivan Autonomous Republic as one entry; ISO also lists
 * Nakhchivan's 7 districts under it, which the source lacks. RU is ISO's 83 (ISO lists Crimea and
 * Sevastopol as UA-43 and UA-40).
 */
const EXPECTED_REGION_COUNTS: Readonly<Record<(typeof CIS)[number], number>> = {
  RU: 83,
  KZ: 20,
  AM: 11,
  AZ: 71,
  BY: 7,
  KG: 9,
  MD: 37,
  TJ: 5,
  UZ: 14,
  TM: 6,
};

/** Short names where i18n-iso-countries' primary name is the formal one ("Russian Federation"). */
const COUNTRY_NAME_FIXES: Readonly<Record<string, { nameEn?: string; nameRu?: string }>> = {
  RU: { nameEn: 'Russia', nameRu: 'Россия' },
  MD: { nameEn: 'Moldova' },
  CN: { nameEn: 'China', nameRu: 'Китай' },
};

// ISO 3166-2 subdivision part: 1-3 Latin letters or digits. The source also has rows with no ISO code
// (sub-units it knows from OSM/GeoNames) and a few placeholders like "X1~"; neither can be stored.
const SUBDIVISION_PART = /^[A-Z0-9]{1,3}$/;
const CYRILLIC = /[А-Яа-яЁё]/;

function readJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

function clean(name: string | undefined): string {
  return (name ?? '').replace(/\s+/g, ' ').trim();
}

function buildRegions(): { regions: Region[]; countries: Country[] } {
  const en = readJson<Record<string, SourceCountry>>('iso3166-2-db/i18n/en.json');
  const ru = readJson<Record<string, SourceCountry>>('iso3166-2-db/i18n/ru.json');

  const regions: Region[] = [];
  const dropped = { noCode: 0, badCode: 0, duplicate: [] as string[] };
  let ruFallbacks = 0;
  const ruFallbacksByCountry = new Map<string, number>();
  const unusedFixes = new Set(Object.keys(REGION_NAME_FIXES));

  for (const country of Object.keys(en).sort()) {
    const replacement = REPLACED_COUNTRIES.get(country);
    if (replacement) {
      regions.push(...replacement);
      continue;
    }
    const ruByIso = new Map((ru[country]?.regions ?? []).map((r) => [r.iso, r]));
    const seen = new Set<string>();
    for (const source of en[country]?.regions ?? []) {
      if (!source.iso) {
        dropped.noCode++;
        continue;
      }
      if (!SUBDIVISION_PART.test(source.iso)) {
        dropped.badCode++;
        continue;
      }
      const code = `${country}-${source.iso}`;
      if (seen.has(code)) {
        dropped.duplicate.push(code);
        continue;
      }
      seen.add(code);
      const fix = REGION_NAME_FIXES[code];
      if (fix) unusedFixes.delete(code);
      const nameEn = fix?.nameEn ?? clean(source.name);
      if (!nameEn) throw new Error(`${code}: no English name in the source`);
      let nameRu = fix?.nameRu ?? clean(ruByIso.get(source.iso)?.name);
      // A "Russian" name without Cyrillic is the source repeating the Latin spelling: treat as missing.
      if (!CYRILLIC.test(nameRu)) {
        nameRu = nameEn;
        ruFallbacks++;
        ruFallbacksByCountry.set(country, (ruFallbacksByCountry.get(country) ?? 0) + 1);
      }
      regions.push({ code, country, nameEn, nameRu });
    }
  }
  if (unusedFixes.size > 0) {
    throw new Error(`Region name fixes match no source row: ${[...unusedFixes].join(', ')}`);
  }
  regions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  for (const [country, expected] of Object.entries(EXPECTED_REGION_COUNTS)) {
    const actual = regions.filter((r) => r.country === country).length;
    if (actual !== expected) throw new Error(`${country}: expected ${expected} regions, got ${actual}`);
  }

  const withRegions = [...new Set(regions.map((r) => r.country))].sort();
  const countries = withRegions.map((code): Country => {
    const nameEn = countryNames.getName(code, 'en');
    const nameRu = countryNames.getName(code, 'ru');
    if (!nameEn || !nameRu) throw new Error(`${code}: no country name in i18n-iso-countries`);
    return { code, nameEn, nameRu, ...COUNTRY_NAME_FIXES[code] };
  });

  const cisFallbacks = CIS.map((c) => ruFallbacksByCountry.get(c) ?? 0).reduce((a, b) => a + b, 0);
  console.log(`regions: ${regions.length} in ${countries.length} countries`);
  console.log(`  CIS: ${CIS.map((c) => `${c} ${regions.filter((r) => r.country === c).length}`).join(', ')}`);
  console.log(`  Russian name fell back to English: ${ruFallbacks} (in CIS: ${cisFallbacks})`);
  console.log(
    `  dropped from source: ${dropped.noCode} without ISO code, ${dropped.badCode} with invalid code, ` +
      `${dropped.duplicate.length} duplicates (${dropped.duplicate.join(', ')})`,
  );
  return { regions, countries };
}

// ---------------------------------------------------------------------------------------------------
// Currencies
// ---------------------------------------------------------------------------------------------------

type Currency = { code: string; numeric: string; nameEn: string; nameRu: string; minorUnits: number };

/**
 * ISO 4217 entries that are not something a partner can be billed in: fund codes (settlement or
 * index units such as USN, CLF, UYI), precious metals, bond-market units, SDR, SUCRE, the ADB unit, the
 * test code XTS and "no currency" XXX. currency-codes also reports their minor units as 0 where ISO
 * says N.A.
 */
const NOT_BILLABLE = new Set([
  'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW',
  'XAG', 'XAU', 'XPD', 'XPT',
  'XBA', 'XBB', 'XBC', 'XBD',
  'XDR', 'XSU', 'XUA', 'XTS', 'XXX',
]); // prettier-ignore

/**
 * Russian names, worded after the all-Russian currency classifier ОКВ (ОК 014-2000). The CIS currencies
 * and the majors (USD, EUR, GBP, CNY, TRY, ...) were checked with care; the rest are best-effort. A
 * currency missing here falls back to its English ISO name.
 */
const CURRENCY_NAMES_RU: Readonly<Record<string, string>> = {
  AED: 'Дирхам (ОАЭ)',
  AFN: 'Афгани',
  ALL: 'Лек',
  AMD: 'Армянский драм',
  ANG: 'Нидерландский антильский гульден',
  AOA: 'Кванза',
  ARS: 'Аргентинское песо',
  AUD: 'Австралийский доллар',
  AWG: 'Арубанский флорин',
  AZN: 'Азербайджанский манат',
  BAM: 'Конвертируемая марка',
  BBD: 'Барбадосский доллар',
  BDT: 'Така',
  BGN: 'Болгарский лев',
  BHD: 'Бахрейнский динар',
  BIF: 'Бурундийский франк',
  BMD: 'Бермудский доллар',
  BND: 'Брунейский доллар',
  BOB: 'Боливиано',
  BRL: 'Бразильский реал',
  BSD: 'Багамский доллар',
  BTN: 'Нгултрум',
  BWP: 'Пула',
  BYN: 'Белорусский рубль',
  BZD: 'Белизский доллар',
  CAD: 'Канадский доллар',
  CDF: 'Конголезский франк',
  CHF: 'Швейцарский франк',
  CLP: 'Чилийское песо',
  CNY: 'Юань',
  COP: 'Колумбийское песо',
  CRC: 'Костариканский колон',
  CUC: 'Конвертируемое песо',
  CUP: 'Кубинское песо',
  CVE: 'Эскудо Кабо-Верде',
  CZK: 'Чешская крона',
  DJF: 'Франк Джибути',
  DKK: 'Датская крона',
  DOP: 'Доминиканское песо',
  DZD: 'Алжирский динар',
  EGP: 'Египетский фунт',
  ERN: 'Накфа',
  ETB: 'Эфиопский быр',
  EUR: 'Евро',
  FJD: 'Доллар Фиджи',
  FKP: 'Фунт Фолклендских островов',
  GBP: 'Фунт стерлингов',
  GEL: 'Лари',
  GHS: 'Ганский седи',
  GIP: 'Гибралтарский фунт',
  GMD: 'Даласи',
  GNF: 'Гвинейский франк',
  GTQ: 'Кетсаль',
  GYD: 'Гайанский доллар',
  HKD: 'Гонконгский доллар',
  HNL: 'Лемпира',
  HTG: 'Гурд',
  HUF: 'Форинт',
  IDR: 'Рупия',
  ILS: 'Новый израильский шекель',
  INR: 'Индийская рупия',
  IQD: 'Иракский динар',
  IRR: 'Иранский риал',
  ISK: 'Исландская крона',
  JMD: 'Ямайский доллар',
  JOD: 'Иорданский динар',
  JPY: 'Иена',
  KES: 'Кенийский шиллинг',
  KGS: 'Сом',
  KHR: 'Риель',
  KMF: 'Коморский франк',
  KPW: 'Северокорейская вона',
  KRW: 'Вона',
  KWD: 'Кувейтский динар',
  KYD: 'Доллар Островов Кайман',
  KZT: 'Тенге',
  LAK: 'Кип',
  LBP: 'Ливанский фунт',
  LKR: 'Шри-ланкийская рупия',
  LRD: 'Либерийский доллар',
  LSL: 'Лоти',
  LYD: 'Ливийский динар',
  MAD: 'Марокканский дирхам',
  MDL: 'Молдавский лей',
  MGA: 'Малагасийский ариари',
  MKD: 'Денар',
  MMK: 'Кьят',
  MNT: 'Тугрик',
  MOP: 'Патака',
  MRU: 'Угия',
  MUR: 'Маврикийская рупия',
  MVR: 'Руфия',
  MWK: 'Малавийская квача',
  MXN: 'Мексиканское песо',
  MYR: 'Малайзийский ринггит',
  MZN: 'Мозамбикский метикал',
  NAD: 'Доллар Намибии',
  NGN: 'Найра',
  NIO: 'Золотая кордоба',
  NOK: 'Норвежская крона',
  NPR: 'Непальская рупия',
  NZD: 'Новозеландский доллар',
  OMR: 'Оманский риал',
  PAB: 'Бальбоа',
  PEN: 'Соль',
  PGK: 'Кина',
  PHP: 'Филиппинское песо',
  PKR: 'Пакистанская рупия',
  PLN: 'Злотый',
  PYG: 'Гуарани',
  QAR: 'Катарский риал',
  RON: 'Румынский лей',
  RSD: 'Сербский динар',
  RUB: 'Российский рубль',
  RWF: 'Франк Руанды',
  SAR: 'Саудовский риял',
  SBD: 'Доллар Соломоновых Островов',
  SCR: 'Сейшельская рупия',
  SDG: 'Суданский фунт',
  SEK: 'Шведская крона',
  SGD: 'Сингапурский доллар',
  SHP: 'Фунт Святой Елены',
  SLE: 'Леоне',
  SOS: 'Сомалийский шиллинг',
  SRD: 'Суринамский доллар',
  SSP: 'Южносуданский фунт',
  STN: 'Добра',
  SVC: 'Сальвадорский колон',
  SYP: 'Сирийский фунт',
  SZL: 'Лилангени',
  THB: 'Бат',
  TJS: 'Сомони',
  TMT: 'Новый туркменский манат',
  TND: 'Тунисский динар',
  TOP: 'Паанга',
  TRY: 'Турецкая лира',
  TTD: 'Доллар Тринидада и Тобаго',
  TWD: 'Новый тайваньский доллар',
  TZS: 'Танзанийский шиллинг',
  UAH: 'Гривна',
  UGX: 'Угандийский шиллинг',
  USD: 'Доллар США',
  UYU: 'Уругвайское песо',
  UZS: 'Узбекский сум',
  VES: 'Боливар соберано',
  VND: 'Донг',
  VUV: 'Вату',
  WST: 'Тала',
  XAF: 'Франк КФА ВЕАС',
  XCD: 'Восточно-карибский доллар',
  XOF: 'Франк КФА ВСЕАО',
  XPF: 'Франк КФП',
  YER: 'Йеменский риал',
  ZAR: 'Рэнд',
  ZMW: 'Замбийская квача',
};

function buildCurrencies(): Currency[] {
  const unusedNames = new Set(Object.keys(CURRENCY_NAMES_RU));
  const fallbacks: string[] = [];
  const currencies = currencyCodes.data
    .filter((c) => !NOT_BILLABLE.has(c.code))
    .map((c): Currency => {
      const nameEn = clean(c.currency);
      const nameRu = CURRENCY_NAMES_RU[c.code];
      unusedNames.delete(c.code);
      if (!nameRu) fallbacks.push(c.code);
      if (!/^\d{3}$/.test(c.number)) throw new Error(`${c.code}: numeric code ${c.number} is not 3 digits`);
      return { code: c.code, numeric: c.number, nameEn, nameRu: nameRu ?? nameEn, minorUnits: c.digits };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  if (unusedNames.size > 0) {
    throw new Error(`Russian currency names for codes not in the source: ${[...unusedNames].join(', ')}`);
  }
  console.log(
    `currencies: ${currencies.length} (ISO 4217 list of ${currencyCodes.publishDate}, ` +
      `${NOT_BILLABLE.size} non-billable codes excluded); Russian name fell back to English: ` +
      `${fallbacks.length} (${fallbacks.join(', ')})`,
  );
  return currencies;
}

// ---------------------------------------------------------------------------------------------------

/** One object per line: diffs show exactly which entry changed, and the file stays small. */
function writeRows(file: string, rows: readonly object[]): void {
  const body = `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
  writeFileSync(join(OUT_DIR, file), body, 'utf8');
}

mkdirSync(OUT_DIR, { recursive: true });
const { regions, countries } = buildRegions();
writeRows('regions.json', regions);
writeRows('countries.json', countries);
writeRows('currencies.json', buildCurrencies());
