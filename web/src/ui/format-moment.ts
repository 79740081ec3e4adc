import dayjs from 'dayjs';
import { dayFormat } from './format-day';

/**
 * A moment (an ISO timestamp: a change in History, a login, a session, a run's start) in the person's
 * time zone: its day as the language writes days (format-day.ts) and the time on the 24-hour clock —
 * "2026-12-07 15:04" in English, "07.12.2026 15:04" in Russian.
 */
export function formatMoment(at: string, language: string): string {
  return dayjs(at).format(`${dayFormat(language)} HH:mm`);
}

/** A moment's time alone, to the second (how long a one-minute token still works), 24-hour clock. */
export function formatTime(at: string): string {
  return dayjs(at).format('HH:mm:ss');
}
