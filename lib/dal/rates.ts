import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import { auditLog } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { ExchangeRateInput } from "@/lib/validation/rates";
import { AREA_ROLES, assertRole } from "./session";

export type RateRow = { day: string; base: string; quote: string; rateMicros: number; addedBy: string | null; addedAt: Date };

type Row = { day: string; base: string; quote: string; rate_micros: number; added_by: string | null; added_at: string };
const toRate = (r: Row): RateRow => ({ day: r.day, base: r.base, quote: r.quote, rateMicros: Number(r.rate_micros), addedBy: r.added_by, addedAt: new Date(r.added_at) });

/** The latest known rate of every currency pair, and the rates staff added most recently. */
export async function listExchangeRates(): Promise<{ latest: RateRow[]; recent: RateRow[] }> {
  await assertRole(AREA_ROLES.staff);
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

/**
 * Adds the rate of one day for one currency pair. A day's rate is never changed once known:
 * ledger entries already converted with it keep it, so a second rate for the same day is
 * refused instead of replacing it. Audited.
 */
export async function addExchangeRate(input: ExchangeRateInput): Promise<void> {
  const me = await assertRole(AREA_ROLES.staff);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [inserted] = await rows<{ day: string }>(
      tx,
      sql`insert into exchange_rates (day, base, quote, rate_micros, created_by)
          values (${input.day}, ${input.base}, ${input.quote}, ${input.rate}, ${me.id})
          on conflict do nothing
          returning day::text as day`,
    );
    if (!inserted) throw new DomainError("rates.errors.exists", { day: input.day, base: input.base, quote: input.quote });
    await tx.insert(auditLog).values({
      actorId: me.id,
      action: "exchange_rate.add",
      entityType: "exchange_rate",
      entityId: `${input.base}/${input.quote}/${input.day}`,
      after: { day: input.day, base: input.base, quote: input.quote, rateMicros: input.rate },
    });
  });
}
