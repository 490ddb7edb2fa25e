// `npm run db:seed`: empties the app tables and loads the demo data set (lib/demo/seed-data.ts).
// Works on embedded PGlite (default, or PGLITE_DIR) and on PostgreSQL (DATABASE_URL).
// Run under `--conditions=react-server` (package.json), as every script that reaches the DAL:
// its `server-only` marker then resolves to the empty server build, as it does inside Next.
import { sql } from "drizzle-orm";
import type { Db } from "../db";

async function main(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    console.error("Refusing to seed: NODE_ENV=production. This wipes every table; pass --force if you mean it.");
    process.exit(1);
  }
  // The seed decides itself when to load data: getDb() must not auto-seed an empty database.
  process.env.SEED_ON_START = "0";
  const { getDb, closeDb, databaseEngine } = await import("../db");
  const { seedDemoData } = await import("../lib/demo/seed-data");

  const started = performance.now();
  const db = await getDb();
  try {
    const tables = await appTables(db);
    const migrated = performance.now();
    if (await hasUsers(db)) await truncate(db, tables);
    await seedDemoData(db);
    const seeded = performance.now();

    console.log(`Seeded ${databaseEngine()} database:`);
    for (const table of tables) console.log(`  ${table.padEnd(26)} ${String(await countRows(db, table)).padStart(7)}`);
    console.log(`Open + migrate ${ms(migrated - started)}, seed ${ms(seeded - migrated)}.`);
    console.log("Sign in as creator@example.com, staff@example.com, staff2@example.com, marketing@example.com");
    console.log('or admin@example.com, password "demo-password".');
  } finally {
    await closeDb();
  }
}

/** Every table of the app (partitions are reached through their parent). */
async function appTables(db: Db): Promise<string[]> {
  const { rows } = await import("../db");
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
  );
  return found.map((r) => r.name);
}

async function hasUsers(db: Db): Promise<boolean> {
  const { rows } = await import("../db");
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return n > 0;
}

/** TRUNCATE is not blocked by the append-only row triggers on ledger_entries and audit_log. */
async function truncate(db: Db, tables: string[]): Promise<void> {
  await db.execute(sql.raw(`TRUNCATE ${tables.map(quoteIdent).join(", ")} RESTART IDENTITY CASCADE`));
}

async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await import("../db");
  const [{ n }] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${quoteIdent(table)}`));
  return n;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function ms(value: number): string {
  return `${(value / 1000).toFixed(1)} s`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
