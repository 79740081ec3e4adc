import { Type, type Static } from 'typebox';
import { BlockedBy, Id, Nullable, PageQuery, VersionNumber } from '../../lib/schemas.js';

const UserType = Type.Enum(['administrator', 'user']);
const PasswordPolicy = Type.Enum(['simple', 'complex']);
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
/* Longer than any policy allows, so that checkPassword can name the rule (password_too_long). */
const Password = Type.String({
  maxLength: 1024,
  description: 'Write-only; checked against the policy in force',
});

const editableFields = {
  name: OptionalText(200),
  phone: OptionalText(40),
  email: OptionalText(254),
  blocked: Type.Optional(Type.Boolean()),
};

export const UserCreate = Type.Object(
  {
    contractId: Id,
    login: Type.String({ maxLength: 64 }),
    password: Password,
    type: Type.Optional(Type.Enum(['administrator', 'user'], { description: 'Defaults to user' })),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserUpdate = Type.Object(
  {
    version: VersionNumber,
    contractId: Type.Optional(Id),
    login: Type.Optional(Type.String({ maxLength: 64 })),
    password: Type.Optional(Password),
    type: Type.Optional(UserType),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type UserUpdate = Static<typeof UserUpdate>;

export const userSortColumns = [
  'id',
  'login',
  'name',
  'email',
  'phone',
  'type',
  'blocked',
  'contract',
  'partner',
  'createdAt',
] as const;
export type UserSortColumn = (typeof userSortColumns)[number];

export const UserQuery = Type.Object(
  {
    search: Type.Optional(
      Type.String({ maxLength: 200, description: 'Login, name, email or phone contains' }),
    ),
    contractId: Type.Optional(Id),
    partnerId: Type.Optional(Id),
    type: Type.Optional(UserType),
    blocked: Type.Optional(Type.Boolean()),
    showDeleted: Type.Optional(Type.Boolean({ description: 'Include archived users' })),
    sort: Type.Optional(Type.Enum([...userSortColumns])),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UserQuery = Static<typeof UserQuery>;

const Reference = Type.Object({ id: Type.Integer(), name: Type.String() });

export const UserResponse = Type.Object({
  id: Type.Integer(),
  contractId: Type.Integer(),
  contract: Reference,
  partnerId: Type.Integer(),
  partner: Reference,
  login: Type.String(),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  type: UserType,
  blocked: Type.Boolean(),
  blockedBy: BlockedBy,
  passwordPolicy: Type.Enum(['simple', 'complex'], {
    description: "The policy in force: the contract's, else the partner's",
  }),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const UserList = Type.Object({ items: Type.Array(UserResponse), total: Type.Integer() });

export const PasswordPolicyQuery = Type.Object({ contractId: Id }, { additionalProperties: false });

export const PasswordPolicyResponse = Type.Object({
  policy: PasswordPolicy,
  minLength: Type.Integer(),
  maxLength: Type.Integer(),
  showUserPassword: Type.Boolean({
    description: "The partner's Show user password: passwords may be shown in clear while typed",
  }),
});

export const GeneratePasswordBody = Type.Object(
  {
    contractId: Id,
    login: Type.Optional(Type.String({ maxLength: 64 })),
    name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

export const GeneratedPassword = Type.Object({ password: Type.String() });

export const ResetPasswordResponse = Type.Object({
  password: Nullable(
    Type.String({
      description:
        "The new password, shown this once, when the partner's Show user password is on; otherwise null",
    }),
  ),
});

export const LoginHistoryQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Every row as a file instead of a page' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type LoginHistoryQuery = Static<typeof LoginHistoryQuery>;

export const LoginHistoryResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      ip: Type.String(),
      result: Type.String({
        description:
          'success, invalid_credentials, user_blocked, contract_inactive, contract_blocked, partner_users_blocked or rate_limited',
      }),
      master: Type.Union([Type.Object({ login: Type.String() }), Type.Null()], {
        description: 'The admin-panel user who entered as this user ("Log in as"); null for its own sign-in',
      }),
    }),
  ),
  total: Type.Integer(),
});

export const MasterLoginResponse = Type.Object({
  token: Type.String({ description: 'Single use; present it to POST /portal/login as masterToken' }),
  expiresAt: Type.String({ format: 'date-time' }),
  portalUrl: Nullable(
    Type.String({
      description:
        "The monitoring portal to open: the partner's Portal URL setting in force (its own, else the nearest ancestor's) with masterToken=<token> in its query; null when none is set",
    }),
  ),
});
