-- Each order keeps the rate it was paid at; orders taken before this migration get their
-- product's current rate, the only one known for them.
ALTER TABLE "orders" ADD COLUMN "commission_bps" integer;--> statement-breakpoint
UPDATE "orders" o SET "commission_bps" = sp."commission_bps" FROM "shop_products" sp WHERE sp."id" = o."shop_product_id";--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "commission_bps" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_commission_range" CHECK ("orders"."commission_bps" between 0 and 10000);
