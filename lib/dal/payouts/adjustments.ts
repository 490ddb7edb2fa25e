import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { creators, ledgerEntries } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { AREA_ROLES, allow, allowSystem, type Caller } from "../session";

/**
 * A manual credit or debit on a creator's balance, written by an admin: in the creator's own
 * currency (a balance is never mixed), available at once, with a note the creator and staff
 * read on statements. No page offers it yet: an admin, or the demo seed as its admin account
 * (systemCaller("seed", adminId), with its transaction), who is recorded as its author.
 */
export async function recordAdjustment(
  caller: Caller,
  input: { creatorId: number; amountMinor: number; note: string; at: Date },
  options: { db?: Executor } = {},
): Promise<void> {
  let createdBy: number | null;
  if (caller.kind === "system") createdBy = allowSystem(caller, ["seed"]).actorId;
  else {
    if (options.db) throw new ForbiddenError();
    createdBy = allow(caller, AREA_ROLES.admin).id;
  }
  const db = options.db ?? (await getDb());
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
    createdBy,
  });
}
