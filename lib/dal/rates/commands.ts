import "server-only";
import { getDb } from "@/db";
import { auditLog, exchangeRates } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { ExchangeRateInput } from "@/lib/validation/rates";
import { allow, AREA_ROLES, type Caller } from "../session";

/**
 * Adds the rate of one day for one currency pair. A day's rate is never changed once known:
 * ledger entries already converted with it keep it, so a second rate for the same day is
 * refused instead of replacing it. Audited.
 */
export async function addExchangeRate(caller: Caller, input: ExchangeRateInput): Promise<void> {
  const me = allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  await db.transaction(async (tx) => {
    // input.rate is already integer micros (lib/validation/rates.ts parses the decimal exactly).
    const [inserted] = await tx
      .insert(exchangeRates)
      .values({ day: input.day, base: input.base, quote: input.quote, rateMicros: input.rate, createdBy: me.id })
      .onConflictDoNothing()
      .returning({ day: exchangeRates.day });
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
