/**
 * Legal forms for the partner card's "Organization type" list.
 *
 * Codes are stable identifiers stored on partners: never rename or reuse one; retire a form by leaving it
 * here and hiding it in the UI. A code is the country plus the abbreviation printed on that country's
 * registration documents, transliterated: the Russian one for RU, KZ, BY, KG, TJ, AM and TM (the language
 * our partners there use on paper), the local Latin-script one for UZ, AZ and MD, whose registries issue
 * Latin-script documents. The names carry both abbreviations so either can be typed into a search box.
 *
 * Each country lists its common commercial forms and the forms our public-sector customers use; anything
 * rarer takes one of the generic entries (country null), which also serve countries without a list. A
 * country's list leaves out the generic entries its own forms stand for (`generic`).
 *
 * `kind` follows the tax-ID rules of the card: 'individual' forms are natural persons (Russian 12-digit
 * INN, no KPP; Kazakh IIN), 'legal' forms are entities (Russian 10-digit INN with KPP; Kazakh BIN).
 */

export type OrganizationKind = 'legal' | 'individual';

export type OrganizationType = {
  code: string;
  /** ISO 3166-1 alpha-2, or null for the generic forms offered in every country. */
  country: string | null;
  kind: OrganizationKind;
  /**
   * The generic form (country null) this one is the country's own case of — its LLC, joint-stock
   * company, sole proprietor — so that the country's list offers its own form and not the generic
   * one beside it ("Limited liability company (OOO)" and "Limited liability company").
   */
  generic?: string;
  nameEn: string;
  nameRu: string;
};

