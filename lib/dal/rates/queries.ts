import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { exchangeRates, users } from "@/db/schema";
import { allow, AREA_ROLES, type Caller } from "../session";

/** One day's rate of a currency pair, in integer millionths (micros) of the quote currency. */
export type RateRow = { day: string; base: string; quote: string; rateMicros: number; addedBy: string | null; addedAt: Date };

const rateColumns = {
  day: exchangeRates.day,
  base: exchangeRates.base,
  quote: exchangeRates.quote,
  rateMicros: exchangeRates.rateMicros,
  addedBy: users.name,
  addedAt: exchangeRates.createdAt,
};

/** The latest known rate of every currency pair, and the rates staff added most recently. */
export async function listExchangeRates(caller: Caller): Promise<{ latest: RateRow[]; recent: RateRow[] }> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const [latest, recent] = await Promise.all([
    db
      .selectDistinctOn([exchangeRates.base, exchangeRates.quote], rateColumns)
      .from(exchangeRates)
      .leftJoin(users, eq(users.id, exchangeRates.createdBy))
      .orderBy(exchangeRates.base, exchangeRates.quote, desc(exchangeRates.day)),
    // Added by staff: the feed's rates (no author) are not in this list.
    db
      .select(rateColumns)
      .from(exchangeRates)
      .innerJoin(users, eq(users.id, exchangeRates.createdBy))
      .orderBy(desc(exchangeRates.createdAt), desc(exchangeRates.day))
      .limit(20),
  ]);
  return { latest, recent };
}
