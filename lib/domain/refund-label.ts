// What a refund entry is called, everywhere (earnings page, statements, CSV files): one rule.
// A *clawback* takes back money already paid out (in payout #N) and comes out of the next payout;
// anything else is a *reversal* of money not paid yet. Whether the commission's payout is paid
// is read in SQL (lib/dal/earnings/ledger-sql.ts clawbackOfSql); this decides the label from it.

export type RefundLabel = { kind: "reversal" } | { kind: "clawback"; paidInPayoutId: number };

/** `clawbackOfPayoutId`: the paid payout that took the refunded commission, or null. */
export function refundLabel(clawbackOfPayoutId: number | null): RefundLabel {
  return clawbackOfPayoutId === null ? { kind: "reversal" } : { kind: "clawback", paidInPayoutId: clawbackOfPayoutId };
}
