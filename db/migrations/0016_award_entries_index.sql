-- The ingest's crossing walk (lib/dal/ingest/activity.ts settleMilestones) sums a moved award's
-- ledger entries, its bonus and its adjustments. ledger_entries_milestone_award_key is partial
-- (kind = 'milestone_award'), so that lookup read the whole ledger for each such award: at the
-- bench's full scale, most of an ingest batch's time (bench/NOTES.md round 9).
CREATE INDEX "ledger_entries_milestone_award_idx" ON "ledger_entries" USING btree ("milestone_award_id") WHERE "ledger_entries"."milestone_award_id" is not null;