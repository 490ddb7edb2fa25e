import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import { allow, AREA_ROLES, type Caller } from "../session";

export type RateRow = { day: string; base: string; quote: string; rateMicros: number; addedBy: string | null; addedAt: Date };

type Row = { day: string; base: string; quote: string; rate_micros: number; added_by: string | null; added_at: string };
const toRate = (r: Row): RateRow => ({ day: r.day, base: r.base, quote: r.quote, rateMicros: Number(r.rate_micros), addedBy: r.added_by, addedAt: new Date(r.added_at) });

/** The latest known rate of every currency pair, and the rates staff added most recently. */
export async function listExchangeRates(caller: Caller): Promise<{ latest: RateRow[]; recent: RateRow[] }> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const [latest, recent] = await Promise.all([
    rows<Row>(
      db,
      sql`select distinct on (r.base, r.quote) r.day::text as day, r.base::text as base, r.quote::text as quote,
                 r.rate_micros::float8 as rate_micros, u.name as added_by, r.created_at::text as added_at
          from exchange_rates r left join users u on u.id = r.created_by
          order by r.base, r.quote, r.day desc`,
    ),
    rows<Row>(
      db,
      sql`select r.day::text as day, r.base::text as base, r.quote::text as quote, r.rate_micros::float8 as rate_micros,
                 u.name as added_by, r.created_at::text as added_at
          from exchange_rates r join users u on u.id = r.created_by
          order by r.created_at desc, r.day desc
          limit 20`,
    ),
  ]);
  return { latest: latest.map(toRate), recent: recent.map(toRate) };
}
