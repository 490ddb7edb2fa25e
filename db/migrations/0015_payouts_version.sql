ALTER TABLE "data_versions" DROP CONSTRAINT "data_versions_scope";--> statement-breakpoint
ALTER TABLE "data_versions" ADD CONSTRAINT "data_versions_scope" CHECK ("data_versions"."scope" in ('creator', 'challenge', 'global', 'audience', 'payouts'));
--> statement-breakpoint
-- The staff queue's chart and totals (lib/dal/payouts/queries.ts) sum every payout of the
-- filtered set: ("payouts", 0) moves with every write to payouts, in the writer's transaction,
-- so lib/dal/cache.ts cachedAggregate can key them by it. Decisions and runs write payouts; the
-- ingest and orders never do. Not on payout_runs: the chart's periods are read outside the cache
-- and are part of its key, and a run takes the row only in the statement that writes payouts,
-- after that statement's creators (triggers fire in name order), as a decision does. The whole-data scopes ('global',
-- 'audience', 'payouts') now go through the one function of 0013, and 0014's own function goes.
CREATE OR REPLACE FUNCTION "data_versions_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bump_scope text := 'creator';
  ids integer[];
BEGIN
  CASE TG_ARGV[0]
    WHEN 'creator_id' THEN ids := ARRAY(SELECT DISTINCT creator_id FROM changed);
    WHEN 'id' THEN ids := ARRAY(SELECT DISTINCT id FROM changed);
    WHEN 'enrollment_id' THEN
      ids := ARRAY(SELECT DISTINCT e.creator_id FROM changed x JOIN enrollments e ON e.id = x.enrollment_id);
    WHEN 'global', 'audience', 'payouts' THEN bump_scope := TG_ARGV[0]; ids := ARRAY[0];
    ELSE RAISE EXCEPTION 'data_versions_bump: unknown argument % on %', TG_ARGV[0], TG_TABLE_NAME;
  END CASE;
  INSERT INTO data_versions (scope, id, version)
  SELECT bump_scope, c.id, txid_current() FROM unnest(ids) AS c(id)
  WHERE NOT EXISTS (SELECT 1 FROM data_versions v WHERE v.scope = bump_scope AND v.id = c.id AND v.version = txid_current())
  ORDER BY c.id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "creators_audience_version" ON "creators";
--> statement-breakpoint
DROP TRIGGER "challenge_invites_audience_version" ON "challenge_invites";
--> statement-breakpoint
DROP FUNCTION "data_versions_bump_audience"();
--> statement-breakpoint
CREATE TRIGGER "creators_audience_version" AFTER INSERT OR UPDATE OR DELETE ON "creators" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('audience');
--> statement-breakpoint
CREATE TRIGGER "challenge_invites_audience_version" AFTER INSERT OR UPDATE OR DELETE ON "challenge_invites" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('audience');
--> statement-breakpoint
CREATE TRIGGER "payouts_payouts_version" AFTER INSERT OR UPDATE OR DELETE ON "payouts" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('payouts');
--> statement-breakpoint
INSERT INTO data_versions (scope, id, version) VALUES ('payouts', 0, txid_current()) ON CONFLICT (scope, id) DO NOTHING;
