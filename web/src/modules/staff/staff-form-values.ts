import type { Reference } from '../../app/api-types';
import type { SessionUser } from '../../app/session';
import type { StaffFormValues, StaffUser } from './staff-types';

/**
 * A new staff user's values: the partner the list is for, else the signer's own partner (the
 * platform for the super administrator), no rights until they are given.
 */
export const emptyStaffValues = (
  presetPartner: Reference | null,
  user: SessionUser | null,
): StaffFormValues => ({
  partnerId: presetPartner?.id ?? user?.partnerId ?? null,
  login: '',
  name: null,
  email: null,
  password: '',
  blocked: false,
  rights: [],
});

export function staffFormValuesOf(staff: StaffUser): StaffFormValues {
  return {
    partnerId: staff.partnerId,
    login: staff.login,
    name: staff.name,
    email: staff.email,
    password: '',
    blocked: staff.blocked,
    rights: staff.rights,
  };
}

/**
 * The body to send: text trimmed, a cleared field sent as null (absent would mean "unchanged" to
 * PATCH), an empty password left out (keep the current one). A staff user's partner is chosen once,
 * when it is added.
 */
export function staffRequestBodyOf(values: StaffFormValues, isNew: boolean): Partial<StaffFormValues> {
  const body: Partial<StaffFormValues> = { ...values, login: values.login.trim() };
  for (const field of ['name', 'email'] as const) {
    const value = body[field]?.trim();
    body[field] = value ? value : null;
  }
  if (!body.password) delete body.password;
  if (!isNew) delete body.partnerId;
  return body;
}
