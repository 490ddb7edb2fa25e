DROP INDEX "creators_country_idx";--> statement-breakpoint
DROP INDEX "payouts_currency_idx";--> statement-breakpoint
CREATE INDEX "creators_country_idx" ON "creators" USING btree ("country","id");--> statement-breakpoint
CREATE INDEX "payouts_currency_idx" ON "payouts" USING btree ("currency","run_id","creator_id","status","amount_minor");