// What every feature that decides something calls, in the transaction that makes the change.
import "server-only";
import { type Executor } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditRecord = {
  /** Who decided; null for the system (a scheduled or command-line run without an account). */
  actorId: number | null;
  /** Dotted verb, e.g. "payout.approve", "challenge.publish", "user.role_change". */
  action: string;
  entityType: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
  /** When it was decided, if not now (the demo seed replays decisions at their time). */
  at?: Date;
};

/**
 * Appends one decision to the audit log. Call it with the transaction that makes the change,
 * so the change and its record commit or roll back together. Callers have already checked the
 * actor's role; the log itself is append-only (a trigger refuses UPDATE and DELETE).
 */
export async function recordAudit(tx: Executor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: record.actorId,
    action: record.action,
    entityType: record.entityType,
    entityId: String(record.entityId),
    before: record.before,
    after: record.after,
    ...(record.at ? { createdAt: record.at } : {}),
  });
}
