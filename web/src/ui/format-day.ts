import dayjs from 'dayjs';

/*
 * One way of writing dates per language, everywhere the panel shows one — lists, windows, history,
 * finance, billing, toasts and the date fields — as the exports write them too: the ISO day in English
 * (2026-12-07), the day-month-year of Russian paperwork in Russian (07.12.2026).
 */

const isRussian = (language: string) => language.startsWith('ru');

/** How the language writes a calendar day (a dayjs format). */
export function dayFormat(language: string): string {
  return isRussian(language) ? 'DD.MM.YYYY' : 'YYYY-MM-DD';
}

/**
 * What a date field shows and accepts typed: the language's way first (the one shown), then the
 * API's ISO day, which a person may paste or type in either language.
 */
export function dayInputFormats(language: string): string[] {
  return isRussian(language) ? ['DD.MM.YYYY', 'YYYY-MM-DD'] : ['YYYY-MM-DD'];
}

/** A calendar day (YYYY-MM-DD, or a moment: its day where the person is) as the language writes it. */
export function formatDay(day: string, language: string): string {
  return dayjs(day).format(dayFormat(language));
}
