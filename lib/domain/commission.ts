// How an order's commission moves when it is refunded. Pure, integer-only, shared by the
// orders ingest and its property tests.
import { commissionMinor, convertMinor } from "./money";

export type Reversal = {
  /** What the commission drops by, in the order's currency (>= 0). */
  originalMinor: number;
  /** The same drop in the currency of the commission entry (converted when it has a rate). */
  convertedMinor: number;
};

/**
 * The reversal a refund writes: the commission on what was left of the order before the refund,
 * minus the commission on what is left after it. The reversals of an order add up exactly to its
 * commission once it is refunded in full, so its net commission always equals the commission on
 * its net amount and never goes below zero. Each reversal differs from "commission on the
 * refunded amount" by at most one cent (rounding), which is the price of that exactness.
 */
export function refundReversal(input: {
  amountMinor: number;
  refundedBeforeMinor: number;
  refundMinor: number;
  rateBps: number;
  fxRateMicros: number | null;
}): Reversal {
  const { amountMinor, refundedBeforeMinor, refundMinor, rateBps, fxRateMicros } = input;
  const leftBefore = amountMinor - refundedBeforeMinor;
  const leftAfter = leftBefore - refundMinor;
  if (refundMinor <= 0 || leftAfter < 0) throw new RangeError("refund must be positive and within the order");
  const before = commissionMinor(leftBefore, rateBps);
  const after = commissionMinor(leftAfter, rateBps);
  const convert = (minor: number) => (fxRateMicros === null ? minor : convertMinor(minor, fxRateMicros));
  return { originalMinor: before - after, convertedMinor: convert(before) - convert(after) };
}
