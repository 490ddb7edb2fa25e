-- hand-written: drop-payouts-fill-eur
-- The payout run stores each payout's rate to EUR and its EUR amount itself (lib/dal/payout-runs.ts,
-- at the run's day); this trigger was a second copy of that conversion, at today's rate, kept only
-- for payouts inserted by hand (tests). Those now give their rate and EUR amount, and a payout
-- without a known rate keeps none, as the run decided (two approvals: not shown to be under the limit).
DROP TRIGGER IF EXISTS payouts_fill_eur ON "payouts";--> statement-breakpoint
DROP FUNCTION IF EXISTS payouts_fill_eur();
