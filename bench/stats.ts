// Small statistics helpers: medians and nearest-rank percentiles.

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values: number[]) => percentile(values, 50);

/** What every measured thing reports: latency over all requests of all runs, rate per run. */
export type Measurement = {
  /** Milliseconds, over every request of every run. */
  medianMs: number;
  p95Ms: number;
  /** Requests (or iterations) per second: the median of the runs, and every run. */
  perSecond: number;
  perSecondRuns: number[];
  requests: number;
  errors: number;
  connections: number;
  secondsPerRun: number;
  /** Raw latencies, kept in memory for alternating runs; not written to the report. */
  latencies?: number[];
};

export function summarize(latencies: number[], perRun: number[], errors: number, connections: number, secondsPerRun: number): Measurement {
  return {
    medianMs: round(median(latencies)),
    p95Ms: round(percentile(latencies, 95)),
    perSecond: round(median(perRun)),
    perSecondRuns: perRun.map(round),
    requests: latencies.length,
    errors,
    connections,
    secondsPerRun,
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
