import { today } from '../../lib/clock.js';
import { normalizePhone } from '../../lib/contact.js';
import { FieldErrors, type FieldError } from '../../lib/errors.js';
import { hasValidLuhnDigit } from '../../lib/luhn.js';
import { emptyToNull } from '../../lib/text.js';
import { checkActiveDays } from './object-active-days.js';

/** An object's editable fields as the API names them: the state a create or an update wants to reach. */
export interface ObjectDraft {
  name: string;
  deviceId: string;
  deviceType: string | null;
  simPhone: string | null;
  sim2Phone: string | null;
  iccid: string | null;
  simProvider: string | null;
  plateNumber: string | null;
  active: boolean;
  /** The first day the object is billed, 'YYYY-MM-DD'. */
  activeFrom: string;
  /** The last day it is billed, or null: no end. */
  activeUntil: string | null;
}

/*
 * Tracker vendors use IMEIs, serial numbers and MAC-like ids; what they share is printable text
 * without spaces. Spaces are dropped because IMEIs are often typed in groups ("35 209900 176148 1").
 */
const deviceIdPattern = /^[\p{L}\p{N}._:/#-]{1,64}$/u;
const imeiPattern = /^\d{15}$/;
const iccidPattern = /^\d{19,20}$/;

function normaliseDeviceId(errors: FieldErrors, text: string): string {
  const deviceId = text.replace(/\s+/g, '');
  if (!deviceId) errors.add('deviceId', 'required');
  else if (!deviceIdPattern.test(deviceId)) errors.add('deviceId', 'device_id_format');
  // Exactly 15 digits is how an IMEI looks, and an IMEI carries a Luhn check digit.
  else if (imeiPattern.test(deviceId) && !hasValidLuhnDigit(deviceId))
    errors.add('deviceId', 'imei_checksum');
  return deviceId;
}

function normaliseIccid(errors: FieldErrors, text: string | null): string | null {
  const iccid = emptyToNull(text)?.replace(/[\s-]+/g, '') ?? null;
  if (iccid === null) return null;
  if (!iccidPattern.test(iccid)) errors.add('iccid', 'iccid_format');
  else if (!hasValidLuhnDigit(iccid)) errors.add('iccid', 'iccid_checksum');
  return iccid;
}

function normaliseSimPhone(
  errors: FieldErrors,
  field: 'simPhone' | 'sim2Phone',
  text: string | null,
  country: string | null,
): string | null {
  const phone = emptyToNull(text);
  if (phone === null) return null;
  const normalized = normalizePhone(phone, country);
  if (normalized === null) errors.add(field, 'phone_invalid');
  return normalized ?? phone;
}

/**
 * Normalises a draft (trims, E.164 phones, device ID and ICCID without spaces, upper-case plate) and
 * checks every rule that needs no database, returning all the problems at once. `country` is the
 * country of the contract partner's region, for phones typed without +; `days` the day the billed
 * days are judged on and, for a stored object, its Active from (see checkActiveDays).
 */
export function normaliseObjectDraft(
  draft: ObjectDraft,
  country: string | null,
  days: { today: string; storedActiveFrom?: string } = { today: today() },
): { draft: ObjectDraft; errors: FieldError[] } {
  const errors = new FieldErrors();
  // A cell of an imported file can hold what a JSON body cannot (the API refuses NUL before this):
  // the row is refused with the field named, instead of the database refusing the whole file.
  for (const [field, value] of Object.entries(draft)) {
    if (typeof value === 'string' && value.includes('\u0000')) errors.add(field, 'invalid_character');
  }
  const name = draft.name.trim();
  if (!name) errors.add('name', 'required');
  const normalized: ObjectDraft = {
    name,
    deviceId: normaliseDeviceId(errors, draft.deviceId),
    deviceType: emptyToNull(draft.deviceType),
    simPhone: normaliseSimPhone(errors, 'simPhone', draft.simPhone, country),
    sim2Phone: normaliseSimPhone(errors, 'sim2Phone', draft.sim2Phone, country),
    iccid: normaliseIccid(errors, draft.iccid),
    simProvider: emptyToNull(draft.simProvider),
    plateNumber: emptyToNull(draft.plateNumber)?.toUpperCase() ?? null,
    active: draft.active,
    activeFrom: draft.activeFrom,
    activeUntil: draft.activeUntil,
  };
  checkActiveDays(errors, normalized, days);
  return { draft: normalized, errors: errors.list };
}

/** The key under which device IDs are unique: case-insensitive, as the database's index. */
export const deviceKey = (deviceId: string) => deviceId.toLowerCase();
