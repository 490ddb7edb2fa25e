import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { dalCacheEnabled } from "@/lib/env";
import { int4, parsedRows } from "../row";
import { flaggedSql, signalsLateral } from "./signals";

// Whether each payout is flagged, remembered per payout under its creator's data version.
//
// A payout's signals read only its own row, its run's period and its creator's data (daily
// activity, orders and their refunds, earlier payouts), and every write to those moves the
// creator's version (migration 0011's triggers: activity, orders, ledger, payouts). So a flag
// computed under a version holds until that version moves; the queue's count and chart, which
// weigh every payout of the filter, then compute signals only for payouts whose creator wrote
// since, where they computed them for all of them on every view (0.8 s and 2.5-3.3 s at full
// bench scale, bench/NOTES.md round 11). The version is read before the signals, so an entry
// is never older than its key (as in lib/dal/cache.ts); each process keeps its own entries.
type Flag = { version: string; flagged: boolean };
const stores = new WeakMap<Db, Map<number, Flag>>();
// At most this many payouts remembered (about 100 bytes each); beyond it the store starts over.
const MAX_ENTRIES = 500_000;
const MIN_PART = 500;

/**
 * The flagged payouts among `scope`, a query of `(id, creator_id)` rows of payouts. The caller
 * has checked the role (the queue's functions call `allow` first).
 */
export async function flaggedPayoutIds(db: Db, scope: SQL): Promise<Set<number>> {
  const found = await parsedRows(
    db,
    z.object({ id: int4, version: z.string() }),
    sql`select s.id, coalesce(v.version, 0)::text as version
        from (${scope}) s left join data_versions v on v.scope = 'creator' and v.id = s.creator_id`,
  );
  let store = stores.get(db);
  if (!store || store.size > MAX_ENTRIES) stores.set(db, (store = new Map()));
  const useStore = dalCacheEnabled();
  const flagged = new Set<number>();
  const stale = new Map<number, string>();
  for (const { id, version } of found) {
    const known = useStore ? store.get(id) : undefined;
    if (known?.version === version) {
      if (known.flagged) flagged.add(id);
    } else stale.set(id, version);
  }
  // In two halves on two connections: the signals are CPU-bound in PostgreSQL, one core each.
  const ids = [...stale.keys()];
  const half = Math.ceil(ids.length / 2);
  // Nothing stale (a view after one with no write since): no signals query at all.
  const parts = ids.length === 0 ? [] : ids.length < 2 * MIN_PART ? [ids] : [ids.slice(0, half), ids.slice(half)];
  const computed = await Promise.all(
    parts.map((part) =>
      parsedRows(
        db,
        z.object({ id: int4, flagged: z.boolean() }),
        sql`select p.id, ${flaggedSql} as flagged
            from payouts p cross join ${signalsLateral} sig
            where p.id = any(${intArray(part)}::int[])`,
      ),
    ),
  );
  for (const { id, flagged: isFlagged } of computed.flat()) {
    if (useStore) store.set(id, { version: stale.get(id)!, flagged: isFlagged });
    if (isFlagged) flagged.add(id);
  }
  return flagged;
}

/** An int[] parameter as PostgreSQL's array text: one parameter, whatever the length. */
export const intArray = (ids: Iterable<number>) => `{${[...ids].join(",")}}`;
