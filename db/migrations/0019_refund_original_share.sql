ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_amount_nonzero";--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_source";--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("ledger_entries"."amount_minor" <> 0 or ("ledger_entries"."kind" = 'refund' and "ledger_entries"."original_amount_minor" < 0));--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_source" CHECK (("ledger_entries"."kind" = 'milestone_award' and "ledger_entries"."milestone_award_id" is not null and "ledger_entries"."amount_minor" > 0)
       or ("ledger_entries"."kind" = 'commission' and "ledger_entries"."order_id" is not null and "ledger_entries"."amount_minor" > 0)
       or ("ledger_entries"."kind" = 'refund' and "ledger_entries"."refund_id" is not null and "ledger_entries"."order_id" is not null and "ledger_entries"."amount_minor" <= 0)
       or ("ledger_entries"."kind" = 'payout' and "ledger_entries"."payout_id" is not null and "ledger_entries"."amount_minor" < 0)
       or ("ledger_entries"."kind" = 'adjustment' and "ledger_entries"."note" is not null)
       or ("ledger_entries"."kind"::text = 'milestone_adjustment' and "ledger_entries"."milestone_award_id" is not null));--> statement-breakpoint
-- Repair of ledgers written before: a refund whose reversal rounded to 0 in the creator's
-- currency wrote nothing, and its share in the order's currency stayed. For each order whose net
-- in its own currency is above the commission on what is left of it (half to even), one entry
-- of 0 takes back the difference, at the order's latest refund that has no entry.
INSERT INTO "ledger_entries" ("creator_id", "kind", "amount_minor", "currency", "order_id", "refund_id",
  "original_amount_minor", "original_currency", "fx_rate_micros", "occurred_at", "available_at")
SELECT c."creator_id", 'refund', 0, c."currency", o."id", r."id", -(net.original - owed.original),
  c."original_currency", c."fx_rate_micros", r."occurred_at", greatest(r."occurred_at", c."available_at")
FROM "orders" o
JOIN "ledger_entries" c ON c."order_id" = o."id" AND c."kind" = 'commission' AND c."fx_rate_micros" IS NOT NULL
CROSS JOIN LATERAL (
  SELECT sum(e."original_amount_minor") AS original FROM "ledger_entries" e
  WHERE e."order_id" = o."id" AND e."kind" IN ('commission', 'refund')
) net
CROSS JOIN LATERAL (
  SELECT x / 10000 + CASE WHEN x % 10000 > 5000 OR (x % 10000 = 5000 AND (x / 10000) % 2 = 1) THEN 1 ELSE 0 END AS original
  FROM (SELECT (o."amount_minor" - o."refunded_minor")::bigint * o."commission_bps" AS x) l
) owed
CROSS JOIN LATERAL (
  SELECT r."id", r."occurred_at" FROM "refunds" r
  WHERE r."order_id" = o."id" AND NOT EXISTS (SELECT 1 FROM "ledger_entries" x WHERE x."refund_id" = r."id")
  ORDER BY r."occurred_at" DESC, r."id" DESC LIMIT 1
) r
WHERE o."refunded_minor" > 0 AND net.original > owed.original;
