-- The version triggers' skip of versions this transaction has already set (0012) looked them up
-- with NOT EXISTS (… v.scope = bump_scope AND v.id = c.id AND v.version = txid_current()).
-- PL/pgSQL caches a generic plan after five calls, and the one it kept at the bench's full scale
-- turned that into a merge anti join that read every row of the scope (86,000 creators): 75 ms
-- a trigger, five triggers an ingest batch, a batch 6x slower than with the triggers off
-- (bench/NOTES.md round 9; `v.id = ANY(ids)` fared no better, the generic plan filtered on it).
-- The skip is now a scalar subquery, which the planner never turns into a join: one probe of the
-- primary key per id, whatever plan is cached. The rest is 0015's body, unchanged (replacing a
-- function takes all of it).
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
  WHERE (SELECT v.version FROM data_versions v WHERE v.scope = bump_scope AND v.id = c.id) IS DISTINCT FROM txid_current()
  ORDER BY c.id
  ON CONFLICT (scope, id) DO UPDATE SET version = excluded.version WHERE data_versions.version <> excluded.version;
  RETURN NULL;
END $$;
