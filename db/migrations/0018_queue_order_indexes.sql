DROP INDEX "payouts_status_amount_idx";--> statement-breakpoint
DROP INDEX "payouts_status_idx";--> statement-breakpoint
DROP INDEX "payouts_status_amount_eur_idx";--> statement-breakpoint
CREATE INDEX "payouts_status_amount_eur_desc_idx" ON "payouts" USING btree ("status","amount_eur_minor" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "payouts_created_idx" ON "payouts" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payouts_amount_eur_idx" ON "payouts" USING btree ("amount_eur_minor","id");--> statement-breakpoint
CREATE INDEX "payouts_amount_eur_desc_idx" ON "payouts" USING btree ("amount_eur_minor" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "payouts_status_idx" ON "payouts" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "payouts_status_amount_eur_idx" ON "payouts" USING btree ("status","amount_eur_minor","id");