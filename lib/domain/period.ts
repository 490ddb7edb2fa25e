// Payout periods are calendar months in UTC, written "YYYY-MM" (the form payout_runs.period
// stores). A period covers [start, end): end is the first instant of the next month.

// A real month of this millennium: "0000-01" would become 1900 in Date.UTC (two-digit years).
const PERIOD = /^(2\d{3})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** First instant of the period and first instant of the next one, both UTC. */
export function periodBounds(period: string): { start: Date; end: Date } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`not a period: ${period}`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
}

/** The period a moment falls in. */
export function periodOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The month before the one `now` falls in: what a monthly run pays out by default. */
export function previousPeriod(now: Date = new Date()): string {
  return periodOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
}

/** True when the period has not started yet: nothing in it can be available. */
export function isFuturePeriod(period: string, now: Date = new Date()): boolean {
  return periodBounds(period).start.getTime() > now.getTime();
}

/** A UTC day "YYYY-MM-DD", `offsetDays` from now (the hold form's default decision date). */
export function isoDayFromNow(offsetDays = 0, now: Date = new Date()): string {
  return new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
