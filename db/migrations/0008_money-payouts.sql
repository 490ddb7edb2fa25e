ALTER TABLE "payouts" ADD COLUMN "eur_rate_micros" bigint;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "amount_eur_minor" bigint;--> statement-breakpoint
CREATE INDEX "payouts_status_amount_eur_idx" ON "payouts" USING btree ("status","amount_eur_minor");--> statement-breakpoint
-- hand-written: money-payouts
-- Existing payouts get their run's rate to EUR (the latest on or before the day the run started,
-- direct or the inverse of EUR→currency) and their amount at that rate, rounded half to even.
-- Idempotent: only rows without a rate are touched.
UPDATE "payouts" p SET "eur_rate_micros" = CASE WHEN p.currency = 'EUR' THEN 1000000::bigint ELSE coalesce(
    (SELECT x.rate_micros FROM exchange_rates x JOIN payout_runs r ON r.id = p.run_id
      WHERE x.base = p.currency AND x.quote = 'EUR' AND x.day <= r.started_at::date ORDER BY x.day DESC LIMIT 1),
    (SELECT round(1000000000000::numeric / x.rate_micros)::bigint FROM exchange_rates x JOIN payout_runs r ON r.id = p.run_id
      WHERE x.base = 'EUR' AND x.quote = p.currency AND x.day <= r.started_at::date ORDER BY x.day DESC LIMIT 1)
  ) END
WHERE p.eur_rate_micros IS NULL;--> statement-breakpoint
UPDATE "payouts" SET "amount_eur_minor" =
  div(amount_minor::numeric * eur_rate_micros, 1000000)
  + CASE WHEN 2 * mod(amount_minor::numeric * eur_rate_micros, 1000000) > 1000000
           OR (2 * mod(amount_minor::numeric * eur_rate_micros, 1000000) = 1000000 AND mod(div(amount_minor::numeric * eur_rate_micros, 1000000), 2) = 1)
         THEN 1 ELSE 0 END
WHERE eur_rate_micros IS NOT NULL AND amount_eur_minor IS NULL;
--> statement-breakpoint
-- A payout inserted without its EUR rate (the demo seed, a script) gets the latest known rate and
-- its EUR amount, as the payout run stores them (lib/dal/payout-runs.ts); a given rate is kept.
CREATE OR REPLACE FUNCTION payouts_fill_eur() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n numeric;
BEGIN
  IF NEW.eur_rate_micros IS NULL THEN
    NEW.eur_rate_micros := CASE WHEN NEW.currency = 'EUR' THEN 1000000::bigint ELSE coalesce(
      (SELECT x.rate_micros FROM exchange_rates x WHERE x.base = NEW.currency AND x.quote = 'EUR' AND x.day <= current_date ORDER BY x.day DESC LIMIT 1),
      (SELECT round(1000000000000::numeric / x.rate_micros)::bigint FROM exchange_rates x WHERE x.base = 'EUR' AND x.quote = NEW.currency AND x.day <= current_date ORDER BY x.day DESC LIMIT 1)
    ) END;
  END IF;
  IF NEW.amount_eur_minor IS NULL AND NEW.eur_rate_micros IS NOT NULL THEN
    n := NEW.amount_minor::numeric * NEW.eur_rate_micros;
    NEW.amount_eur_minor := div(n, 1000000) + CASE WHEN 2 * mod(n, 1000000) > 1000000
      OR (2 * mod(n, 1000000) = 1000000 AND mod(div(n, 1000000), 2) = 1) THEN 1 ELSE 0 END;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
DROP TRIGGER IF EXISTS payouts_fill_eur ON "payouts";--> statement-breakpoint
CREATE TRIGGER payouts_fill_eur BEFORE INSERT ON "payouts" FOR EACH ROW EXECUTE FUNCTION payouts_fill_eur();
