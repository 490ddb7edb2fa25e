import "server-only";
import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditRecord = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** Appends one audit row inside the caller's transaction, so a decision and its record commit together. */
export async function recordAudit(tx: Executor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: record.actorId,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before ?? null,
    after: record.after ?? null,
  });
}
