import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";

/**
 * Sets the data version of every creator a batch may write for (`creatorIds`: a query returning
 * their ids), in id order, as the batch's first write. The version triggers (migration 0011)
 * set them anyway, but statement by statement, each over its own set of creators (a batch's new
 * orders, then the orders its refunds are for): two batches that touch the same two creators
 * locked their version rows in opposite orders and deadlocked. Set here first, in one order
 * for everyone, the triggers find them set by this transaction and skip them (0012, 0017).
 */
export async function lockCreatorVersions(tx: Tx, creatorIds: SQL): Promise<void> {
  await tx.execute(
    sql`insert into data_versions (scope, id, version)
        select 'creator', x.id, txid_current() from (${creatorIds}) as x(id)
        group by x.id order by x.id
        on conflict (scope, id) do update set version = excluded.version where data_versions.version <> excluded.version`,
  );
}
