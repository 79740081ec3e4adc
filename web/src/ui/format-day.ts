import dayjs from 'dayjs';

/** A calendar day (YYYY-MM-DD) as the language writes its dates, as the lists show them. */
export function formatDay(day: string, language: string): string {
  return dayjs(day).toDate().toLocaleDateString(language);
}
