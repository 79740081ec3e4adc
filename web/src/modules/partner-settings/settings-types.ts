import type {
  SettingCatalogueResponse,
  SettingItem,
} from '@server-schemas/partner-settings/partner-settings.schemas';
import type { Static } from 'typebox';

/** A setting of the catalogue (GET /reference/setting-keys): its texts, shape and the fields of its value. */
export type SettingDefinition = Static<typeof SettingCatalogueResponse>['items'][number];

/**
 * One input of a setting's value. `name` is null when the value itself is this one field; a secret is
 * write-only: the API never returns it (null) and names it in `secretsSet` when one is stored.
 */
export type SettingFieldDefinition = SettingDefinition['fields'][number];

/** A partner's setting as the API returns it; secrets are null, see `secretsSet`. */
export type PartnerSetting = Static<typeof SettingItem>;

/** The values of the setting form. */
export interface SettingFormValues {
  key?: string;
  value?: unknown;
  /** Optional secrets the person asked to remove (an empty input keeps the saved one). */
  clearSecrets?: Record<string, boolean>;
}
