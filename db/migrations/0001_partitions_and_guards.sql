-- Monthly partitions of raw activity from 2024 to 2030, and a default partition so a
-- stray date never fails an ingest. Old months can be detached and archived.
CREATE TABLE IF NOT EXISTS "activity_events_default" PARTITION OF "activity_events" DEFAULT;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_01" PARTITION OF "activity_events" FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-02-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_02" PARTITION OF "activity_events" FOR VALUES FROM ('2024-02-01 00:00:00+00') TO ('2024-03-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_03" PARTITION OF "activity_events" FOR VALUES FROM ('2024-03-01 00:00:00+00') TO ('2024-04-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_04" PARTITION OF "activity_events" FOR VALUES FROM ('2024-04-01 00:00:00+00') TO ('2024-05-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_05" PARTITION OF "activity_events" FOR VALUES FROM ('2024-05-01 00:00:00+00') TO ('2024-06-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_06" PARTITION OF "activity_events" FOR VALUES FROM ('2024-06-01 00:00:00+00') TO ('2024-07-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_07" PARTITION OF "activity_events" FOR VALUES FROM ('2024-07-01 00:00:00+00') TO ('2024-08-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_08" PARTITION OF "activity_events" FOR VALUES FROM ('2024-08-01 00:00:00+00') TO ('2024-09-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_09" PARTITION OF "activity_events" FOR VALUES FROM ('2024-09-01 00:00:00+00') TO ('2024-10-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_10" PARTITION OF "activity_events" FOR VALUES FROM ('2024-10-01 00:00:00+00') TO ('2024-11-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_11" PARTITION OF "activity_events" FOR VALUES FROM ('2024-11-01 00:00:00+00') TO ('2024-12-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2024_12" PARTITION OF "activity_events" FOR VALUES FROM ('2024-12-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_01" PARTITION OF "activity_events" FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_02" PARTITION OF "activity_events" FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_03" PARTITION OF "activity_events" FOR VALUES FROM ('2025-03-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_04" PARTITION OF "activity_events" FOR VALUES FROM ('2025-04-01 00:00:00+00') TO ('2025-05-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_05" PARTITION OF "activity_events" FOR VALUES FROM ('2025-05-01 00:00:00+00') TO ('2025-06-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_06" PARTITION OF "activity_events" FOR VALUES FROM ('2025-06-01 00:00:00+00') TO ('2025-07-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_07" PARTITION OF "activity_events" FOR VALUES FROM ('2025-07-01 00:00:00+00') TO ('2025-08-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_08" PARTITION OF "activity_events" FOR VALUES FROM ('2025-08-01 00:00:00+00') TO ('2025-09-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_09" PARTITION OF "activity_events" FOR VALUES FROM ('2025-09-01 00:00:00+00') TO ('2025-10-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_10" PARTITION OF "activity_events" FOR VALUES FROM ('2025-10-01 00:00:00+00') TO ('2025-11-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_11" PARTITION OF "activity_events" FOR VALUES FROM ('2025-11-01 00:00:00+00') TO ('2025-12-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2025_12" PARTITION OF "activity_events" FOR VALUES FROM ('2025-12-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_01" PARTITION OF "activity_events" FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_02" PARTITION OF "activity_events" FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_03" PARTITION OF "activity_events" FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_04" PARTITION OF "activity_events" FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_05" PARTITION OF "activity_events" FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-06-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_06" PARTITION OF "activity_events" FOR VALUES FROM ('2026-06-01 00:00:00+00') TO ('2026-07-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_07" PARTITION OF "activity_events" FOR VALUES FROM ('2026-07-01 00:00:00+00') TO ('2026-08-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_08" PARTITION OF "activity_events" FOR VALUES FROM ('2026-08-01 00:00:00+00') TO ('2026-09-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_09" PARTITION OF "activity_events" FOR VALUES FROM ('2026-09-01 00:00:00+00') TO ('2026-10-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_10" PARTITION OF "activity_events" FOR VALUES FROM ('2026-10-01 00:00:00+00') TO ('2026-11-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_11" PARTITION OF "activity_events" FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2026_12" PARTITION OF "activity_events" FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_01" PARTITION OF "activity_events" FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2027-02-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_02" PARTITION OF "activity_events" FOR VALUES FROM ('2027-02-01 00:00:00+00') TO ('2027-03-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_03" PARTITION OF "activity_events" FOR VALUES FROM ('2027-03-01 00:00:00+00') TO ('2027-04-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_04" PARTITION OF "activity_events" FOR VALUES FROM ('2027-04-01 00:00:00+00') TO ('2027-05-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_05" PARTITION OF "activity_events" FOR VALUES FROM ('2027-05-01 00:00:00+00') TO ('2027-06-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_06" PARTITION OF "activity_events" FOR VALUES FROM ('2027-06-01 00:00:00+00') TO ('2027-07-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_07" PARTITION OF "activity_events" FOR VALUES FROM ('2027-07-01 00:00:00+00') TO ('2027-08-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_08" PARTITION OF "activity_events" FOR VALUES FROM ('2027-08-01 00:00:00+00') TO ('2027-09-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_09" PARTITION OF "activity_events" FOR VALUES FROM ('2027-09-01 00:00:00+00') TO ('2027-10-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_10" PARTITION OF "activity_events" FOR VALUES FROM ('2027-10-01 00:00:00+00') TO ('2027-11-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_11" PARTITION OF "activity_events" FOR VALUES FROM ('2027-11-01 00:00:00+00') TO ('2027-12-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2027_12" PARTITION OF "activity_events" FOR VALUES FROM ('2027-12-01 00:00:00+00') TO ('2028-01-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_01" PARTITION OF "activity_events" FOR VALUES FROM ('2028-01-01 00:00:00+00') TO ('2028-02-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_02" PARTITION OF "activity_events" FOR VALUES FROM ('2028-02-01 00:00:00+00') TO ('2028-03-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_03" PARTITION OF "activity_events" FOR VALUES FROM ('2028-03-01 00:00:00+00') TO ('2028-04-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_04" PARTITION OF "activity_events" FOR VALUES FROM ('2028-04-01 00:00:00+00') TO ('2028-05-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_05" PARTITION OF "activity_events" FOR VALUES FROM ('2028-05-01 00:00:00+00') TO ('2028-06-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_06" PARTITION OF "activity_events" FOR VALUES FROM ('2028-06-01 00:00:00+00') TO ('2028-07-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_07" PARTITION OF "activity_events" FOR VALUES FROM ('2028-07-01 00:00:00+00') TO ('2028-08-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_08" PARTITION OF "activity_events" FOR VALUES FROM ('2028-08-01 00:00:00+00') TO ('2028-09-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_09" PARTITION OF "activity_events" FOR VALUES FROM ('2028-09-01 00:00:00+00') TO ('2028-10-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_10" PARTITION OF "activity_events" FOR VALUES FROM ('2028-10-01 00:00:00+00') TO ('2028-11-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_11" PARTITION OF "activity_events" FOR VALUES FROM ('2028-11-01 00:00:00+00') TO ('2028-12-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2028_12" PARTITION OF "activity_events" FOR VALUES FROM ('2028-12-01 00:00:00+00') TO ('2029-01-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_01" PARTITION OF "activity_events" FOR VALUES FROM ('2029-01-01 00:00:00+00') TO ('2029-02-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_02" PARTITION OF "activity_events" FOR VALUES FROM ('2029-02-01 00:00:00+00') TO ('2029-03-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_03" PARTITION OF "activity_events" FOR VALUES FROM ('2029-03-01 00:00:00+00') TO ('2029-04-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_04" PARTITION OF "activity_events" FOR VALUES FROM ('2029-04-01 00:00:00+00') TO ('2029-05-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_05" PARTITION OF "activity_events" FOR VALUES FROM ('2029-05-01 00:00:00+00') TO ('2029-06-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_06" PARTITION OF "activity_events" FOR VALUES FROM ('2029-06-01 00:00:00+00') TO ('2029-07-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_07" PARTITION OF "activity_events" FOR VALUES FROM ('2029-07-01 00:00:00+00') TO ('2029-08-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_08" PARTITION OF "activity_events" FOR VALUES FROM ('2029-08-01 00:00:00+00') TO ('2029-09-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_09" PARTITION OF "activity_events" FOR VALUES FROM ('2029-09-01 00:00:00+00') TO ('2029-10-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_10" PARTITION OF "activity_events" FOR VALUES FROM ('2029-10-01 00:00:00+00') TO ('2029-11-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_11" PARTITION OF "activity_events" FOR VALUES FROM ('2029-11-01 00:00:00+00') TO ('2029-12-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2029_12" PARTITION OF "activity_events" FOR VALUES FROM ('2029-12-01 00:00:00+00') TO ('2030-01-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_01" PARTITION OF "activity_events" FOR VALUES FROM ('2030-01-01 00:00:00+00') TO ('2030-02-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_02" PARTITION OF "activity_events" FOR VALUES FROM ('2030-02-01 00:00:00+00') TO ('2030-03-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_03" PARTITION OF "activity_events" FOR VALUES FROM ('2030-03-01 00:00:00+00') TO ('2030-04-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_04" PARTITION OF "activity_events" FOR VALUES FROM ('2030-04-01 00:00:00+00') TO ('2030-05-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_05" PARTITION OF "activity_events" FOR VALUES FROM ('2030-05-01 00:00:00+00') TO ('2030-06-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_06" PARTITION OF "activity_events" FOR VALUES FROM ('2030-06-01 00:00:00+00') TO ('2030-07-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_07" PARTITION OF "activity_events" FOR VALUES FROM ('2030-07-01 00:00:00+00') TO ('2030-08-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_08" PARTITION OF "activity_events" FOR VALUES FROM ('2030-08-01 00:00:00+00') TO ('2030-09-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_09" PARTITION OF "activity_events" FOR VALUES FROM ('2030-09-01 00:00:00+00') TO ('2030-10-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_10" PARTITION OF "activity_events" FOR VALUES FROM ('2030-10-01 00:00:00+00') TO ('2030-11-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_11" PARTITION OF "activity_events" FOR VALUES FROM ('2030-11-01 00:00:00+00') TO ('2030-12-01 00:00:00+00');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "activity_events_2030_12" PARTITION OF "activity_events" FOR VALUES FROM ('2030-12-01 00:00:00+00') TO ('2031-01-01 00:00:00+00');
--> statement-breakpoint
-- Ledger entries and the audit log are append-only: refuse UPDATE and DELETE in the database.
CREATE OR REPLACE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
