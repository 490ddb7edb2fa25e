import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/** Whether the database answers a trivial query: the health check's only question. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
