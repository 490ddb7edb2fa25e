import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import { payoutItems, payoutStatusEnum, type PayoutStatus } from "@/db/schema";
import { DomainError, ForbiddenError } from "@/lib/errors";
import type { HoldReasonCode } from "@/lib/validation/payouts";
import { recordAudit } from "../audit/record";
import { clockSql } from "../clock";
import { int4, int8, parsedRows } from "../row";
import { AREA_ROLES, allow, allowSystem, type Caller } from "../session";
import { refusedAsOwnPayout } from "./conflicts";
import { flaggedSql, signalsLateral, signalsOfPayout } from "./signals";

// ---------------------------------------------------------------------------------------------
// Decisions. Each names the version the reviewer saw and runs in one transaction that first
// locks the payout's row: whose payout it is and its state are read under that lock, and the
// UPDATE checks the version with the status, so of two reviewers acting at once one wins and
// the other is told to reload. Each writes its audit record in the same transaction.
//
// The caller is a staff member or admin, or the demo seed's system caller acting as a named
// staff account (systemCaller("seed", staffId)); only the seed passes options: its own
// transaction and the time of its story.

type Decision = { payoutId: number; version: number };

/** For the seed's system caller only: the seed's transaction, and the time its story dates the decision. */
export type SeedOptions = { db?: Executor; at?: Date };

/** Who decides: a staff member or admin, or the seed's named staff account. */
function reviewerOf(caller: Caller, options: SeedOptions): { id: number } {
  if (caller.kind === "system") {
    const { actorId } = allowSystem(caller, ["seed"]);
    if (actorId === null) throw new ForbiddenError();
    return { id: actorId };
  }
  if (options.db || options.at) throw new ForbiddenError();
  return allow(caller, AREA_ROLES.staff);
}

type OwnDecision = "approve" | "hold" | "reject" | "mark_paid";

/**
 * Runs one decision: locks the payout's row, refuses (and audits) a decision on the reviewer's
 * own payout, then runs `body` in the same transaction. The refusal's audit record commits with
 * the transaction; the refusal is thrown after it.
 */
async function decide<T>(caller: Caller, payoutId: number, decision: OwnDecision, options: SeedOptions, body: (tx: Executor, me: { id: number }) => Promise<T>): Promise<T> {
  const me = reviewerOf(caller, options);
  const db = options.db ?? (await getDb());
  const outcome = await db.transaction(async (tx) => {
    await tx.execute(sql`select id from payouts where id = ${payoutId} for update`);
    if (await refusedAsOwnPayout(tx, me, payoutId, decision, options.at)) return { refused: true as const };
    return { refused: false as const, value: await body(tx, me) };
  });
  if (outcome.refused) throw new DomainError("trust.errors.own_payout");
  return outcome.value;
}

const currentRow = z.object({
  id: int4,
  version: int4,
  status: z.enum(payoutStatusEnum.enumValues),
  creator_id: int4,
  currency: z.string(),
  amount_minor: int8,
  approvals_required: int4,
  approvers: z.array(int4),
  hold_reason_code: z.string().nullable(),
  reject_reason: z.string().nullable(),
  flagged: z.boolean().optional(),
});
type Current = z.output<typeof currentRow>;

async function loadCurrent(tx: Executor, id: number, withSignals = false): Promise<Current | undefined> {
  const columns = sql`p.id, p.version, p.status, p.creator_id, p.currency::text as currency, p.amount_minor::bigint as amount_minor,
    p.approvals_required, p.hold_reason_code, p.reject_reason,
    (select coalesce(jsonb_agg(a.reviewer_id order by a.created_at), '[]'::jsonb) from payout_approvals a where a.payout_id = p.id) as approvers`;
  const [row] = await parsedRows(
    tx,
    currentRow,
    withSignals
      ? sql`select ${columns}, ${flaggedSql} as flagged from payouts p cross join ${signalsLateral} sig where p.id = ${id}`
      : sql`select ${columns} from payouts p where p.id = ${id}`,
  );
  return row;
}

/** Explains why a decision cannot apply: gone, changed since the reviewer looked, or wrong state. */
function check(current: Current | undefined, d: Decision, allowed: readonly PayoutStatus[], wrongStatus: string): asserts current is Current {
  if (!current) throw new DomainError("payouts.errors.not_found");
  if (current.version !== d.version) throw new DomainError("payouts.errors.stale");
  if (!allowed.includes(current.status)) throw new DomainError(wrongStatus, { status: current.status });
}

const OPEN: readonly PayoutStatus[] = ["pending_review", "held"];

/** The conditional write every decision goes through: zero rows means someone else got there first. */
async function bump(tx: Executor, d: Decision, allowed: readonly PayoutStatus[], set: SQL, at?: Date): Promise<{ version: number; status: PayoutStatus }> {
  const statuses = sql.join(allowed.map((s) => sql`${s}`), sql`, `);
  const [updated] = await parsedRows(
    tx,
    z.object({ version: int4, status: z.enum(payoutStatusEnum.enumValues) }),
    sql`update payouts set ${set}, version = version + 1, updated_at = ${clockSql(at)}
        where id = ${d.payoutId} and version = ${d.version} and status in (${statuses})
        returning version, status`,
  );
  if (!updated) throw new DomainError("payouts.errors.stale");
  return updated;
}

export type ApproveResult = { status: PayoutStatus; approvals: number; approvalsRequired: number };

/**
 * Approves a pending or held payout. Above the four-eyes limit it needs two approvals by two
 * different people: the first approval leaves the status as it was, the second approves.
 * A payout with fraud signals needs a note saying why it is fine.
 */
