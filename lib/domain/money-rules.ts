// The money rules, written once (docs/ingest-api.md "Money rules"). Pure and integer-only: ingest, earnings,
// the seed and the reference model's tests call these, never their own arithmetic.
import { refundReversal, type Reversal } from "./commission";
import { commissionMinor, convertMinor, divideHalfEven } from "./money";

export { commissionMinor, convertMinor, divideHalfEven, refundReversal, type Reversal };

export type Converted = {
  amountMinor: number;
  currency: string;
  originalAmountMinor: number | null;
  originalCurrency: string | null;
  fxRateMicros: number | null;
};

/**
 * Money into the creator's currency at a rate already looked up (null: no known rate). Without a
 * rate, or when the result rounds to 0, the amount stays in its own currency (payouts are per
 * currency).
 */
export function convertMoney(amountMinor: number, from: string, to: string, rateMicros: number | null): Converted {
  const same = { amountMinor, currency: from, originalAmountMinor: null, originalCurrency: null, fxRateMicros: null };
  if (from === to || rateMicros === null) return same;
  const converted = convertMinor(amountMinor, rateMicros);
  if (converted === 0) return same; // a cent that rounds away stays in its own currency
  return { amountMinor: converted, currency: to, originalAmountMinor: amountMinor, originalCurrency: from, fxRateMicros: rateMicros };
}

/** The UTC calendar day of a time ("2026-11-20"): the day whose rate converts it, the day `live_days` counts. */
export function utcDay(at: Date | string): string {
  return (at instanceof Date ? at : new Date(at)).toISOString().slice(0, 10);
}

/** A measure either adds event amounts or counts distinct UTC days with at least one event. */
export type MeasureKind = "sum" | "distinct_days";

export type CountedEvent = { id: string; occurredAt: string; amount: number };

/**
 * The crossing event of a threshold: walk the counted events in (occurredAt, id) order, adding
 * each one's contribution (its amount, or 1 for the first event of a new UTC day); the first
 * whose running total reaches the threshold. `occurredAt` must be ISO strings of one precision
 * (as PostgreSQL prints them, microseconds kept) so that string order is time order.
 * Null while the threshold is not reached.
 */
export function crossingOf(events: CountedEvent[], threshold: number, measure: MeasureKind = "sum"): CountedEvent | null {
  const sorted = [...events].sort((a, b) => cmp(instantKey(a.occurredAt), instantKey(b.occurredAt)) || cmp(a.id, b.id));
  const days = new Set<string>();
  let total = 0;
  for (const e of sorted) {
    if (measure === "sum") total += e.amount;
    else {
      const day = utcDay(e.occurredAt);
      if (!days.has(day)) total += 1;
      days.add(day);
    }
    if (total >= threshold) return e;
  }
  return null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An ISO time as a sortable key with microseconds: "2026-11-20T10:00:00.123456Z". */
function instantKey(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]00(?::?00)?)$/.exec(iso);
  if (!m) return new Date(iso).toISOString().replace("Z", "000Z");
  return `${m[1]}T${m[2]}.${(m[3] ?? "").padEnd(6, "0")}Z`;
}
