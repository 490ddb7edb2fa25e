ALTER TABLE "data_versions" DROP CONSTRAINT "data_versions_scope";--> statement-breakpoint
ALTER TABLE "data_versions" ADD CONSTRAINT "data_versions_scope" CHECK ("data_versions"."scope" in ('creator', 'challenge', 'global', 'audience'));
--> statement-breakpoint
-- The audience estimate (marketing's challenge pages) counts creators by the challenge's rules:
-- it changes with any creator's platform, followers or country, a creator added or removed, and
-- an invite-only challenge's invite list. One version, ('audience', 0), moves with each of those
-- writes, in their transaction (lib/dal/cache.ts cachedAggregate). Neither table is written by
-- the ingest or the payout run, so the one row is not a point of contention.
CREATE FUNCTION "data_versions_bump_audience"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version) VALUES ('audience', 0, txid_current())
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "creators_audience_version" AFTER INSERT OR UPDATE OR DELETE ON "creators" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_audience"();
--> statement-breakpoint
CREATE TRIGGER "challenge_invites_audience_version" AFTER INSERT OR UPDATE OR DELETE ON "challenge_invites" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_audience"();
--> statement-breakpoint
INSERT INTO data_versions (scope, id, version) VALUES ('audience', 0, txid_current());
