import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import type { Executor } from "@/db";
import { exchangeRates } from "@/db/schema";
import { convertMinor } from "@/lib/domain/money";

export type Converted = {
  amountMinor: number;
  currency: string;
  originalAmountMinor: number | null;
  originalCurrency: string | null;
  fxRateMicros: number | null;
};

/**
 * Converts an amount into the creator's currency at the latest rate on or before the day it
 * happened. Without a known rate the amount stays in its own currency (payouts are per currency).
 */
export async function toCreatorCurrency(db: Executor, amountMinor: number, from: string, to: string, at: Date): Promise<Converted> {
  const same = { amountMinor, currency: from, originalAmountMinor: null, originalCurrency: null, fxRateMicros: null };
  if (from === to) return same;
  const day = at.toISOString().slice(0, 10);
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
  const same = { amountMinor, currency: from, originalAmountMinor: null, originalCurrency: null, fxRateMicros: null };
  if (from === to || rateMicros === null) return same;
  const converted = convertMinor(amountMinor, rateMicros);
  if (converted === 0) return same; // a cent that rounds away stays in its own currency
  return { amountMinor: converted, currency: to, originalAmountMinor: amountMinor, originalCurrency: from, fxRateMicros: rateMicros };
}
