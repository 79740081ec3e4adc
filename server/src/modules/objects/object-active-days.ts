import { isCalendarDay } from '../../lib/clock.js';
import type { FieldErrors } from '../../lib/errors.js';

/*
 * The days an object is billed: from Active from to Active until, both inclusive (objects.active_from,
 * objects.active_until; the billing run charges an object on day D when active_from <= D <=
 * coalesce(active_until, D)). One range per object: these rules keep it telling the truth when an
 * object is deactivated, activated again or archived.
 */

/** An earlier Active from than this many years back is a typing mistake, not a tracker installed early. */
export const ACTIVE_FROM_YEARS_BACK = 10;

export interface ActiveDays {
  active: boolean;
  /** 'YYYY-MM-DD' */
  activeFrom: string;
  /** 'YYYY-MM-DD' or null: billed on with no end. */
  activeUntil: string | null;
}

/** The same day `years` years earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year - years, month, 0)).getUTCDate();
  return new Date(Date.UTC(year - years, month - 1, Math.min(date, daysInMonth))).toISOString().slice(0, 10);
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Checks the billed days of a draft. Active from may be set back (a tracker installed before it was
 * entered) but not more than ACTIVE_FROM_YEARS_BACK years, nor into the future (the object would be
 * active and not billed); a stored Active from that is not changed is not judged again. Active until
 * is not before Active from, and an inactive object has one (else it would be billed on).
 */
export function checkActiveDays(
  errors: FieldErrors,
  days: ActiveDays,
  context: { today: string; storedActiveFrom?: string },
) {
  const fromValid = isCalendarDay(days.activeFrom);
  if (!fromValid) errors.add('activeFrom', 'format');
  else if (days.activeFrom !== context.storedActiveFrom) {
    const earliest = yearsBefore(context.today, ACTIVE_FROM_YEARS_BACK);
    if (days.activeFrom < earliest) errors.add('activeFrom', 'active_from_too_early', { min: earliest });
    else if (days.activeFrom > context.today) errors.add('activeFrom', 'active_from_future');
  }
  if (days.activeUntil === null) {
    if (!days.active) errors.add('activeUntil', 'active_until_required');
  } else if (!isCalendarDay(days.activeUntil)) errors.add('activeUntil', 'format');
  else if (fromValid && days.activeUntil < days.activeFrom) {
    errors.add('activeUntil', 'active_until_before_from', { activeFrom: days.activeFrom });
  }
}

/** The billed days of a new object: from today unless set; an object created inactive ends today unless set. */
export function activeDaysOfNew(
  input: { active: boolean; activeFrom?: string; activeUntil?: string | null },
  today: string,
): ActiveDays {
  const activeFrom = input.activeFrom ?? today;
  const activeUntil =
    input.activeUntil !== undefined ? input.activeUntil : input.active ? null : later(today, activeFrom);
  return { active: input.active, activeFrom, activeUntil };
}

/**
 * The billed days an update reaches. A date counts as given when it differs from the stored one (a
 * form sends every field back unchanged).
 * - Deactivating (active → inactive) ends the days today, unless Active until is given; an earlier
 *   last day already set stays.
 * - Activating (inactive → active) clears Active until, unless given. When the last billed day is
 *   before today, the days between would be billed by a rerun or a catch-up run under one open
 *   range, so the object is billed again from today (Active from moves to today, unless given).
 */
export function activeDaysAfterUpdate(stored: ActiveDays, wanted: ActiveDays, today: string): ActiveDays {
  const untilGiven = wanted.activeUntil !== stored.activeUntil;
  const fromGiven = wanted.activeFrom !== stored.activeFrom;
  const result = { ...wanted };
  if (stored.active && !wanted.active && !untilGiven) {
    result.activeUntil =
      stored.activeUntil !== null && stored.activeUntil < today
        ? stored.activeUntil
        : later(today, result.activeFrom);
  }
  if (!stored.active && wanted.active) {
    if (!untilGiven) result.activeUntil = null;
    if (!fromGiven && stored.activeUntil !== null && stored.activeUntil < today) result.activeFrom = today;
  }
  return result;
}

/**
 * Active until of an object being archived: an archived object is not billed after the day it is
 * archived, so an empty or later Active until becomes today. Restoring leaves it as it is (the person
 * restoring clears it, or activates the object, when it should be billed again).
 */
export function activeUntilOnArchive(stored: ActiveDays, today: string): string {
  const last = later(today, stored.activeFrom);
  return stored.activeUntil !== null && stored.activeUntil < last ? stored.activeUntil : last;
}

/** The first and the last day an object's contract was charged for it (see findChargedDays). */
export interface ChargedDays {
  /** 'YYYY-MM-DD' */
  first: string;
  /** 'YYYY-MM-DD' */
  last: string;
}

/** Stored days an update stops billing: where to look for charges that would be left out. */
export interface DaysTakenOut {
  /** The stored range, 'YYYY-MM-DD' to 'YYYY-MM-DD' or null (no end). */
  from: string;
  until: string | null;
  /**
   * True when a day up to today is taken out, which a billing run may be charging right now; days
   * after today no run charges (runs refuse future days).
   */
  reachesBilledDays: boolean;
}

/**
 * The stored days an update takes out of the billed range: null when it keeps them all. Also null
 * when the new range starts after the stored one has ended (activating after a gap, see
 * activeDaysAfterUpdate): the ended range's days stay as they were charged and its history keeps
 * them; the new range begins with nothing charged. Only days of the stored range count: days charged
 * under an earlier range (before such a new start) are already outside it.
 */
export function daysTakenOut(stored: ActiveDays, next: ActiveDays, today: string): DaysTakenOut | null {
  if (stored.activeUntil !== null && next.activeFrom > stored.activeUntil) return null;
  const fromLater = next.activeFrom > stored.activeFrom;
  const untilEarlier =
    next.activeUntil !== null && (stored.activeUntil === null || next.activeUntil < stored.activeUntil);
  if (!fromLater && !untilEarlier) return null;
  return {
    from: stored.activeFrom,
    until: stored.activeUntil,
    reachesBilledDays: fromLater || (untilEarlier && next.activeUntil! < today),
  };
}

/**
 * Refuses new days that leave charged days of the stored range out (see daysTakenOut): statements and
 * balances would then disagree with the object's active days. Active until may not be earlier than
 * the last charged day, Active from not later than the first; a charge reversed by a correction in
 * Finance no longer counts.
 */
export function checkChargedDays(errors: FieldErrors, next: ActiveDays, charged: ChargedDays | null) {
  if (charged === null) return;
  if (next.activeFrom > charged.first)
    errors.add('activeFrom', 'active_from_charged', { day: charged.first });
  if (next.activeUntil !== null && next.activeUntil < charged.last) {
    errors.add('activeUntil', 'active_until_charged', { day: charged.last });
  }
}
