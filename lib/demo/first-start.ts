import { sql } from "drizzle-orm";
import { databaseEngine, getDb, rows } from "@/db";
import { readEnv } from "@/lib/env";

/**
 * Run by the server at boot (instrumentation.ts), before the first request: opens the database,
 * which applies the committed migrations, and gives an empty embedded database the demo data
 * set, so `npm run dev` on a fresh clone shows a working app. Never on PostgreSQL (a real
 * database is seeded on purpose, `npm run db:seed`), nor with SEED_ON_START=0.
 */
export async function prepareDatabase(): Promise<void> {
  const db = await getDb();
  if (databaseEngine() !== "pglite" || readEnv().SEED_ON_START === "0") return;
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  if (n > 0) return;
  const { seedDemoData } = await import("./seed-data");
  await seedDemoData(db);
}
