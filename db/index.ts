// One database client for the whole app: PostgreSQL through postgres.js when DATABASE_URL is
// set, embedded PGlite in .data/ otherwise. Opened lazily on first use, never at import time,
// because `next build` imports pages and a PGlite directory can be held by one process only.
import path from "node:path";
import { mkdirSync } from "node:fs";
import type { SQL } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
// The environment through the one schema at the root (env.ts, zod only): db/ must not import lib/.
import { readEnv } from "../env";

// Both drivers expose the same query builder; we type the client as the postgres.js flavour.
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

type Handle = { db: Db; engine: "postgres" | "pglite"; close: () => Promise<void>; ready: Promise<void> };

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
// Kept on globalThis, not in a module variable: Next bundles route handlers and pages
// separately, and each bundle would otherwise open its own client — for PGlite, a second
// database on the same directory that never sees the first one's writes.
const globalForDb = globalThis as unknown as { __creatorRewardsDb?: Handle };

export function databaseEngine(): "postgres" | "pglite" {
  return readEnv().DATABASE_URL ? "postgres" : "pglite";
}

export function pgliteDir(): string {
  return readEnv().PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

async function open(): Promise<Handle> {
  const env = readEnv();
  const url = env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, {
      max: env.DATABASE_POOL_SIZE,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 30,
      // No JIT: the app's statements are short, and a plan whose estimate crosses jit_above_cost
      // (a lateral per payout: the fraud filter, the chart) spent 2.4 s of 3.5 s compiling at full
      // bench scale (bench/NOTES.md, round 11). Set per connection, whatever the server's default.
      connection: { jit: "off" },
    });
    const db = drizzle(preparing(client), { schema, casing: "snake_case" });
    return { db, engine: "postgres", close: () => client.end({ timeout: 5 }), ready: Promise.resolve() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = pgliteDir();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, engine: "pglite", close: () => client.close(), ready: Promise.resolve() };
}

type PgClient = import("postgres").Sql | import("postgres").TransactionSql;

/**
 * The client drizzle sees: every query with parameters runs as a named prepared statement.
 * Drizzle sends its queries through postgres.js `unsafe` with `prepare: false`, and postgres.js
 * then asks the server to describe each unnamed statement before it can bind the parameters:
 * two round trips per query, and the statement parsed and planned every time (the ingest
 * statement spent more time being planned than some pages spend running). Prepared, a query
 * is one round trip and the server reuses its plan; postgres.js keeps one statement per
 * distinct text per connection, and re-prepares after a schema change.
 */
function preparing<T extends PgClient>(client: T): T {
  const inside = (method: "begin" | "savepoint") =>
    (...args: unknown[]) => {
      const body = args.pop() as (tx: PgClient) => unknown;
      return (client[method as keyof T] as (...a: unknown[]) => unknown)(...args, (tx: PgClient) => body(preparing(tx)));
    };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe")
        return (query: string, args?: unknown[], options: Record<string, unknown> = {}) =>
          target.unsafe(query, args as never, args && args.length > 0 ? { ...options, prepare: true } : options);
      if (prop === "begin" || prop === "savepoint") return inside(prop);
      return Reflect.get(target, prop, receiver);
    },
  });
}

async function migrateOnOpen(h: Handle): Promise<void> {
  await migrateDb(h.db, h.engine);
}

/** Applies committed migrations; on PostgreSQL under an advisory lock so parallel starts wait. */
export async function migrateDb(db: Db, engine: "postgres" | "pglite"): Promise<void> {
  if (engine === "postgres") {
    // A dedicated single connection holds the session-level lock for the whole migration.
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const url = readEnv().DATABASE_URL;
    if (!url) throw new Error("migrateDb: DATABASE_URL is not set");
    const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      await client`select pg_advisory_lock(727001)`;
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
      await client`select pg_advisory_unlock(727001)`;
    } finally {
      await client.end({ timeout: 5 });
    }
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder: MIGRATIONS });
  }
}

function current(): Handle {
  const existing = globalForDb.__creatorRewardsDb;
  if (existing) return existing;
  const pending = open();
  const h: Handle = {
    db: undefined as unknown as Db,
    engine: databaseEngine(),
    close: async () => (await pending).close(),
    ready: pending.then(async (opened) => {
      h.db = opened.db;
      await migrateOnOpen(opened);
    }),
  };
  // A failed start (database down) must not poison later requests: forget it and retry.
  h.ready.catch(() => {
    if (globalForDb.__creatorRewardsDb === h) globalForDb.__creatorRewardsDb = undefined;
    pending.then((o) => o.close()).catch(() => {});
  });
  globalForDb.__creatorRewardsDb = h;
  return h;
}

/** The migrated database. Every query in the app starts here. */
export async function getDb(): Promise<Db> {
  const h = current();
  await h.ready;
  return h.db;
}

/** Closes the client (scripts and tests); the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const h = globalForDb.__creatorRewardsDb;
  globalForDb.__creatorRewardsDb = undefined;
  if (h) await h.close();
}

// deadlock_detected and serialization_failure: PostgreSQL rolled the transaction back and its
// advice is to run it again.
const RETRYABLE_STATES = new Set(["40P01", "40001"]);

function sqlStateOf(error: unknown): string | undefined {
  // Drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

let retried = 0;
/** How many transactions of this process ran again after a deadlock (tests: a lock order that holds never needs it). */
export const transactionsRetried = () => retried;

/**
 * A transaction that runs again when PostgreSQL chose it as a deadlock's victim (or a
 * serialization failure), up to `attempts` times, after a short random pause. The whole
 * transaction was rolled back, so running it again is safe, and it reads everything afresh.
 * For the concurrent write paths: two ingest batches whose statements touch the same creators
 * in opposite orders (the version triggers of migration 0011 lock each creator's row of
 * data_versions, statement by statement) can deadlock, and the shop's batch must not fail for it.
 * Inside a transaction (the seed's) it runs as a savepoint, which a rollback to it also frees.
 */
export async function transactionRetrying<T>(conn: Executor, work: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await conn.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE_STATES.has(sqlStateOf(error) ?? "")) throw error;
      retried++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** Runs raw SQL and returns its rows, whatever the driver's result shape. */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };
