// "At your last-14-days pace you reach this milestone on …": what no platform dashboard says.

export const PACE_WINDOW_DAYS = 14;
const DAY = 86_400_000;

export type PaceProjection =
  | { kind: "reached" }
  | { kind: "on"; date: Date }
  | { kind: "not_before_end" };

/**
 * Projects the day a threshold is reached, from the total so far and what was done in the last
 * 14 days. No activity, or a day after the challenge ends, means "not before the end".
 */
export function projectMilestone(input: {
  current: number;
  threshold: number;
  lastWindowTotal: number;
  now: Date;
  endsAt: Date;
}): PaceProjection {
  const { current, threshold, lastWindowTotal, now, endsAt } = input;
  if (current >= threshold) return { kind: "reached" };
  if (lastWindowTotal <= 0) return { kind: "not_before_end" };
  const perDay = lastWindowTotal / PACE_WINDOW_DAYS;
  const days = Math.ceil((threshold - current) / perDay);
  const date = new Date(now.getTime() + days * DAY);
  return date >= endsAt ? { kind: "not_before_end" } : { kind: "on", date };
}

/** Whole days left before the end, 0 once it is over. */
export function daysLeft(endsAt: Date, now: Date = new Date()): number {
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / DAY));
}
