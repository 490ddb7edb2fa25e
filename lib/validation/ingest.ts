import { z } from "zod";
import { metricEnum } from "@/db/schema";
import { isEventMetric, type EventMetric } from "@/lib/domain/measures";
import { safeApiText } from "./safe-text";

// What the platform sends: every metric but the derived measures (live_days is computed here).
const EVENT_METRICS = metricEnum.enumValues.filter(isEventMetric) as [string, ...string[]];

export const MAX_BATCH_ITEMS = 1000;
/** Bodies above this are refused before parsing (1,000 items fit in well under 1 MiB). */
export const MAX_BODY_BYTES = 1_048_576;
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const timestamp = z
  .string()
  .datetime({ offset: true, message: "occurredAt must be an ISO 8601 date-time with a time zone" })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "occurredAt is in the future")
  .refine((d) => d.getUTCFullYear() >= 2000, "occurredAt is too far in the past");

export const activityEventSchema = z.object({
  id: safeApiText("id").trim().min(1, "id is required").max(100, "id is longer than 100 characters"),
  creator: safeApiText("creator").trim().min(1, "creator is required").max(60),
  metric: z.enum(EVENT_METRICS as [EventMetric, ...EventMetric[]], { message: `metric must be one of ${EVENT_METRICS.join(", ")}` }),
  amount: z
    .number({ message: "amount must be a number" })
    .int("amount must be an integer")
    .nonnegative("amount must not be negative")
    .max(1_000_000_000, "amount is too large"),
  occurredAt: timestamp,
});
export type ActivityEventInput = z.infer<typeof activityEventSchema>;

export const eventsBatchSchema = z.object({ events: z.array(z.unknown()) });

/** The first issue of a zod error, as a short English sentence for API clients. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const field = issue.path.join(".");
  return issue.message.startsWith(field) || !field ? issue.message : `${field}: ${issue.message}`;
}

export { timestamp as ingestTimestamp };
