import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * "Now" for a write, in SQL. The app decides at the database's clock (`now()`); the demo seed
 * replays its decisions at the time they happened in the demo's story (their `at` option), so
 * the same code writes the same columns either way.
 */
export function clockSql(at?: Date): SQL {
  return at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
}
