import { Type, type Static } from 'typebox';
import { allRights } from '../auth/auth.public.js';
import { Id, Nullable, PageQuery, VersionNumber } from '../../lib/schemas.js';

const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
/* Longer than any policy allows, so that checkPassword can name the rule (password_too_long). */
const Password = Type.String({
  maxLength: 1024,
  description: "Write-only; checked against the partner's policy",
});

export const StaffRight = Type.Enum([...allRights], {
  description: 'area:read or area:write; write implies read',
});
const Rights = Type.Array(StaffRight, {
  maxItems: 32,
  description: 'e.g. ["contracts:read", "finance:write"]',
});

const editableFields = {
  name: OptionalText(200),
  email: OptionalText(254),
  blocked: Type.Optional(Type.Boolean()),
};

export const StaffCreate = Type.Object(
  {
    partnerId: Type.Union([Id, Type.Null()], {
      description: "The staff user's partner; null for the platform's own staff (super administrator only)",
    }),
    login: Type.String({ maxLength: 64 }),
    password: Password,
    rights: Rights,
    ...editableFields,
  },
  { additionalProperties: false },
);
export type StaffCreate = Static<typeof StaffCreate>;

export const StaffUpdate = Type.Object(
  {
    version: VersionNumber,
    login: Type.Optional(Type.String({ maxLength: 64 })),
    password: Type.Optional(Password),
    rights: Type.Optional(Rights),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type StaffUpdate = Static<typeof StaffUpdate>;

export const StaffResponse = Type.Object({
  id: Type.Integer(),
  partnerId: Nullable(Type.Integer()),
  partner: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  role: Type.Enum(['super_admin', 'partner_admin', 'staff'], {
    description: "Administrators are listed too; they are changed on their partner's form",
  }),
  login: Type.String(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  rights: Type.Array(Type.String()),
  blocked: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const staffSortColumns = [
  'id',
  'login',
  'name',
  'email',
  'role',
  'blocked',
  'partner',
  'createdAt',
] as const;
export type StaffSortColumn = (typeof staffSortColumns)[number];

export const StaffQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the login, name or email' })),
    partnerId: Type.Optional(Id),
    role: Type.Optional(Type.Enum(['super_admin', 'partner_admin', 'staff'])),
    showDeleted: Type.Optional(Type.Boolean({ default: false })),
    sort: Type.Optional(Type.Enum([...staffSortColumns], { default: 'login' })),
    order: Type.Optional(Type.Enum(['asc', 'desc'], { default: 'asc' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type StaffQuery = Static<typeof StaffQuery>;

export const StaffList = Type.Object({ items: Type.Array(StaffResponse), total: Type.Integer() });

export const RightsCatalogue = Type.Object({
  rights: Type.Array(Type.String(), { description: 'Every right, in the order the browser shows them' }),
  presets: Type.Object({
    readOnly: Type.Array(Type.String()),
    finance: Type.Array(Type.String()),
    support: Type.Array(Type.String()),
    administrator: Type.Array(Type.String()),
  }),
});

export const StaffLoginHistoryQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Every row as a file instead of a page' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type StaffLoginHistoryQuery = Static<typeof StaffLoginHistoryQuery>;

export const StaffLoginHistory = Type.Object({
  items: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      ip: Type.String(),
      succeeded: Type.Boolean(),
      userAgent: Nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
});
