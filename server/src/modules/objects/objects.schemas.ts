import { Type, type Static } from 'typebox';
import { DateString, Id, Nullable, PageQuery, VersionNumber } from '../../lib/schemas.js';

const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

/* The form's fields in its order; contractId is set on creation and changed only by /move. */
const editableFields = {
  deviceType: OptionalText(100),
  simPhone: OptionalText(40),
  sim2Phone: OptionalText(40),
  iccid: OptionalText(40),
  simProvider: OptionalText(100),
  plateNumber: OptionalText(20),
  active: Type.Optional(
    Type.Boolean({
      description:
        'Deactivating (or creating inactive) sets activeUntil to today unless another day is given; ' +
        'activating clears it unless given, and after a gap (activeUntil before today) moves activeFrom ' +
        'to today unless given. A date counts as given when it differs from the stored one',
    }),
  ),
  activeFrom: Type.Optional({
    ...DateString,
    description:
      'The first day billed (default: the day of creation); may be set back up to 10 years, not into the future',
  }),
  activeUntil: Type.Optional(
    Nullable({ ...DateString, description: 'The last day billed, not before activeFrom; null: no end' }),
  ),
};

export const ObjectCreate = Type.Object(
  {
    contractId: Id,
    name: Type.String({ maxLength: 200 }),
    deviceId: Type.String({
      maxLength: 64,
      description: 'Device ID or IMEI; a 15-digit IMEI must pass its Luhn digit',
    }),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type ObjectCreate = Static<typeof ObjectCreate>;

export const ObjectUpdate = Type.Object(
  {
    version: VersionNumber,
    name: Type.Optional(Type.String({ maxLength: 200 })),
    deviceId: Type.Optional(Type.String({ maxLength: 64 })),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type ObjectUpdate = Static<typeof ObjectUpdate>;

export const objectSortColumns = [
  'id',
  'name',
  'deviceId',
  'deviceType',
  'simPhone',
  'plateNumber',
  'partner',
  'contract',
  'tariff',
  'active',
  'activeFrom',
  'activeUntil',
  'tariffPinnedAt',
  'createdAt',
] as const;
export type ObjectSortColumn = (typeof objectSortColumns)[number];

export const ObjectQuery = Type.Object(
  {
    search: Type.Optional(
      Type.String({ maxLength: 200, description: 'Name, device ID, plate number or SIM phone contains' }),
    ),
    sort: Type.Optional(Type.Enum([...objectSortColumns])),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    showDeleted: Type.Optional(Type.Boolean({ description: 'Include archived objects' })),
    partnerId: Type.Optional(Id),
    contractId: Type.Optional(Id),
    tariffId: Type.Optional(Id),
    active: Type.Optional(Type.Boolean()),
    activeOn: Type.Optional({
      ...DateString,
      description: 'Objects billed on that day: activeFrom <= day <= activeUntil (or no activeUntil)',
    }),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ObjectQuery = Static<typeof ObjectQuery>;

export const ObjectExportQuery = Type.Object(
  { ...ObjectQuery.properties, format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);
export type ObjectExportQuery = Static<typeof ObjectExportQuery>;

const Reference = Type.Object({ id: Type.Integer(), name: Type.String() });

export const ObjectResponse = Type.Object({
  id: Type.Integer(),
  partnerId: Type.Integer(),
  partner: Reference,
  contractId: Type.Integer(),
  contract: Reference,
  name: Type.String(),
  deviceId: Type.String(),
  deviceType: Nullable(Type.String()),
  simPhone: Nullable(Type.String()),
  sim2Phone: Nullable(Type.String()),
  iccid: Nullable(Type.String()),
  simProvider: Nullable(Type.String()),
  plateNumber: Nullable(Type.String()),
  active: Type.Boolean(),
  activeFrom: Type.String({ format: 'date', description: 'The first day the object is billed' }),
  activeUntil: Nullable(
    Type.String({ format: 'date', description: 'The last day the object is billed; null: no end' }),
  ),
  tariffId: Type.Integer({
    description: 'The latest tariff pinned; billing reads the one in force each day',
  }),
  tariff: Reference,
  tariffPinnedAt: Type.String({ format: 'date', description: 'The day the latest pin is in force from' }),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ObjectList = Type.Object({ items: Type.Array(ObjectResponse), total: Type.Integer() });

export const RepriceBody = Type.Object(
  {
    contractId: Type.Optional(Id),
    partnerId: Type.Optional(Id),
    tariffId: Id,
    effectiveFrom: DateString,
  },
  { additionalProperties: false },
);
export type RepriceBody = Static<typeof RepriceBody>;

export const RepriceResponse = Type.Object({
  repriced: Type.Integer({ description: 'Live objects whose tariff from that day was changed by this call' }),
});

export const MoveBody = Type.Object({ contractId: Id }, { additionalProperties: false });
export type MoveBody = Static<typeof MoveBody>;

export const ImportQuery = Type.Object(
  { contractId: Type.Optional(Id) },
  { additionalProperties: false, description: 'contractId: for rows without a Contract ID' },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportSampleQuery = Type.Object(
  { format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);

export const ImportResponse = Type.Object({
  total: Type.Integer({ description: 'Data rows read (the header excluded)' }),
  created: Type.Integer(),
  createdIds: Type.Array(Type.Integer()),
  refused: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'The spreadsheet row number, the header being row 1' }),
      errors: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    }),
  ),
});
