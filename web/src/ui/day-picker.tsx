import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dayInputFormats } from './format-day';

/** A calendar day as the API writes it. */
export const DAY_FORMAT = 'YYYY-MM-DD';

type DayPickerProps = Omit<
  DatePickerProps,
  | 'value'
  | 'defaultValue'
  | 'onChange'
  | 'onOk'
  | 'format'
  | 'disabledDate'
  | 'minDate'
  | 'maxDate'
  | 'picker'
  | 'multiple'
> & {
  /** The day, YYYY-MM-DD; null or absent: none. */
  value?: string | null;
  onChange?: (day: string | null) => void;
};

/**
 * A day typed or picked, as the API writes it (YYYY-MM-DD): a form field's value is the text itself.
 * No day is ever disabled here: antd's picker puts back its previous day in place of a disabled one
 * typed, silently. A day out of bounds is kept as typed and refused by the form's rule instead, under
 * the field, in the words of the rule (and by the server, which says the same). It shows the day as the
 * language writes days (07.12.2026 in Russian) and takes the ISO day typed too.
 */
export function DayPicker({ value, onChange, ...props }: DayPickerProps) {
  const { i18n } = useTranslation();
  return (
    <DatePicker
      style={{ width: '100%' }}
      {...props}
      format={dayInputFormats(i18n.language)}
      value={value ? dayjs(value) : null}
      onChange={(day: dayjs.Dayjs | null) => onChange?.(day ? day.format(DAY_FORMAT) : null)}
    />
  );
}