export async function approvePayout(caller: Caller, d: Decision & { note?: string }, options: SeedOptions = {}): Promise<ApproveResult> {
  const note = d.note?.trim() || null;
  const at = options.at;
  return decide(caller, d.payoutId, "approve", options, async (tx, me) => {
    const current = await loadCurrent(tx, d.payoutId, true);
    check(current, d, OPEN, "payouts.errors.already_decided");
    const approvers = current.approvers;
    if (approvers.includes(me.id)) throw new DomainError("payouts.errors.already_approved_by_you");
    if (current.flagged && !note) throw new DomainError("payouts.errors.note_required");

    const approvals = approvers.length + 1;
    const complete = approvals >= current.approvals_required;
    const updated = await bump(tx, d, OPEN, complete ? sql`status = 'approved'` : sql`status = status`, at);
    await tx.execute(
      sql`insert into payout_approvals (payout_id, reviewer_id, note, created_at) values (${d.payoutId}, ${me.id}, ${note}, ${clockSql(at)})`,
    );
    await recordAudit(tx, {
      actorId: me.id,
      action: "payout.approve",
      entityType: "payout",
      entityId: d.payoutId,
      before: { status: current.status, approvals: approvers.length, version: current.version },
      after: { status: updated.status, approvals, approvalsRequired: current.approvals_required, note, flagged: Boolean(current.flagged), version: updated.version,
        // What the reviewer saw, frozen with the decision: the audit keeps the evidence as it was.
        signals: await signalsOfPayout(tx, d.payoutId) },
      at,
    });
    return { status: updated.status, approvals, approvalsRequired: current.approvals_required };
  });
}

type HoldDecision = Decision & { reasonCode: HoldReasonCode; note: string; fix: string; decideBy: string };

/** Holds a pending payout (or updates a hold) with a reason, what the creator can do, and a decision date. */
export async function holdPayout(caller: Caller, d: HoldDecision, options: SeedOptions = {}): Promise<void> {
  const at = options.at;
  await decide(caller, d.payoutId, "hold", options, async (tx, me) => {
    const current = await loadCurrent(tx, d.payoutId);
    check(current, d, OPEN, "payouts.errors.already_decided");
    const updated = await bump(
      tx,
      d,
      OPEN,
      sql`status = 'held', hold_reason_code = ${d.reasonCode}, hold_note = ${d.note}, hold_fix = ${d.fix}, hold_decide_by = ${d.decideBy}::date`,
      at,
    );
    await recordAudit(tx, {
      actorId: me.id,
      action: "payout.hold",
      entityType: "payout",
      entityId: d.payoutId,
      before: { status: current.status, holdReasonCode: current.hold_reason_code, version: current.version },
      after: { status: "held", holdReasonCode: d.reasonCode, note: d.note, fix: d.fix, decideBy: d.decideBy, version: updated.version, signals: await signalsOfPayout(tx, d.payoutId) },
      at,
    });
  });
}

/** Rejects a pending or held payout: its entries are released and go back to available. */
export async function rejectPayout(caller: Caller, d: Decision & { reason: string }, options: SeedOptions = {}): Promise<{ releasedEntries: number }> {
  const at = options.at;
  return decide(caller, d.payoutId, "reject", options, async (tx, me) => {
    const current = await loadCurrent(tx, d.payoutId);
    check(current, d, OPEN, "payouts.errors.already_decided");
    const updated = await bump(tx, d, OPEN, sql`status = 'rejected', reject_reason = ${d.reason}`, at);
    const released = await tx
      .update(payoutItems)
      .set({ releasedAt: clockSql(at) })
      .where(and(eq(payoutItems.payoutId, d.payoutId), isNull(payoutItems.releasedAt)))
      .returning({ ledgerEntryId: payoutItems.ledgerEntryId });
    await recordAudit(tx, {
      actorId: me.id,
      action: "payout.reject",
      entityType: "payout",
      entityId: d.payoutId,
      before: { status: current.status, version: current.version },
      after: { status: "rejected", rejectReason: d.reason, releasedEntries: released.length, version: updated.version, signals: await signalsOfPayout(tx, d.payoutId) },
      at,
    });
    return { releasedEntries: released.length };
  });
}

/**
 * Records that an approved payout's money left: status paid, the payment reference, and the
 * negative ledger entry (kind 'payout') that brings the creator's balance back down.
 */
export async function markPayoutPaid(caller: Caller, d: Decision & { paymentReference: string }, options: SeedOptions = {}): Promise<void> {
  const at = options.at;
  const now = clockSql(at);
  await decide(caller, d.payoutId, "mark_paid", options, async (tx, me) => {
    const current = await loadCurrent(tx, d.payoutId);
    check(current, d, ["approved"], "payouts.errors.not_approved");
    const updated = await bump(tx, d, ["approved"], sql`status = 'paid', paid_at = ${now}, payment_reference = ${d.paymentReference}`, at);
    // The debit shares the transaction's clock with paid_at.
    await tx.execute(
      sql`insert into ledger_entries (creator_id, kind, amount_minor, currency, payout_id, note, occurred_at, available_at, created_by)
          values (${current.creator_id}, 'payout', ${-current.amount_minor}, ${current.currency}, ${d.payoutId},
                  ${d.paymentReference}, ${now}, ${now}, ${me.id})`,
    );
    await recordAudit(tx, {
      actorId: me.id,
      action: "payout.mark_paid",
      entityType: "payout",
      entityId: d.payoutId,
      before: { status: current.status, version: current.version },
      after: { status: "paid", paymentReference: d.paymentReference, amountMinor: current.amount_minor, currency: current.currency, version: updated.version },
      at,
    });
  });
}
