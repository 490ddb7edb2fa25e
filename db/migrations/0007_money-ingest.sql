ALTER TYPE "public"."ledger_kind" ADD VALUE 'milestone_adjustment';--> statement-breakpoint
ALTER TYPE "public"."metric" ADD VALUE 'live_days';--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_source";--> statement-breakpoint
DROP INDEX "ledger_entries_milestone_award_key";--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_milestone_award_key" ON "ledger_entries" USING btree ("milestone_award_id") WHERE "ledger_entries"."kind" = 'milestone_award';--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_source" CHECK (("ledger_entries"."kind" = 'milestone_award' and "ledger_entries"."milestone_award_id" is not null and "ledger_entries"."amount_minor" > 0)
       or ("ledger_entries"."kind" = 'commission' and "ledger_entries"."order_id" is not null and "ledger_entries"."amount_minor" > 0)
       or ("ledger_entries"."kind" = 'refund' and "ledger_entries"."refund_id" is not null and "ledger_entries"."order_id" is not null and "ledger_entries"."amount_minor" < 0)
       or ("ledger_entries"."kind" = 'payout' and "ledger_entries"."payout_id" is not null and "ledger_entries"."amount_minor" < 0)
       or ("ledger_entries"."kind" = 'adjustment' and "ledger_entries"."note" is not null)
       or ("ledger_entries"."kind"::text = 'milestone_adjustment' and "ledger_entries"."milestone_award_id" is not null));