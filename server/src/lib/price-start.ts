import { addDays } from './clock.js';

/*
 * The rule of a tariff's new price's first day, shared by the API (tariffs.service.ts) and the New price
 * dialog, so that the two never disagree. Days already billed keep the price they were billed at: a new
 * price starts today or later, or on an earlier day when nothing was charged at the tariff from that
 * day on — a new tariff, never billed, may take a price from any day, so that its first days can be billed.
 */

/**
 * The earliest day a new price may start: the day after the last day charged at the tariff, or today
 * if that is earlier; null when the tariff was never billed (any day). `billedThrough`: the last day
 * charged at the tariff, at any level; null when none.
 */
export function earliestPriceStart(today: string, billedThrough: string | null): string | null {
  if (billedThrough === null) return null;
  const dayAfter = addDays(billedThrough, 1);
  return dayAfter < today ? dayAfter : today;
}

/** Why a new price may not start on `effectiveFrom`, as a field error's code and params; null when it may. */
export function priceStartProblem(
  effectiveFrom: string,
  context: { today: string; billedThrough: string | null },
): { code: 'effective_from_billed'; params: { earliest: string; billedThrough: string } } | null {
  const earliest = earliestPriceStart(context.today, context.billedThrough);
  if (earliest === null || context.billedThrough === null || effectiveFrom >= earliest) return null;
  return { code: 'effective_from_billed', params: { earliest, billedThrough: context.billedThrough } };
}