export const organizationTypes: readonly OrganizationType[] = [
  // Russia
  {
    code: 'RU-OOO',
    country: 'RU',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (OOO)',
    nameRu: 'Общество с ограниченной ответственностью (ООО)',
  },
  {
    code: 'RU-AO',
    country: 'RU',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (AO)',
    nameRu: 'Акционерное общество (АО)',
  },
  {
    code: 'RU-PAO',
    country: 'RU',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Public joint-stock company (PAO)',
    nameRu: 'Публичное акционерное общество (ПАО)',
  },
  {
    code: 'RU-IP',
    country: 'RU',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (IP)',
    nameRu: 'Индивидуальный предприниматель (ИП)',
  },
  {
    code: 'RU-SELF',
    country: 'RU',
    kind: 'individual',
    nameEn: 'Self-employed (professional income tax payer)',
    nameRu: 'Самозанятый (плательщик НПД)',
  },
  {
    code: 'RU-KFH',
    country: 'RU',
    kind: 'individual',
    nameEn: 'Peasant (farm) household (KFKh)',
    nameRu: 'Крестьянское (фермерское) хозяйство (КФХ)',
  },
  {
    code: 'RU-NKO',
    country: 'RU',
    kind: 'legal',
    generic: 'NONPROFIT',
    nameEn: 'Non-profit organisation (NKO)',
    nameRu: 'Некоммерческая организация (НКО)',
  },
  {
    code: 'RU-GUP',
    country: 'RU',
    kind: 'legal',
    nameEn: 'State unitary enterprise (GUP)',
    nameRu: 'Государственное унитарное предприятие (ГУП)',
  },
  {
    code: 'RU-MUP',
    country: 'RU',
    kind: 'legal',
    nameEn: 'Municipal unitary enterprise (MUP)',
    nameRu: 'Муниципальное унитарное предприятие (МУП)',
  },
  {
    code: 'RU-GU',
    country: 'RU',
    kind: 'legal',
    generic: 'GOV',
    nameEn: 'State or municipal institution',
    nameRu: 'Государственное (муниципальное) учреждение',
  },

  // Kazakhstan
  {
    code: 'KZ-TOO',
    country: 'KZ',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability partnership (TOO)',
    nameRu: 'Товарищество с ограниченной ответственностью (ТОО)',
  },
  {
    code: 'KZ-AO',
    country: 'KZ',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (AO)',
    nameRu: 'Акционерное общество (АО)',
  },
  {
    code: 'KZ-IP',
    country: 'KZ',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (IP)',
    nameRu: 'Индивидуальный предприниматель (ИП)',
  },
  {
    code: 'KZ-GP',
    country: 'KZ',
    kind: 'legal',
    nameEn: 'State enterprise (RGP, GKP)',
    nameRu: 'Государственное предприятие (РГП, ГКП)',
  },
  {
    code: 'KZ-GU',
    country: 'KZ',
    kind: 'legal',
    generic: 'GOV',
    nameEn: 'State institution (GU)',
    nameRu: 'Государственное учреждение (ГУ)',
  },

  // Belarus
  {
    code: 'BY-OOO',
    country: 'BY',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (OOO)',
    nameRu: 'Общество с ограниченной ответственностью (ООО)',
  },
  {
    code: 'BY-ODO',
    country: 'BY',
    kind: 'legal',
    nameEn: 'Additional liability company (ODO)',
    nameRu: 'Общество с дополнительной ответственностью (ОДО)',
  },
  {
    code: 'BY-AO',
    country: 'BY',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (OAO, ZAO)',
    nameRu: 'Акционерное общество (ОАО, ЗАО)',
  },
  {
    code: 'BY-UP',
    country: 'BY',
    kind: 'legal',
    nameEn: 'Unitary enterprise (UP, ChUP)',
    nameRu: 'Унитарное предприятие (УП, ЧУП)',
  },
  {
    code: 'BY-IP',
    country: 'BY',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (IP)',
    nameRu: 'Индивидуальный предприниматель (ИП)',
  },

  // Uzbekistan
  {
    code: 'UZ-MChJ',
    country: 'UZ',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (MChJ)',
    nameRu: 'Общество с ограниченной ответственностью (ООО, MChJ)',
  },
  {
    code: 'UZ-AJ',
    country: 'UZ',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (AJ)',
    nameRu: 'Акционерное общество (АО, AJ)',
  },
  {
    code: 'UZ-XK',
    country: 'UZ',
    kind: 'legal',
    nameEn: 'Private enterprise (XK)',
    nameRu: 'Частное предприятие (ЧП, XK)',
  },
  {
    code: 'UZ-OK',
    country: 'UZ',
    kind: 'legal',
    nameEn: 'Family enterprise (OK)',
    nameRu: 'Семейное предприятие (OK)',
  },
  {
    code: 'UZ-DUK',
    country: 'UZ',
    kind: 'legal',
    nameEn: 'State unitary enterprise (DUK)',
    nameRu: 'Государственное унитарное предприятие (ГУП, DUK)',
  },
  {
    code: 'UZ-YaTT',
    country: 'UZ',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (YaTT)',
    nameRu: 'Индивидуальный предприниматель (ИП, YaTT)',
  },

  // Kyrgyzstan
  {
    code: 'KG-OsOO',
    country: 'KG',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (OsOO)',
    nameRu: 'Общество с ограниченной ответственностью (ОсОО)',
  },
  {
    code: 'KG-AO',
    country: 'KG',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (OAO, ZAO)',
    nameRu: 'Акционерное общество (ОАО, ЗАО)',
  },
  {
    code: 'KG-IP',
    country: 'KG',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (IP)',
    nameRu: 'Индивидуальный предприниматель (ИП)',
  },

  // Tajikistan
  {
    code: 'TJ-OOO',
    country: 'TJ',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (OOO)',
    nameRu: 'Общество с ограниченной ответственностью (ООО)',
  },
  {
    code: 'TJ-AO',
    country: 'TJ',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (OAO, ZAO)',
    nameRu: 'Акционерное общество (ОАО, ЗАО)',
  },
  {
    code: 'TJ-GUP',
    country: 'TJ',
    kind: 'legal',
    nameEn: 'State unitary enterprise (GUP)',
    nameRu: 'Государственное унитарное предприятие (ГУП)',
  },
  {
    code: 'TJ-IP',
    country: 'TJ',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (IP)',
    nameRu: 'Индивидуальный предприниматель (ИП)',
  },

  // Armenia
  {
    code: 'AM-OOO',
    country: 'AM',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (OOO, ՍՊԸ)',
    nameRu: 'Общество с ограниченной ответственностью (ООО, ՍՊԸ)',
  },
  {
    code: 'AM-AO',
    country: 'AM',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (ԲԲԸ, ՓԲԸ)',
    nameRu: 'Акционерное общество (ОАО, ЗАО)',
  },
  {
    code: 'AM-IP',
    country: 'AM',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (ԱՁ)',
    nameRu: 'Индивидуальный предприниматель (ИП, ԱՁ)',
  },

  // Azerbaijan
  {
    code: 'AZ-MMC',
    country: 'AZ',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (MMC)',
    nameRu: 'Общество с ограниченной ответственностью (ООО, MMC)',
  },
  {
    code: 'AZ-SC',
    country: 'AZ',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (ASC, QSC)',
    nameRu: 'Акционерное общество (ОАО, ЗАО)',
  },
  {
    code: 'AZ-FS',
    country: 'AZ',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (fərdi sahibkar)',
    nameRu: 'Индивидуальный предприниматель (ИП)',
  },

  // Moldova
  {
    code: 'MD-SRL',
    country: 'MD',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Limited liability company (SRL)',
    nameRu: 'Общество с ограниченной ответственностью (ООО, SRL)',
  },
  {
    code: 'MD-SA',
    country: 'MD',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (SA)',
    nameRu: 'Акционерное общество (АО, SA)',
  },
  {
    code: 'MD-IS',
    country: 'MD',
    kind: 'legal',
    nameEn: 'State enterprise (ÎS)',
    nameRu: 'Государственное предприятие (ГП, ÎS)',
  },
  {
    code: 'MD-II',
    country: 'MD',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual enterprise (II)',
    nameRu: 'Индивидуальное предприятие (ИП, II)',
  },

  // Turkmenistan. Less certain than the rest: the economic-company form (hojalyk jemgyýeti) is what
  // Turkmen law has instead of an LLC; check with a Turkmen partner before relying on the wording.
  {
    code: 'TM-HO',
    country: 'TM',
    kind: 'legal',
    generic: 'LLC',
    nameEn: 'Economic company (HJ)',
    nameRu: 'Хозяйственное общество (ХО)',
  },
  {
    code: 'TM-AO',
    country: 'TM',
    kind: 'legal',
    generic: 'JSC',
    nameEn: 'Joint-stock company (PJ)',
    nameRu: 'Акционерное общество (АО)',
  },
  {
    code: 'TM-IP',
    country: 'TM',
    kind: 'individual',
    generic: 'SOLE',
    nameEn: 'Individual entrepreneur (telekeçi)',
    nameRu: 'Индивидуальный предприниматель (ИП)',
  },

  // Generic, any country
  {
    code: 'LLC',
    country: null,
    kind: 'legal',
    nameEn: 'Limited liability company',
    nameRu: 'Общество с ограниченной ответственностью',
  },
  {
    code: 'JSC',
    country: null,
    kind: 'legal',
    nameEn: 'Joint-stock company',
    nameRu: 'Акционерное общество',
  },
  {
    code: 'SOLE',
    country: null,
    kind: 'individual',
    nameEn: 'Sole proprietor / Individual entrepreneur',
    nameRu: 'Индивидуальный предприниматель',
  },
  {
    code: 'INDIVIDUAL',
    country: null,
    kind: 'individual',
    nameEn: 'Private individual',
    nameRu: 'Физическое лицо',
  },
  {
    code: 'NONPROFIT',
    country: null,
    kind: 'legal',
    nameEn: 'Non-profit organisation',
    nameRu: 'Некоммерческая организация',
  },
  {
    code: 'GOV',
    country: null,
    kind: 'legal',
    nameEn: 'Government body or state institution',
    nameRu: 'Государственный орган или учреждение',
  },
];
