// A challenge's lifecycle is derived from its editorial state and its window, so a scheduled
// challenge goes live and ends on time without a job having to run.

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
