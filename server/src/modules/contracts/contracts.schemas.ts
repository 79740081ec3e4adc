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

const AccountType = Type.Enum(['prepayment', 'postpayment', 'postpayment_light'], {
  description:
    'prepayment: blocked when the balance goes negative; postpayment_light: blocked at blockingLimit',
});
const UserPasswordPolicy = Type.Enum(['inherit', 'simple', 'complex'], {
  description: "Policy for the contract's portal users; inherit takes the partner's",
});
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

/* The card's fields in its order; amounts are decimal strings. */
const editableFields = {
  email: OptionalText(254),
  phone: OptionalText(40),
  deposit: Type.Optional(Nullable(DecimalString)),
  iin: OptionalText(32),
  kpp: OptionalText(32),
  tariffId: Type.Optional(Nullable(Id)),
  organizationType: OptionalText(40),
  blockingLimit: Type.Optional(
    Nullable({ ...DecimalString, description: 'Required for and only for postpayment_light' }),
  ),
  code1c: OptionalText(64),
  active: Type.Optional(Type.Boolean()),
  isWarehouse: Type.Optional(
    Type.Boolean({ description: 'Warehouse account: at most one live per partner' }),
  ),
  blocked: Type.Optional(Type.Boolean({ description: "Locks: the contract's portal users are refused" })),
  userPasswordPolicy: Type.Optional(UserPasswordPolicy),
  comment: OptionalText(2000),
};

export const ContractCreate = Type.Object(
  {
    partnerId: Id,
    name: Type.String({ maxLength: 200 }),
    ...editableFields,
    currency: CurrencyCode,
    accountType: AccountType,
    clonedFrom: Type.Optional(
      Nullable({
        ...Id,
        description: 'The contract this one copies (GET /contracts/{id}/clone proposes it); History says so',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ContractCreate = Static<typeof ContractCreate>;

export const ContractUpdate = Type.Object(
  {
    version: VersionNumber,
    partnerId: Type.Optional(Id),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    ...editableFields,
    currency: Type.Optional(CurrencyCode),
    accountType: Type.Optional(AccountType),
  },
  { additionalProperties: false },
);
export type ContractUpdate = Static<typeof ContractUpdate>;

export const contractSortColumns = [
  'id',
  'name',
  'partner',
  'tariff',
  'balance',
  'email',
  'phone',
  'iin',
  'currency',
  'accountType',
  'code1c',
  'active',
  'isWarehouse',
  'blocked',
  'debtBlocked',
  'comment',
  'createdAt',
] as const;
export type ContractSortColumn = (typeof contractSortColumns)[number];

const Filter = (description?: string) =>
  Type.Optional(Type.String({ maxLength: 200, ...(description ? { description } : {}) }));

export const ContractQuery = Type.Object(
  {
    search: Filter('Name, email, phone, IIN or 1C code contains'),
    sort: Type.Optional(Type.Enum([...contractSortColumns])),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    showDeleted: Type.Optional(Type.Boolean({ description: 'Include archived contracts' })),
    id: Type.Optional(Id),
    partnerId: Type.Optional(Id),
    name: Filter(),
    email: Filter(),
    phone: Filter(),
    iin: Filter(),
    code1c: Filter(),
    comment: Filter(),
    partnerName: Filter(),
    tariffName: Filter(),
    tariffId: Type.Optional(Id),
    currency: Type.Optional(CurrencyCode),
    accountType: Type.Optional(AccountType),
    active: Type.Optional(Type.Boolean()),
    isWarehouse: Type.Optional(Type.Boolean()),
    blocked: Type.Optional(Type.Boolean()),
    debtBlocked: Type.Optional(Type.Boolean({ description: 'Blocked for debt' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ContractQuery = Static<typeof ContractQuery>;

export const ContractExportQuery = Type.Object(
  { ...ContractQuery.properties, format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);
export type ContractExportQuery = Static<typeof ContractExportQuery>;

const Reference = Nullable(Type.Object({ id: Type.Integer(), name: Type.String() }));

export const ContractResponse = Type.Object({
  id: Type.Integer(),
  partnerId: Type.Integer(),
  partner: Type.Object({ id: Type.Integer(), name: Type.String() }),
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  balance: Type.String({ description: 'Its ledger account with its partner, in its currency' }),
  deposit: Type.String(),
  iin: Nullable(Type.String()),
  kpp: Nullable(Type.String()),
  currency: Type.String(),
  tariffId: Nullable(Type.Integer()),
  tariff: Reference,
  inheritedTariff: {
    ...Reference,
    description:
      "The tariff its objects get while the contract names none: the nearest partner's Price up the tree in the contract's currency",
  },
  organizationType: Nullable(Type.String()),
  accountType: AccountType,
  blockingLimit: Nullable(Type.String()),
  code1c: Nullable(Type.String()),
  active: Type.Boolean(),
  isWarehouse: Type.Boolean(),
  blocked: Type.Boolean(),
  blockedBy: BlockedBy,
  debtBlocked: Type.Boolean({
    description: 'Blocked for debt by its account type (read-only); a payment that settles the debt lifts it',
  }),
  userPasswordPolicy: UserPasswordPolicy,
  comment: Nullable(Type.String()),
  objectsCount: Type.Integer({ description: 'Live objects of the contract' }),
  usersCount: Type.Integer({ description: 'Live portal users of the contract' }),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ContractListItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  partner: Type.Object({ id: Type.Integer(), name: Type.String() }),
  tariff: Reference,
  balance: Type.String(),
  currency: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  iin: Nullable(Type.String()),
  accountType: AccountType,
  blockingLimit: Nullable(Type.String()),
  code1c: Nullable(Type.String()),
  active: Type.Boolean(),
  isWarehouse: Type.Boolean(),
  blocked: Type.Boolean(),
  blockedBy: BlockedBy,
  debtBlocked: Type.Boolean(),
  comment: Nullable(Type.String()),
  objectsCount: Type.Integer(),
  usersCount: Type.Integer(),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ContractList = Type.Object({ items: Type.Array(ContractListItem), total: Type.Integer() });
