import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { DERIVED_MEASURES } from "@/lib/domain/measures";

// The one definition of "counted" (docs/ingest-api.md "Money rules"): an event counts for an enrollment iff
// it is the enrollment's creator's, of a metric the challenge measures, inside the window
// [starts_at, ends_at), at or after enrolled_at and before withdrawn_at. Times are compared in
// PostgreSQL, at the microsecond precision they are stored with: a JavaScript Date keeps only
// milliseconds, and an event 300 µs before enrolling would look "counted" there and not here.
// Ingest (lib/dal/ingest/activity.ts) and the challenge page's "Counted?" (lib/dal/challenges.ts)
// both build their conditions from these columns; the creator and metric match are their joins.

/** Column names (qualified SQL expressions) the predicate is written over. */
export type CountedColumns = { at: string; startsAt: string; endsAt: string; enrolledAt: string; withdrawnAt: string };

export function countedParts(c: CountedColumns): { inWindow: SQL; afterEnrolling: SQL; beforeWithdrawing: SQL; counted: SQL } {
  const inWindow = sql.raw(`(${c.at} >= ${c.startsAt} and ${c.at} < ${c.endsAt})`);
  const afterEnrolling = sql.raw(`(${c.at} >= ${c.enrolledAt})`);
  const beforeWithdrawing = sql.raw(`(${c.withdrawnAt} is null or ${c.at} < ${c.withdrawnAt})`);
  return { inWindow, afterEnrolling, beforeWithdrawing, counted: sql`(${inWindow} and ${afterEnrolling} and ${beforeWithdrawing})` };
}

// Measures in SQL, from lib/domain/measures.ts: the event metric a measure reads, and whether it
// counts distinct UTC days instead of summing amounts.
const derived = Object.entries(DERIVED_MEASURES);

/** The event metric of a measure column, as a `metric` value. */
export function eventMetricSql(measure: string): SQL {
  if (derived.length === 0) return sql.raw(measure);
  return sql.raw(`(case ${derived.map(([m, d]) => `when ${measure} = '${m}' then '${d.from}'::metric`).join(" ")} else ${measure} end)`);
}

/** True when a measure column counts distinct UTC days. */
export function isDistinctDaysSql(measure: string): SQL {
  const days = derived.filter(([, d]) => d.kind === "distinct_days").map(([m]) => `'${m}'`);
  return sql.raw(days.length === 0 ? "false" : `(${measure}::text in (${days.join(", ")}))`);
}
