// What "the ledger equals the model" compares: a view that does not depend on how the log was
// delivered. Awards by key with their time, status and net money (the award's entries added
// up, adjustments included); orders with their commission entry and their net after refunds
// (which refund carries which cent depends on the order refunds arrived in; the net does not);
// accepted refunds; balances per creator and currency.
import type { ModelResult, ModelWorld } from "./model";
import { contestedChallenges } from "./model";

export type AwardView = {
  reachedAt: string;
  status: string;
  amountMinor: number;
  currency: string | null;
  originalAmountMinor: number | null;
};
export type CommissionView = {
  amountMinor: number;
  currency: string;
  originalAmountMinor: number | null;
  originalCurrency: string | null;
  fxRateMicros: number | null;
  occurredAt: string;
  availableAt: string;
};
export type OrderView = { commission: CommissionView | null; refundedMinor: number; netMinor: number; netOriginalMinor: number | null };
export type LedgerView = {
  awards: Record<string, AwardView>;
  orders: Record<string, OrderView>;
  acceptedRefunds: string[];
  /** "creator currency" → total and available at the view's `asOf` */
  balances: Record<string, { totalMinor: number; availableMinor: number }>;
  /** rules checked entry by entry where the view nets entries (empty when all hold) */
  anomalies: string[];
};

export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Awards of a contested challenge (a budget that pays some of its awards, not all) are kept out
 * of the exact comparison: first come, first served makes their status depend on arrival. Their
 * own check is `checkContested`.
 */
export function modelView(world: ModelWorld, result: ModelResult, asOf: number): LedgerView {
  const contested = contestedChallenges(world, result);
  const awards: Record<string, AwardView> = {};
  for (const a of result.awards) {
    if (contested.has(a.challenge)) {
      awards[a.key] = { reachedAt: iso(a.reachedAt), status: "contested", amountMinor: 0, currency: null, originalAmountMinor: null };
      continue;
    }
    const paid = a.status === "paid";
    awards[a.key] = {
      reachedAt: iso(a.reachedAt),
      status: a.status,
      amountMinor: paid ? a.amountMinor : 0,
      currency: paid ? a.currency : null,
      originalAmountMinor: paid ? a.originalAmountMinor : null,
    };
  }
  const orders: Record<string, OrderView> = {};
  for (const o of result.orders) orders[o.id] = { commission: null, refundedMinor: o.refundedMinor, netMinor: 0, netOriginalMinor: null };
  for (const e of result.entries) {
    if (e.kind !== "commission") continue;
    orders[e.orderId!].commission = {
      amountMinor: e.amountMinor,
      currency: e.currency,
      originalAmountMinor: e.originalAmountMinor,
      originalCurrency: e.originalCurrency,
      fxRateMicros: e.fxRateMicros,
      occurredAt: iso(e.occurredAt),
      availableAt: iso(e.availableAt),
    };
  }
  for (const e of result.entries) {
    if (e.kind !== "commission" && e.kind !== "refund") continue;
    const o = orders[e.orderId!];
    o.netMinor += e.amountMinor;
    if (e.originalAmountMinor !== null) o.netOriginalMinor = (o.netOriginalMinor ?? 0) + e.originalAmountMinor;
  }
  const balances: LedgerView["balances"] = {};
  for (const e of result.entries) {
    if (e.kind === "milestone_award" && contested.has(e.source.split("/")[0])) continue;
    const b = (balances[`${e.creator} ${e.currency}`] ??= { totalMinor: 0, availableMinor: 0 });
    b.totalMinor += e.amountMinor;
    if (e.availableAt <= asOf) b.availableMinor += e.amountMinor;
  }
  return { awards, orders, acceptedRefunds: [...result.acceptedRefunds].sort(), balances, anomalies: [] };
}
