import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, rows, type Executor } from "@/db";
import type { PayoutStatus } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { HoldReasonCode } from "@/lib/validation/payouts";
import { recordAudit } from "../audit/record";
import { refuseOwnPayout } from "./conflicts";
import { clockSql } from "../clock";
import { flaggedSql, signalsLateral, signalsOfPayout } from "./signals";
import { AREA_ROLES, assertRole } from "../session";

// ---------------------------------------------------------------------------------------------
// Decisions. Each names the version the reviewer saw; the UPDATE checks it with the status, so
// of two reviewers acting at once one wins and the other is told to reload. Each writes its
// audit record in the same transaction.

type Decision = { payoutId: number; version: number };

type Current = {
  id: number;
  version: number;
  status: PayoutStatus;
  creator_id: number;
  currency: string;
  amount_minor: number;
  approvals_required: number;
  approvers: number[] | string;
  hold_reason_code: string | null;
  reject_reason: string | null;
  flagged?: boolean;
};

async function loadCurrent(tx: Executor, id: number, withSignals = false): Promise<Current | undefined> {
  const [row] = await rows<Current>(
    tx,
    withSignals
      ? sql`select p.id, p.version, p.status, p.creator_id, p.currency::text as currency, p.amount_minor::float8 as amount_minor,
                   p.approvals_required, p.hold_reason_code, p.reject_reason,
                   array(select a.reviewer_id from payout_approvals a where a.payout_id = p.id order by a.created_at) as approvers,
                   ${flaggedSql} as flagged
            from payouts p cross join ${signalsLateral} sig where p.id = ${id}`
      : sql`select p.id, p.version, p.status, p.creator_id, p.currency::text as currency, p.amount_minor::float8 as amount_minor,
                   p.approvals_required, p.hold_reason_code, p.reject_reason,
                   array(select a.reviewer_id from payout_approvals a where a.payout_id = p.id order by a.created_at) as approvers
            from payouts p where p.id = ${id}`,
  );
  return row;
}

function approversOf(current: Current): number[] {
  const raw = current.approvers;
  // Drivers differ on int[]: an array, or its text form "{1,2}".
  if (Array.isArray(raw)) return raw.map(Number);
  return String(raw).replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
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
  const [updated] = await rows<{ version: number; status: PayoutStatus }>(
    tx,
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
export async function approvePayout(d: Decision & { note?: string }): Promise<ApproveResult> {
  const me = await assertRole(AREA_ROLES.staff);
  await refuseOwnPayout(me, d.payoutId, "approve");
  return approvePayoutAs(await getDb(), me, d);
}

// The decisions' bodies below take the reviewer as an argument: the functions above check the
// session and pass it; the demo seed passes a staff account and the time of its story
// (lib/dal/system.ts). One set of rules either way.

/** approvePayout for a reviewer already checked, optionally dated `at`. */
export async function approvePayoutAs(db: Executor, me: { id: number }, d: Decision & { note?: string }, at?: Date): Promise<ApproveResult> {
  const note = d.note?.trim() || null;
  return db.transaction(async (tx) => {
    const current = await loadCurrent(tx, d.payoutId, true);
    check(current, d, OPEN, "payouts.errors.already_decided");
    const approvers = approversOf(current);
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

/** Holds a pending payout (or updates a hold) with a reason, what the creator can do, and a decision date. */
export async function holdPayout(d: HoldDecision): Promise<void> {
  const me = await assertRole(AREA_ROLES.staff);
  await refuseOwnPayout(me, d.payoutId, "hold");
  await holdPayoutAs(await getDb(), me, d);
}

type HoldDecision = Decision & { reasonCode: HoldReasonCode; note: string; fix: string; decideBy: string };

/** holdPayout for a reviewer already checked, optionally dated `at`. */
export async function holdPayoutAs(db: Executor, me: { id: number }, d: HoldDecision, at?: Date): Promise<void> {
  await db.transaction(async (tx) => {
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
export async function rejectPayout(d: Decision & { reason: string }): Promise<{ releasedEntries: number }> {
  const me = await assertRole(AREA_ROLES.staff);
  await refuseOwnPayout(me, d.payoutId, "reject");
  return rejectPayoutAs(await getDb(), me, d);
}

/** rejectPayout for a reviewer already checked, optionally dated `at`. */
export async function rejectPayoutAs(db: Executor, me: { id: number }, d: Decision & { reason: string }, at?: Date): Promise<{ releasedEntries: number }> {
  return db.transaction(async (tx) => {
    const current = await loadCurrent(tx, d.payoutId);
    check(current, d, OPEN, "payouts.errors.already_decided");
    const updated = await bump(tx, d, OPEN, sql`status = 'rejected', reject_reason = ${d.reason}`, at);
    const released = await rows<{ ledger_entry_id: number }>(
      tx,
      sql`update payout_items set released_at = ${clockSql(at)} where payout_id = ${d.payoutId} and released_at is null returning ledger_entry_id`,
    );
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
export async function markPayoutPaid(d: Decision & { paymentReference: string }): Promise<void> {
  const me = await assertRole(AREA_ROLES.staff);
  await refuseOwnPayout(me, d.payoutId, "mark_paid");
  await markPayoutPaidAs(await getDb(), me, d);
}

/** markPayoutPaid for a reviewer already checked, optionally dated `at`. */
export async function markPayoutPaidAs(db: Executor, me: { id: number }, d: Decision & { paymentReference: string }, at?: Date): Promise<void> {
  const now = clockSql(at);
  await db.transaction(async (tx) => {
    const current = await loadCurrent(tx, d.payoutId);
    check(current, d, ["approved"], "payouts.errors.not_approved");
    const updated = await bump(tx, d, ["approved"], sql`status = 'paid', paid_at = ${now}, payment_reference = ${d.paymentReference}`, at);
    // The debit shares the transaction's clock with paid_at.
    await tx.execute(
      sql`insert into ledger_entries (creator_id, kind, amount_minor, currency, payout_id, note, occurred_at, available_at, created_by)
          values (${current.creator_id}, 'payout', ${-Number(current.amount_minor)}, ${current.currency}, ${d.payoutId},
                  ${d.paymentReference}, ${now}, ${now}, ${me.id})`,
    );
    await recordAudit(tx, {
      actorId: me.id,
      action: "payout.mark_paid",
      entityType: "payout",
      entityId: d.payoutId,
      before: { status: current.status, version: current.version },
      after: { status: "paid", paymentReference: d.paymentReference, amountMinor: Number(current.amount_minor), currency: current.currency, version: updated.version },
      at,
    });
  });
}
