import { Type, type Static } from 'typebox';
import { Id, Nullable } from '../../lib/schemas.js';

/** The name of the export file's format, so an import can tell a settings file from any JSON. */
export const EXPORT_FORMAT = 'fleetdesk-partner-settings';
export const EXPORT_VERSION = 1;

const SettingKey = Type.String({ minLength: 1, maxLength: 64, description: 'A key of the catalogue' });

export const SettingParams = Type.Object({ id: Id, key: SettingKey });

/* Values are any JSON here: their shape depends on the key and is checked against the catalogue. */
export const SettingPut = Type.Object(
  {
    value: Type.Unknown({ description: "The setting's value in the shape its catalogue entry gives" }),
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'The version read. Omit it to add a setting not set yet; a stale version, or no version for a ' +
          'setting that exists already, gets 409 version_conflict',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SettingPut = Static<typeof SettingPut>;

export const SettingDeleteQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'When given, a stale one gets 409' })) },
  { additionalProperties: false },
);

const SettingsMap = Type.Record(Type.String(), Type.Unknown(), {
  maxProperties: 100,
  description: 'key → value, as in the export file',
});

/** The export file itself is a valid import body: its bookkeeping fields are accepted and ignored. */
export const SettingsImport = Type.Object(
  {
    format: Type.Optional(Type.Enum([EXPORT_FORMAT])),
    version: Type.Optional(Type.Enum([EXPORT_VERSION])),
    partnerId: Type.Optional(Id),
    exportedAt: Type.Optional(Type.String({ maxLength: 40 })),
    settings: SettingsMap,
  },
  { additionalProperties: false },
);
export type SettingsImport = Static<typeof SettingsImport>;

export const SettingItem = Type.Object({
  key: Type.String(),
  value: Type.Unknown({ description: 'Secrets are always null here; see secretsSet' }),
  secretsSet: Type.Array(Type.String(), {
    description: 'The secret fields of the value that hold a stored (write-only) value',
  }),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const SettingList = Type.Object({ items: Type.Array(SettingItem) });

export const SettingsExport = Type.Object({
  format: Type.Literal(EXPORT_FORMAT),
  version: Type.Literal(EXPORT_VERSION),
  partnerId: Type.Integer(),
  exportedAt: Type.String({ format: 'date-time' }),
  settings: Type.Record(Type.String(), Type.Unknown(), { description: 'key → value, secrets left out' }),
});

export const SettingCatalogueResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      labelEn: Type.String(),
      labelRu: Type.String(),
      descriptionEn: Type.String(),
      descriptionRu: Type.String(),
      shape: Type.Enum(['scalar', 'object']),
      fields: Type.Array(
        Type.Object({
          name: Nullable(Type.String()),
          type: Type.Enum(['string', 'integer', 'boolean', 'enum']),
          required: Type.Boolean(),
          secret: Type.Boolean({ description: 'Write-only: never returned' }),
          labelEn: Type.String(),
          labelRu: Type.String(),
          descriptionEn: Nullable(Type.String()),
          descriptionRu: Nullable(Type.String()),
          maxLength: Nullable(Type.Integer()),
          minimum: Nullable(Type.Integer()),
          maximum: Nullable(Type.Integer()),
          format: Nullable(Type.String()),
          options: Type.Array(
            Type.Object({ value: Type.String(), labelEn: Type.String(), labelRu: Type.String() }),
          ),
          default: Type.Unknown(),
        }),
      ),
    }),
  ),
});
