// A challenge's lifecycle is derived from its editorial state and its window, so a scheduled
// challenge goes live and ends on time without a job having to run.
import { sql } from "drizzle-orm";
import { challenges } from "@/db/schema";

export const LIFECYCLE = ["draft", "scheduled", "live", "ended", "archived"] as const;
export type Lifecycle = (typeof LIFECYCLE)[number];

export function lifecycleOf(
  c: { state: "draft" | "published" | "archived"; startsAt: Date; endsAt: Date },
  now: Date = new Date(),
): Lifecycle {
  if (c.state === "draft") return "draft";
  if (c.state === "archived") return "archived";
  if (now < c.startsAt) return "scheduled";
  if (now < c.endsAt) return "live";
  return "ended";
}

/** The same rule in SQL, for filtering and grouping in the database. */
export const lifecycleSql = sql<Lifecycle>`(case
  when ${challenges.state} = 'draft' then 'draft'
  when ${challenges.state} = 'archived' then 'archived'
  when now() < ${challenges.startsAt} then 'scheduled'
  when now() < ${challenges.endsAt} then 'live'
  else 'ended' end)`;
