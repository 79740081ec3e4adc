import { Type, type Static } from 'typebox';
import {
  BlockedBy,
  CurrencyCode,
  DecimalString,
  Id,
  Nullable,
  PageQuery,
  VersionNumber,
} from '../../lib/schemas.js';

const AccountType = Type.Enum(['prepayment', 'postpayment', 'postpayment_light']);
const PasswordPolicy = Type.Enum(['simple', 'complex']);
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

/* The seed's fields in its order; amounts and percentages are decimal strings. */
const editableFields = {
  email: OptionalText(254),
  phone: OptionalText(40),
  deposit: Type.Optional(Nullable(DecimalString)),
  iin: OptionalText(32),
  kpp: OptionalText(32),
  vatPercent: Type.Optional(Nullable(DecimalString)),
  code1c: OptionalText(64),
  region: OptionalText(16),
  blocked: Type.Optional(Type.Boolean()),
  usersBlocked: Type.Optional(Type.Boolean()),
  parentId: Type.Optional(Nullable(Id)),
  additionalCurrencies: Type.Optional(Type.Array(CurrencyCode, { maxItems: 20 })),
  priceTariffId: Type.Optional(Nullable(Id)),
  partnerPriceTariffId: Type.Optional(Nullable(Id)),
  organizationType: OptionalText(40),
  userPasswordPolicy: Type.Optional(PasswordPolicy),
  showUserPassword: Type.Optional(Type.Boolean()),
  comment: OptionalText(2000),
};

export const PartnerCreate = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    ...editableFields,
    currency: CurrencyCode,
    accountType: AccountType,
    login: Type.String({ maxLength: 64 }),
    password: Type.String({ maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type PartnerCreate = Static<typeof PartnerCreate>;

export const PartnerUpdate = Type.Object(
  {
    version: VersionNumber,
    name: Type.Optional(Type.String({ maxLength: 200 })),
    ...editableFields,
    currency: Type.Optional(CurrencyCode),
    accountType: Type.Optional(AccountType),
    login: Type.Optional(Type.String({ maxLength: 64 })),
    password: Type.Optional(Type.String({ maxLength: 128 })),
    currentPassword: Type.Optional(
      Type.String({ maxLength: 128, description: 'Required when administrators change their own password' }),
    ),
  },
  { additionalProperties: false },
);
export type PartnerUpdate = Static<typeof PartnerUpdate>;

export const partnerSortColumns = [
  'id',
  'name',
  'tariff',
  'balance',
  'email',
  'phone',
  'login',
  'accountsCount',
  'vehiclesCount',
  'parent',
  'comment',
  'createdAt',
] as const;
export type PartnerSortColumn = (typeof partnerSortColumns)[number];

export const PartnerQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.Enum([...partnerSortColumns])),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    showDeleted: Type.Optional(Type.Boolean({ description: 'Include archived partners' })),
    id: Type.Optional(Id),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 200 })),
    login: Type.Optional(Type.String({ maxLength: 200 })),
    comment: Type.Optional(Type.String({ maxLength: 200 })),
    emailPhone: Type.Optional(Type.String({ maxLength: 200, description: 'Email or phone contains' })),
    tariffName: Type.Optional(Type.String({ maxLength: 200 })),
    parentName: Type.Optional(Type.String({ maxLength: 200 })),
    excludeSubtreeOf: Type.Optional(Id),
    parentId: Type.Optional(Id),
    priceTariffId: Type.Optional(Id),
    currency: Type.Optional(CurrencyCode),
    region: Type.Optional(Type.String({ maxLength: 16 })),
    accountType: Type.Optional(AccountType),
    blocked: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PartnerQuery = Static<typeof PartnerQuery>;

