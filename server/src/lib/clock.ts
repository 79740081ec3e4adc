/** Today's calendar day in UTC, 'YYYY-MM-DD': the platform's business day boundary. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
