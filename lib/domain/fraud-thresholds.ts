// The thresholds of the payout fraud signals: the SQL that flags a payout (lib/dal/payouts/signals.ts)
// and the text that explains the flag to a reviewer (components/fraud-signals.tsx) read the same numbers.
export const SPIKE_FACTOR = 10;
export const SPIKE_WINDOW_DAYS = 30;
export const REPEAT_BUYER_MIN_ORDERS = 5;
export const REFUND_WINDOW_DAYS = 90;
export const REFUND_RATE_LIMIT = 0.3;
export const USUAL_AMOUNT_FACTOR = 3;
