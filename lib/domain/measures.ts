// What a milestone measures. Most measures are an event metric summed; `live_days` counts the
// distinct UTC calendar days with at least one counted `live_sessions` event, so "Go Live on 5
// different days" cannot be completed by 5 sessions in one minute.
import type { Metric } from "@/db/schema";
import type { MeasureKind } from "./money-rules";

/** Measures that are not sent by the platform: each is derived from an event metric. */
export const DERIVED_MEASURES = { live_days: { from: "live_sessions", kind: "distinct_days" } } as const satisfies Partial<
  Record<Metric, { from: Metric; kind: MeasureKind }>
>;

export type EventMetric = Exclude<Metric, keyof typeof DERIVED_MEASURES>;

/** The event metric a measure reads. */
export function eventMetricOf(measure: Metric): EventMetric {
  return measure in DERIVED_MEASURES ? DERIVED_MEASURES[measure as keyof typeof DERIVED_MEASURES].from : (measure as EventMetric);
}

export function measureKindOf(measure: Metric): MeasureKind {
  return measure in DERIVED_MEASURES ? DERIVED_MEASURES[measure as keyof typeof DERIVED_MEASURES].kind : "sum";
}

/** Whether the platform may send this metric in an event (a derived measure is never sent). */
export function isEventMetric(metric: Metric): metric is EventMetric {
  return !(metric in DERIVED_MEASURES);
}
