import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import type { Executor } from "@/db";
import { exchangeRates } from "@/db/schema";
import { convertMoney, utcDay, type Converted } from "@/lib/domain/money-rules";

export type { Converted };

// No caller here: these helpers are not entry points. Only other DAL code calls them (the
// ingest of orders and of activity), inside a transaction its own entry point has already
// checked the caller of.

/**
 * Converts an amount into the creator's currency at the latest rate on or before the day it
 * happened. Without a known rate the amount stays in its own currency (payouts are per currency).
 */
export async function toCreatorCurrency(db: Executor, amountMinor: number, from: string, to: string, at: Date): Promise<Converted> {
  const same = { amountMinor, currency: from, originalAmountMinor: null, originalCurrency: null, fxRateMicros: null };
  if (from === to) return same;
  const day = utcDay(at);
  const [rate] = await db
    .select({ rateMicros: exchangeRates.rateMicros })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.base, from), eq(exchangeRates.quote, to), lte(exchangeRates.day, day)))
    .orderBy(desc(exchangeRates.day))
    .limit(1);
  return convertAt(amountMinor, from, to, rate?.rateMicros ?? null);
}

/** The same conversion with the rate already looked up (null: no known rate). */
export function convertAt(amountMinor: number, from: string, to: string, rateMicros: number | null): Converted {
  return convertMoney(amountMinor, from, to, rateMicros);
}
