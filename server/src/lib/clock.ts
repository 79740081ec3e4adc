/** Today's calendar day in UTC, 'YYYY-MM-DD': the platform's business day boundary. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/*
 * Calendar days as 'YYYY-MM-DD' text in UTC: every module counts days with these (the billing run,
 * its schedule, the CLI and API, the objects' billed days).
 */

const DAY_MS = 86_400_000;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (not 2026-02-30), from year 1000 on. */
export function isCalendarDay(text: string): boolean {
  if (!dayPattern.test(text) || text < '1000-01-01') return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** The day `days` days after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many days from `from` to `to`, both counted: 1 for the same day, 0 when `to` is before `from`. */
export function dayCount(from: string, to: string): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1,
  );
}

/** Every day from `from` to `to`, both included, in order; empty when `to` is before `from`. */
export function daysFromTo(from: string, to: string): string[] {
  return Array.from({ length: dayCount(from, to) }, (_, index) => addDays(from, index));
}

/**
 * What tells the time where a rule depends on it to the second (two-factor codes): the app is built
 * with one, so tests fix the time instead of waiting for it.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
