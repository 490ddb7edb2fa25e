import "server-only";
// The creator pages' data cache: what only writes change (totals, charts, progress, the
// challenge view) is read once per data version, not on every view.
//
// Why not Next's cache: `"use cache"` needs cacheComponents, which changes how every page of the
// app renders (each dynamic read behind a Suspense boundary); `revalidateTag(tag, "max")` serves
// stale data once before the fresh one (stale-while-revalidate), `updateTag` exists only in
// server actions, not in the ingest's route handlers or the CLI payout run; and both live in
// one server process's memory, so a write taken by one process would not reach another's cache.
//
// How it stays correct:
// - Versions, not invalidation calls. Every write a creator's pages read sets a version to the
//   writing transaction's id, in that transaction, by statement triggers (migration 0011,
//   table data_versions): the creator's own (events, ledger, awards, orders and refunds,
//   payouts and their decisions, enrollments, shop, invitations, profile), the challenge's (its
//   enrolled and spent counters), the global one (challenge and milestone edits, rates, the
//   shop catalog). No write path has to remember to invalidate, and no path can forget.
// - Each view reads the versions first (one small query, once per request), then looks up
//   the cache under a key made of them: a committed write has moved a version, so the next
//   view misses and reads fresh. Data read after the versions is at least as new as them, so
//   an entry is never older than its key. This holds across server processes: each process
//   has its own entries, but all read the same versions.
// - The key starts with the creator's id, taken from the caller the DAL function has already
//   checked (allowCreator): one creator's entry cannot answer another's read. The caller is
//   read fresh from the database on every request before any of this (lib/dal/session.ts),
//   so a disabled account or a role change takes effect at once: the check fails before the
//   cache is consulted.
// - Marketing's aggregates (cachedAggregate) are keyed by whole-data versions instead: the
//   global one and ("audience", 0), which every write to creators or challenge invites moves
//   (migration 0014). They hold no one's own data, so any marketing caller may share them.
// - Time: the key carries the current minute, so what changes with the clock alone (an entry
//   becoming available, a challenge ending) shows within a minute; a write shows at once.
import { cache } from "react";
import { sql } from "drizzle-orm";
import { getDb, rows, type Db } from "@/db";
import { dalCacheEnabled, dalCacheEntries } from "@/lib/env";
import type { CreatorCaller } from "./session";

type Entry = { value: Promise<unknown> };
const MINUTE = 60_000;

// One map per database client (tests open one database per file; the bench's tools another).
const stores = new WeakMap<Db, Map<string, Entry>>();
const counters = { hits: 0, misses: 0 };

// Read when used, not at import (next build imports this module without the server's variables).
const enabled = dalCacheEnabled;

/**
 * The versions a creator's cached reads depend on, in one statement: the creator's own, the
 * global one, and those of the challenges the creator is enrolled in or invited to, plus the
 * one asked for. Once per request and creator (React cache).
 */
const versionsOf = cache(async (creatorId: number, challengeId: number | null): Promise<string> => {
  const db = await getDb();
  const [row] = await rows<{ v: string | null }>(
    db,
    sql`select string_agg(v.scope || ':' || v.id || '=' || v.version, ',' order by v.scope, v.id) as v
        from data_versions v
        where (v.scope = 'creator' and v.id = ${creatorId})
           or (v.scope = 'global' and v.id = 0)
           or (v.scope = 'challenge' and (v.id = ${challengeId ?? 0}
               or v.id in (select challenge_id from enrollments where creator_id = ${creatorId})
               or v.id in (select challenge_id from challenge_invites where creator_id = ${creatorId})))`,
  );
  return row?.v ?? "";
});

/**
 * `load()`'s result for this creator, from the cache while none of the creator's versions moved.
 * Call it after the DAL function's own check of the caller (allowCreator), with a name unique to
 * the read and the arguments that shape its result. Entries are copies: callers may mutate.
 */
export async function cachedForCreator<T>(
  creator: Pick<CreatorCaller, "creatorId">,
  read: string,
  args: readonly (string | number | boolean | null | undefined)[],
  load: () => Promise<T>,
  options: { challengeId?: number } = {},
): Promise<T> {
  if (!enabled()) return load();
  const versions = await versionsOf(creator.creatorId, options.challengeId ?? null);
  return remember(`${creator.creatorId}|${read}|${JSON.stringify(args)}|${Math.floor(Date.now() / MINUTE)}|${versions}`, load);
}

/** Scopes whose one row ("scope", 0) stands for a whole kind of data (migrations 0011, 0014, 0015). */
export type AggregateScope = "global" | "audience" | "payouts";

/** The versions of whole-data scopes, in one statement, once per request. */
const scopeVersions = cache(async (scopes: string): Promise<string> => {
  const db = await getDb();
  const [row] = await rows<{ v: string | null }>(
    db,
    sql`select string_agg(v.scope || '=' || v.version, ',' order by v.scope) as v
        from data_versions v where v.id = 0 and v.scope = any(${`{${scopes}}`}::text[])`,
  );
  return row?.v ?? "";
});

/**
 * `load()`'s result for an aggregate that no one user owns (marketing's audience estimate),
 * from the cache while the versions of `scopes` have not moved. The arguments must include
 * every value the read depends on besides the data those scopes cover, and the read must not
 * depend on the clock (the key has no minute). Call it after the DAL function's role check.
 */
export async function cachedAggregate<T>(
  read: string,
  args: readonly (string | number | boolean | null | undefined)[],
  scopes: readonly AggregateScope[],
  load: () => Promise<T>,
): Promise<T> {
  if (!enabled()) return load();
  const versions = await scopeVersions([...scopes].sort().join(","));
  return remember(`aggregate|${read}|${JSON.stringify(args)}|${versions}`, load);
}

async function remember<T>(key: string, load: () => Promise<T>): Promise<T> {
  const db = await getDb();
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new Map()));
  const found = store.get(key);
  if (found) {
    counters.hits++;
    // Most recently used last: the map's order is the eviction order.
    store.delete(key);
    store.set(key, found);
    return structuredClone((await found.value) as T);
  }
  counters.misses++;
  const entry: Entry = { value: load() };
  store.set(key, entry);
  if (store.size > dalCacheEntries()) store.delete(store.keys().next().value!);
  try {
    return structuredClone((await entry.value) as T);
  } catch (error) {
    if (store.get(key) === entry) store.delete(key);
    throw error;
  }
}

/** Hits and misses since start (tests and the bench read them). */
export function cacheCounters(): { hits: number; misses: number } {
  return { ...counters };
}
