// Why a payout is held. Its own module (no zod, no schema) because the client-side decision
// form lists them too, and importing lib/validation there shipped zod and drizzle to the browser.
export const HOLD_REASON_CODES = ["kyc_missing", "activity_review", "bank_details", "tax_form", "other"] as const;
export type HoldReasonCode = (typeof HOLD_REASON_CODES)[number];
