import "server-only";
import { sql, type SQL } from "drizzle-orm";

// The one definition of "counted" (README "Money rules"): an event counts for an enrollment iff
// it is the enrollment's creator's, of a metric the challenge measures, inside the window
// [starts_at, ends_at), at or after enrolled_at and before withdrawn_at. Times are compared in
// PostgreSQL, at the microsecond precision they are stored with: a JavaScript Date keeps only
// milliseconds, and an event 300 µs before enrolling would look "counted" there and not here.
// Ingest (lib/dal/activity-ingest.ts) and the challenge page's "Counted?" (lib/dal/challenges.ts)
// both build their conditions from these columns; the creator and metric match are their joins.

/** Column names (qualified SQL expressions) the predicate is written over. */
export type CountedColumns = { at: string; startsAt: string; endsAt: string; enrolledAt: string; withdrawnAt: string };

export function countedParts(c: CountedColumns): { inWindow: SQL; afterEnrolling: SQL; beforeWithdrawing: SQL; counted: SQL } {
  const inWindow = sql.raw(`(${c.at} >= ${c.startsAt} and ${c.at} < ${c.endsAt})`);
  const afterEnrolling = sql.raw(`(${c.at} >= ${c.enrolledAt})`);
  const beforeWithdrawing = sql.raw(`(${c.withdrawnAt} is null or ${c.at} < ${c.withdrawnAt})`);
  return { inWindow, afterEnrolling, beforeWithdrawing, counted: sql`(${inWindow} and ${afterEnrolling} and ${beforeWithdrawing})` };
}
