import type { FieldError } from '../../lib/errors.js';
import { dayCount, isCalendarDay } from '../../lib/clock.js';

/** The most days one request (API) starts runs for. */
export const MAX_RUN_DAYS = 62;

export interface RunDaysInput {
  day?: string;
  from?: string;
  to?: string;
}

/**
 * The days a run request asks for — one day, or from..to — checked: real days, none after today,
 * `to` not before `from`, at most `maxDays` of them. Field errors name the request's own fields.
 */
export function checkRunDays(
  input: RunDaysInput,
  options: { today: string; maxDays?: number },
): { from: string; to: string } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const maxDays = options.maxDays ?? MAX_RUN_DAYS;
  const ranged = input.from !== undefined || input.to !== undefined;
  if (input.day !== undefined && ranged) return { errors: [{ field: 'day', code: 'billing_day_or_range' }] };
  if (input.day === undefined && !ranged) return { errors: [{ field: 'day', code: 'required' }] };

  const fields = input.day !== undefined ? (['day'] as const) : (['from', 'to'] as const);
  for (const field of fields) {
    const value = input[field];
    if (value === undefined) errors.push({ field, code: 'required' });
    else if (!isCalendarDay(value)) errors.push({ field, code: 'format' });
    else if (value > options.today) errors.push({ field, code: 'billing_day_future' });
  }
  if (errors.length > 0) return { errors };
  const from = input.day ?? input.from!;
  const to = input.day ?? input.to!;
  if (to < from) return { errors: [{ field: 'to', code: 'billing_range_order' }] };
  if (dayCount(from, to) > maxDays) {
    return { errors: [{ field: 'to', code: 'billing_range_too_long', params: { max: maxDays } }] };
  }
  return { from, to };
}
