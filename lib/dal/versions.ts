import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";

/**
 * Sets the data version of every creator a transaction may write for (`creatorIds`: a query
 * returning their ids), in id order, as its first write. The version triggers (migration 0011)
 * set them anyway, but statement by statement, each over its own set of creators and after the
 * statement's other row locks: two ingest batches that touched the same two creators locked
 * their version rows in opposite orders and deadlocked, and an enrollment (the challenge's row,
 * then the creator's version) crossed an ingest batch paying an award from that challenge's
 * budget (the creator's version, then the challenge's row). Taken first, in one order for every
 * writer, the triggers find them set by this transaction and skip them (0012, 0017).
 */
export async function lockCreatorVersions(tx: Tx, creatorIds: SQL): Promise<void> {
  await tx.execute(
    sql`insert into data_versions (scope, id, version)
        select 'creator', x.id, txid_current() from (${creatorIds}) as x(id)
        group by x.id order by x.id
        on conflict (scope, id) do update set version = excluded.version where data_versions.version <> excluded.version`,
  );
}
