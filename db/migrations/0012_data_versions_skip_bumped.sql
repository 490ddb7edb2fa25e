-- The version triggers skip creators this transaction has already moved: an ingest batch's
-- statement writes its events, their daily rollup and enrollment progress at once, and each
-- table's trigger upserted the same ~1,000 versions again (the conflict path locks and checks
-- each row: 4–22 ms a batch on the bench's machine). A read of the version now filters them.
CREATE OR REPLACE FUNCTION "data_versions_bump_creators"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version)
  SELECT 'creator', c.creator_id, txid_current() FROM (SELECT DISTINCT creator_id FROM changed) c
  WHERE NOT EXISTS (SELECT 1 FROM data_versions v WHERE v.scope = 'creator' AND v.id = c.creator_id AND v.version = txid_current())
  ORDER BY c.creator_id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "data_versions_bump_enrollment_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, id, version)
  SELECT 'creator', c.creator_id, txid_current()
  FROM (SELECT DISTINCT e.creator_id FROM changed x JOIN enrollments e ON e.id = x.enrollment_id) c
  WHERE NOT EXISTS (SELECT 1 FROM data_versions v WHERE v.scope = 'creator' AND v.id = c.creator_id AND v.version = txid_current())
  ORDER BY c.creator_id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
