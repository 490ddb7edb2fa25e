import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { creators, payouts } from "@/db/schema";
import { recordAudit } from "../audit/record";

/**
 * Whether a reviewer's decision (approve, hold, reject, mark paid) is on a payout of a creator
 * profile they own; if so, audits the attempt and answers true, and the decision is refused.
 * Called inside the decision's transaction, after it has locked the payout's row, so what it
 * reads is what the decision acts on; the caller throws after the transaction commits, so the
 * refusal's audit record survives the refusal.
 */
export async function refusedAsOwnPayout(tx: Executor, me: { id: number }, payoutId: number, decision: string, at?: Date): Promise<boolean> {
  const [own] = await tx
    .select({ creatorId: payouts.creatorId })
    .from(payouts)
    .innerJoin(creators, eq(creators.id, payouts.creatorId))
    .where(and(eq(payouts.id, payoutId), eq(creators.userId, me.id)));
  if (!own) return false;
  await recordAudit(tx, {
    actorId: me.id,
    action: "payout.own_decision_refused",
    entityType: "payout",
    entityId: payoutId,
    before: null,
    after: { decision, creatorId: own.creatorId },
    at,
  });
  return true;
}
