-- One trigger function for the page cache's versions (lib/dal/cache.ts) instead of four that
-- differed only in which ids they read. Its argument names them: 'creator_id' (the changed
-- rows' column), 'id' (the changed rows are creators), 'enrollment_id' (the changed rows'
-- enrollments' creators) or 'global' (the one global version; no transition table). As in 0012,
-- versions this transaction has already set are skipped before the upsert, and rows are taken
-- in id order, so two writers never lock them in opposite orders.
-- data_versions_bump_challenges stays: it also compares old and new rows.
CREATE FUNCTION "data_versions_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bump_scope text := 'creator';
  ids integer[];
BEGIN
  CASE TG_ARGV[0]
    WHEN 'creator_id' THEN ids := ARRAY(SELECT DISTINCT creator_id FROM changed);
    WHEN 'id' THEN ids := ARRAY(SELECT DISTINCT id FROM changed);
    WHEN 'enrollment_id' THEN
      ids := ARRAY(SELECT DISTINCT e.creator_id FROM changed x JOIN enrollments e ON e.id = x.enrollment_id);
    WHEN 'global' THEN bump_scope := 'global'; ids := ARRAY[0];
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
DROP TRIGGER "activity_events_data_version" ON "activity_events";
--> statement-breakpoint
CREATE TRIGGER "activity_events_data_version" AFTER INSERT ON "activity_events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "ledger_entries_data_version" ON "ledger_entries";
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_data_version" AFTER INSERT ON "ledger_entries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "milestone_awards_data_version_ins" ON "milestone_awards";
--> statement-breakpoint
CREATE TRIGGER "milestone_awards_data_version_ins" AFTER INSERT ON "milestone_awards" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "milestone_awards_data_version_upd" ON "milestone_awards";
--> statement-breakpoint
CREATE TRIGGER "milestone_awards_data_version_upd" AFTER UPDATE ON "milestone_awards" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "milestone_awards_data_version_del" ON "milestone_awards";
--> statement-breakpoint
CREATE TRIGGER "milestone_awards_data_version_del" AFTER DELETE ON "milestone_awards" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "enrollments_data_version_ins" ON "enrollments";
--> statement-breakpoint
CREATE TRIGGER "enrollments_data_version_ins" AFTER INSERT ON "enrollments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "enrollments_data_version_upd" ON "enrollments";
--> statement-breakpoint
CREATE TRIGGER "enrollments_data_version_upd" AFTER UPDATE ON "enrollments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "enrollments_data_version_del" ON "enrollments";
--> statement-breakpoint
CREATE TRIGGER "enrollments_data_version_del" AFTER DELETE ON "enrollments" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "orders_data_version_ins" ON "orders";
--> statement-breakpoint
CREATE TRIGGER "orders_data_version_ins" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "orders_data_version_upd" ON "orders";
--> statement-breakpoint
CREATE TRIGGER "orders_data_version_upd" AFTER UPDATE ON "orders" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "payouts_data_version_ins" ON "payouts";
--> statement-breakpoint
CREATE TRIGGER "payouts_data_version_ins" AFTER INSERT ON "payouts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "payouts_data_version_upd" ON "payouts";
--> statement-breakpoint
CREATE TRIGGER "payouts_data_version_upd" AFTER UPDATE ON "payouts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "payouts_data_version_del" ON "payouts";
--> statement-breakpoint
CREATE TRIGGER "payouts_data_version_del" AFTER DELETE ON "payouts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "own_products_data_version_ins" ON "own_products";
--> statement-breakpoint
CREATE TRIGGER "own_products_data_version_ins" AFTER INSERT ON "own_products" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "own_products_data_version_upd" ON "own_products";
--> statement-breakpoint
CREATE TRIGGER "own_products_data_version_upd" AFTER UPDATE ON "own_products" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "own_products_data_version_del" ON "own_products";
--> statement-breakpoint
CREATE TRIGGER "own_products_data_version_del" AFTER DELETE ON "own_products" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "affiliate_links_data_version_ins" ON "affiliate_links";
--> statement-breakpoint
CREATE TRIGGER "affiliate_links_data_version_ins" AFTER INSERT ON "affiliate_links" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "affiliate_links_data_version_upd" ON "affiliate_links";
--> statement-breakpoint
CREATE TRIGGER "affiliate_links_data_version_upd" AFTER UPDATE ON "affiliate_links" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "affiliate_links_data_version_del" ON "affiliate_links";
--> statement-breakpoint
CREATE TRIGGER "affiliate_links_data_version_del" AFTER DELETE ON "affiliate_links" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "challenge_invites_data_version_ins" ON "challenge_invites";
--> statement-breakpoint
CREATE TRIGGER "challenge_invites_data_version_ins" AFTER INSERT ON "challenge_invites" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "challenge_invites_data_version_del" ON "challenge_invites";
--> statement-breakpoint
CREATE TRIGGER "challenge_invites_data_version_del" AFTER DELETE ON "challenge_invites" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "creators_data_version_upd" ON "creators";
--> statement-breakpoint
CREATE TRIGGER "creators_data_version_upd" AFTER UPDATE ON "creators" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('id');
--> statement-breakpoint
DROP TRIGGER "challenges_data_version_ins_del" ON "challenges";
--> statement-breakpoint
CREATE TRIGGER "challenges_data_version_ins_del" AFTER INSERT OR DELETE ON "challenges" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('global');
--> statement-breakpoint
DROP TRIGGER "milestones_data_version" ON "milestones";
--> statement-breakpoint
CREATE TRIGGER "milestones_data_version" AFTER INSERT OR UPDATE OR DELETE ON "milestones" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('global');
--> statement-breakpoint
DROP TRIGGER "exchange_rates_data_version" ON "exchange_rates";
--> statement-breakpoint
CREATE TRIGGER "exchange_rates_data_version" AFTER INSERT OR UPDATE OR DELETE ON "exchange_rates" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('global');
--> statement-breakpoint
DROP TRIGGER "shop_products_data_version" ON "shop_products";
--> statement-breakpoint
CREATE TRIGGER "shop_products_data_version" AFTER INSERT OR UPDATE OR DELETE ON "shop_products" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('global');
--> statement-breakpoint
DROP TRIGGER "creator_daily_metrics_data_version_ins" ON "creator_daily_metrics";
--> statement-breakpoint
CREATE TRIGGER "creator_daily_metrics_data_version_ins" AFTER INSERT ON "creator_daily_metrics" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "creator_daily_metrics_data_version_upd" ON "creator_daily_metrics";
--> statement-breakpoint
CREATE TRIGGER "creator_daily_metrics_data_version_upd" AFTER UPDATE ON "creator_daily_metrics" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('creator_id');
--> statement-breakpoint
DROP TRIGGER "enrollment_progress_data_version_ins" ON "enrollment_progress";
--> statement-breakpoint
CREATE TRIGGER "enrollment_progress_data_version_ins" AFTER INSERT ON "enrollment_progress" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('enrollment_id');
--> statement-breakpoint
DROP TRIGGER "enrollment_progress_data_version_upd" ON "enrollment_progress";
--> statement-breakpoint
CREATE TRIGGER "enrollment_progress_data_version_upd" AFTER UPDATE ON "enrollment_progress" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"('enrollment_id');
--> statement-breakpoint
DROP FUNCTION "data_versions_bump_creators"();
--> statement-breakpoint
DROP FUNCTION "data_versions_bump_creator_rows"();
--> statement-breakpoint
DROP FUNCTION "data_versions_bump_enrollment_rows"();
--> statement-breakpoint
DROP FUNCTION "data_versions_bump_global"();
