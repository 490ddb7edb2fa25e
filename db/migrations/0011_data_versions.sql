CREATE TABLE "data_versions" (
	"scope" text NOT NULL,
	"id" integer NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "data_versions_scope_id_pk" PRIMARY KEY("scope","id"),
	CONSTRAINT "data_versions_scope" CHECK ("data_versions"."scope" in ('creator', 'challenge', 'global'))
);
--> statement-breakpoint
-- The page cache's versions (lib/dal/cache.ts): every write a creator's cached reads see sets
-- its creator's (or challenge's, or the global) version to the writing transaction's id, in
-- that transaction, from statement triggers: once per statement, one upsert per creator, rows
-- taken in creator order (so two writers never lock them in opposite orders), and a version
-- already set by this transaction is not written again.
CREATE FUNCTION "data_versions_bump_creators"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version)
  SELECT 'creator', c.creator_id, txid_current() FROM (SELECT DISTINCT creator_id FROM changed) c ORDER BY c.creator_id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "data_versions_bump_creator_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version)
  SELECT 'creator', c.id, txid_current() FROM (SELECT DISTINCT id FROM changed) c ORDER BY c.id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "data_versions_bump_enrollment_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version)
  SELECT 'creator', c.creator_id, txid_current()
  FROM (SELECT DISTINCT e.creator_id FROM changed x JOIN enrollments e ON e.id = x.enrollment_id) c ORDER BY c.creator_id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "data_versions_bump_global"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version) VALUES ('global', 0, txid_current())
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A challenge's counters (enrolled_count by enrollments, spent_minor by awards) move its own
-- version: the row is already locked by the writer. Any other change is global.
CREATE FUNCTION "data_versions_bump_challenges"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version)
  SELECT 'challenge', c.id, txid_current() FROM (SELECT DISTINCT id FROM new_rows) c ORDER BY c.id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  IF EXISTS (
    SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE to_jsonb(n) - 'enrolled_count' - 'spent_minor' - 'updated_at' IS DISTINCT FROM to_jsonb(o) - 'enrolled_count' - 'spent_minor' - 'updated_at'
  ) THEN
    INSERT INTO data_versions (scope, id, version) VALUES ('global', 0, txid_current())
    ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "activity_events_data_version" AFTER INSERT ON "activity_events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_data_version" AFTER INSERT ON "ledger_entries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "milestone_awards_data_version_ins" AFTER INSERT ON "milestone_awards" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "milestone_awards_data_version_upd" AFTER UPDATE ON "milestone_awards" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "milestone_awards_data_version_del" AFTER DELETE ON "milestone_awards" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "enrollments_data_version_ins" AFTER INSERT ON "enrollments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "enrollments_data_version_upd" AFTER UPDATE ON "enrollments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "enrollments_data_version_del" AFTER DELETE ON "enrollments" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "orders_data_version_ins" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "orders_data_version_upd" AFTER UPDATE ON "orders" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "payouts_data_version_ins" AFTER INSERT ON "payouts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "payouts_data_version_upd" AFTER UPDATE ON "payouts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "payouts_data_version_del" AFTER DELETE ON "payouts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "own_products_data_version_ins" AFTER INSERT ON "own_products" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "own_products_data_version_upd" AFTER UPDATE ON "own_products" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "own_products_data_version_del" AFTER DELETE ON "own_products" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "affiliate_links_data_version_ins" AFTER INSERT ON "affiliate_links" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "affiliate_links_data_version_upd" AFTER UPDATE ON "affiliate_links" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "affiliate_links_data_version_del" AFTER DELETE ON "affiliate_links" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "challenge_invites_data_version_ins" AFTER INSERT ON "challenge_invites" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "challenge_invites_data_version_del" AFTER DELETE ON "challenge_invites" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "creators_data_version_upd" AFTER UPDATE ON "creators" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creator_rows"();
--> statement-breakpoint
CREATE TRIGGER "challenges_data_version_upd" AFTER UPDATE ON "challenges" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_challenges"();
--> statement-breakpoint
CREATE TRIGGER "challenges_data_version_ins_del" AFTER INSERT OR DELETE ON "challenges" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_global"();
--> statement-breakpoint
CREATE TRIGGER "milestones_data_version" AFTER INSERT OR UPDATE OR DELETE ON "milestones" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_global"();
--> statement-breakpoint
CREATE TRIGGER "exchange_rates_data_version" AFTER INSERT OR UPDATE OR DELETE ON "exchange_rates" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_global"();
--> statement-breakpoint
CREATE TRIGGER "shop_products_data_version" AFTER INSERT OR UPDATE OR DELETE ON "shop_products" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_global"();
--> statement-breakpoint
CREATE TRIGGER "creator_daily_metrics_data_version_ins" AFTER INSERT ON "creator_daily_metrics" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "creator_daily_metrics_data_version_upd" AFTER UPDATE ON "creator_daily_metrics" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
CREATE TRIGGER "enrollment_progress_data_version_ins" AFTER INSERT ON "enrollment_progress" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_enrollment_rows"();
--> statement-breakpoint
CREATE TRIGGER "enrollment_progress_data_version_upd" AFTER UPDATE ON "enrollment_progress" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_enrollment_rows"();
--> statement-breakpoint
-- Receipts (no page shows them) and payout items (written with their payout) have no trigger
-- of their own: the write beside them moves the version.
INSERT INTO data_versions (scope, id, version) VALUES ('global', 0, txid_current());
