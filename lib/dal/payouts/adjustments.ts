import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { creators, ledgerEntries } from "@/db/schema";

/**
 * A manual credit or debit on a creator's balance, written by an admin: in the creator's own
 * currency (a balance is never mixed), available at once, with a note the creator and staff
 * read on statements. No page offers it yet; the demo seed uses it (lib/dal/system.ts), so its
 * callers have checked who they are.
 */
export async function recordAdjustment(
  db: Executor,
  input: { creatorId: number; amountMinor: number; note: string; createdBy: number | null; at: Date },
): Promise<void> {
  const [creator] = await db.select({ currency: creators.currency }).from(creators).where(eq(creators.id, input.creatorId));
  if (!creator) throw new Error(`no creator ${input.creatorId}`);
  await db.insert(ledgerEntries).values({
    creatorId: input.creatorId,
    kind: "adjustment",
    amountMinor: input.amountMinor,
    currency: creator.currency,
    note: input.note,
    occurredAt: input.at,
    availableAt: input.at,
    createdBy: input.createdBy,
  });
}
