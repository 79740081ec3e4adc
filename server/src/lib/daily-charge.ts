import type { TariffPeriod } from '../db/schema.js';
import { decimal, formatAmount, roundAmount } from './money.js';

/** Days in the month of a 'YYYY-MM-DD' day (UTC calendar). */
export function daysInMonth(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What one object is charged for one day at a price: a daily price as is; a monthly price prorated so
 * that the days of a month add up to exactly the monthly price in kopecks — each day is charged the
 * difference of the rounded cumulative amounts, round(P·d/N) − round(P·(d−1)/N), half-up. The billing
 * run computes the same in SQL (billing-amounts.sql.ts); the property tests hold the two together.
 */
export function dailyCharge(price: string, period: TariffPeriod, day: string): string {
  if (period === 'day') return formatAmount(price);
  const n = daysInMonth(day);
  const d = Number(day.slice(8, 10));
  const cumulative = (days: number) => roundAmount(decimal(price).times(days).dividedBy(n));
  return formatAmount(cumulative(d).minus(cumulative(d - 1)));
}