export const PartnerExportQuery = Type.Object(
  { ...PartnerQuery.properties, format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);
export type PartnerExportQuery = Static<typeof PartnerExportQuery>;

const Reference = Nullable(Type.Object({ id: Type.Integer(), name: Type.String() }));

export const PartnerResponse = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  deposit: Type.String(),
  iin: Nullable(Type.String()),
  kpp: Nullable(Type.String()),
  vatPercent: Nullable(Type.String()),
  code1c: Nullable(Type.String()),
  region: Nullable(Type.String()),
  blocked: Type.Boolean(),
  blockedBy: BlockedBy,
  usersBlocked: Type.Boolean(),
  blockedByAncestor: Type.Boolean({ description: 'A parent partner up the tree is blocked' }),
  usersBlockedByAncestor: Type.Boolean({
    description: "A parent partner up the tree blocks its accounts' users",
  }),
  parentId: Nullable(Type.Integer()),
  parent: Reference,
  currency: Type.String(),
  additionalCurrencies: Type.Array(Type.String()),
  priceTariffId: Nullable(Type.Integer()),
  priceTariff: Reference,
  partnerPriceTariffId: Nullable(Type.Integer()),
  partnerPriceTariff: Reference,
  organizationType: Nullable(Type.String()),
  accountType: AccountType,
  userPasswordPolicy: PasswordPolicy,
  showUserPassword: Type.Boolean(),
  login: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  balance: Type.String(),
  accountsCount: Type.Integer(),
  vehiclesCount: Type.Integer(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const PartnerListItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  tariff: Reference,
  balance: Type.String(),
  currency: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  login: Nullable(Type.String()),
  accountsCount: Type.Integer(),
  vehiclesCount: Type.Integer(),
  parent: Reference,
  comment: Nullable(Type.String()),
  blocked: Type.Boolean(),
  blockedBy: BlockedBy,
  usersBlocked: Type.Boolean(),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const PartnerList = Type.Object({ items: Type.Array(PartnerListItem), total: Type.Integer() });

export const PartnerBlockImpact = Type.Object(
  {
    subPartners: Type.Integer({
      description: 'Live sub-partners whose administrators and staff Block Partner refuses',
    }),
    contracts: Type.Integer({
      description:
        'Live contracts in the subtree, whose portal users Block users of accounts partner refuses',
    }),
    portalUsers: Type.Integer({ description: 'Live portal users in the subtree' }),
    panelUsers: Type.Integer({
      description: 'Live admin-panel users in the subtree (administrators and staff)',
    }),
    sessions: Type.Integer({
      description: 'Their open admin-panel sessions, which Block Partner ends at once',
    }),
  },
  { description: 'What blocking the partner reaches, its own partner included' },
);

export const PartnerTreeQuery = Type.Object(
  {
    /** List this partner's sub-partners; without it, the roots of the caller's tree. */
    parentId: Type.Optional(Id),
    search: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          "Find partners as the list's Search does (name, email, phone, IIN, 1C code, login), with their ancestors",
      }),
    ),
    showDeleted: Type.Optional(Type.Boolean({ description: 'Include archived partners' })),
  },
  { additionalProperties: false },
);
export type PartnerTreeQuery = Static<typeof PartnerTreeQuery>;

export const PartnerTreeNode = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentId: Nullable(
    Type.Integer({ description: "Null at the roots of the caller's tree (its parent is not shown)" }),
  ),
  blocked: Type.Boolean({ description: 'Block Partner is set on this partner' }),
  usersBlocked: Type.Boolean({ description: 'Block users of accounts partner is set on this partner' }),
  archived: Type.Boolean({ description: 'Deleted (archived); listed only with showDeleted' }),
  subPartners: Type.Integer({ description: 'Its live sub-partners: whether it can be expanded' }),
  archivedSubPartners: Type.Integer({ description: 'Its archived sub-partners, listed with showDeleted' }),
  accountsCount: Type.Integer({ description: 'Number of accounts: its own live contracts' }),
  vehiclesCount: Type.Integer({ description: 'Number of vehicles: its own live objects' }),
  match: Type.Boolean({
    description: 'A search found this partner (else it is an ancestor of one); false in a level',
  }),
});

export const PartnerTree = Type.Object(
  {
    items: Type.Array(PartnerTreeNode, {
      description:
        "A level: its partners by name. A search: the matches and their ancestors inside the caller's subtree, each once, by name; build the tree by parentId",
    }),
    total: Type.Integer({ description: "The level's partners, or the search's matches, in all" }),
    capped: Type.Boolean({
      description:
        'Not all of them are given: a level gives its first 500 partners, a search its first 50 matches',
    }),
  },
  { description: 'One level of the partner tree, or what a search found in it' },
);
