import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import { DomainError } from "@/lib/errors";
import { recordAudit } from "./audit/record";
import type { CurrentUser } from "./session";

/**
 * Refuses a reviewer's decision (approve, hold, reject, mark paid) on a payout of a creator
 * profile they own, and audits the attempt. Checked before the decision's transaction: a
 * payout's creator never changes, and the refusal's audit record must survive the refusal.
 */
export async function refuseOwnPayout(me: CurrentUser, payoutId: number, decision: string): Promise<void> {
  const db = await getDb();
  const [own] = await rows<{ creator_id: number }>(
    db,
    sql`select p.creator_id from payouts p join creators c on c.id = p.creator_id where p.id = ${payoutId} and c.user_id = ${me.id}`,
  );
  if (!own) return;
  await recordAudit(db, {
    actorId: me.id,
    action: "payout.own_decision_refused",
    entityType: "payout",
    entityId: payoutId,
    before: null,
    after: { decision, creatorId: own.creator_id },
  });
  throw new DomainError("trust.errors.own_payout");
}
