import type {
  RightsCatalogue as RightsCatalogueSchema,
  StaffLoginHistory,
  StaffResponse,
} from '@server-schemas/staff/staff.schemas';
import type { Static } from 'typebox';

/** An admin-panel user as the API returns it: a staff user, or (read-only here) an administrator. */
export type StaffUser = Static<typeof StaffResponse>;

/** Every right in the order shown, and the ready-made sets. */
export type RightsCatalogue = Static<typeof RightsCatalogueSchema>;
export type PresetName = keyof RightsCatalogue['presets'];

/** One admin-panel sign-in attempt: when, from where, whether it succeeded, with which browser. */
export type StaffLoginAttempt = Static<typeof StaffLoginHistory>['items'][number];

/** The values of the staff form, named as the API's fields. */
export interface StaffFormValues {
  partnerId: number | null;
  login: string;
  name?: string | null;
  email?: string | null;
  password?: string;
  blocked: boolean;
  rights: string[];
}
