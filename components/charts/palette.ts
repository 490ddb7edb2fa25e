// The charts' colours, shared by each Recharts chart and by its sketch (sketch.tsx), which must
// not import Recharts.
export const COLORS = {
  bonus: "#6d28d9",
  commission: "#0d9488",
  product: "#6d28d9",
  funnel: "#6d28d9",
  spendStroke: "#6d28d9",
  spendFill: "#ede9fe",
} as const;

export const PAYOUT_SERIES = [
  { key: "paid", color: "#15803d" },
  { key: "approved", color: "#0d9488" },
  { key: "pending_review", color: "#2563eb" },
  { key: "held", color: "#d97706" },
  { key: "rejected", color: "#dc2626" },
] as const;
