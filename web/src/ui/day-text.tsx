import { useTranslation } from 'react-i18next';
import { formatDay } from './format-day';

/** A calendar day shown as the person's language writes days (format-day.ts), in a table cell or text. */
export function DayText({ day }: { day: string }) {
  const { i18n } = useTranslation();
  return <>{formatDay(day, i18n.language)}</>;
}
