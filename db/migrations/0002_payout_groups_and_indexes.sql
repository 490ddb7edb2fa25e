ALTER TABLE "payouts" ADD COLUMN "bonus_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "commission_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "other_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "creators_audience_idx" ON "creators" USING btree ("platform","country","followers");--> statement-breakpoint
CREATE INDEX "payouts_status_amount_idx" ON "payouts" USING btree ("status","amount_minor");--> statement-breakpoint
-- Existing payouts: their amount by earning group, from the entries they hold (or held, when rejected).
UPDATE "payouts" p SET "bonus_minor" = g.bonus, "commission_minor" = g.commission, "other_minor" = g.other
FROM (
  SELECT pi.payout_id,
         coalesce(sum(le.amount_minor) FILTER (WHERE le.kind = 'milestone_award'), 0) AS bonus,
         coalesce(sum(le.amount_minor) FILTER (WHERE le.kind IN ('commission', 'refund')), 0) AS commission,
         coalesce(sum(le.amount_minor) FILTER (WHERE le.kind NOT IN ('milestone_award', 'commission', 'refund')), 0) AS other
  FROM payout_items pi JOIN ledger_entries le ON le.id = pi.ledger_entry_id
  GROUP BY pi.payout_id
) g
WHERE g.payout_id = p.id;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_amount_by_group" CHECK ("payouts"."bonus_minor" + "payouts"."commission_minor" + "payouts"."other_minor" = "payouts"."amount_minor");