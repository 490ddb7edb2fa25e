DROP INDEX "ledger_entries_creator_time_idx";--> statement-breakpoint
DROP INDEX "orders_creator_time_idx";--> statement-breakpoint
CREATE INDEX "payouts_currency_idx" ON "payouts" USING btree ("currency");--> statement-breakpoint
CREATE INDEX "ledger_entries_creator_time_idx" ON "ledger_entries" USING btree ("creator_id","occurred_at","kind","currency","available_at","amount_minor","order_id");--> statement-breakpoint
CREATE INDEX "orders_creator_time_idx" ON "orders" USING btree ("creator_id","occurred_at","id","shop_product_id");