import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, rows, type Executor } from "@/db";
import type { PayoutStatus } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { HoldReasonCode, QueueFilters } from "@/lib/validation/payouts";
import { recordAudit } from "./audit/record";
import { refuseOwnPayout } from "./reviewer-conflicts";
import { clockSql } from "./clock";
import { clawbackOfSql } from "./earnings/ledger-sql";
import { flaggedSql, signalColumnsSql, signalsFrom, signalsLateral, signalsOfPayout, type FraudSignal, type SignalRow } from "./payout-signals";
import { AREA_ROLES, assertRole } from "./session";

export const QUEUE_PAGE_SIZE = 25;

// ---------------------------------------------------------------------------------------------
// The review queue

export type QueueRow = {
  id: number;
  period: string;
  creatorId: number;
  handle: string;
  displayName: string;
  country: string;
  currency: string;
  amountMinor: number;
  /** The amount in EUR at the run's stored rate (null: no rate was known at the run). */
  amountEurMinor: number | null;
  status: PayoutStatus;
  approvals: number;
  approvalsRequired: number;
  createdAt: Date;
  /** Whole days since the run created it. */
  waitingDays: number;
  holdReasonCode: string | null;
  holdDecideBy: string | null;
  signals: FraudSignal[];
};

export type CurrencyTotal = { currency: string; count: number; amountMinor: number };

type QueueDbRow = SignalRow & {
  id: number;
  period: string;
  creator_id: number;
  handle: string;
  display_name: string;
  country: string;
  currency: string;
  amount_minor: number;
  amount_eur_minor: number | null;
  status: PayoutStatus;
  approvals: number;
  approvals_required: number;
  created_at: string;
  waiting_days: number;
  hold_reason_code: string | null;
  hold_decide_by: string | null;
  email?: string;
  reject_reason?: string | null;
  paid_at?: string | null;
  payment_reference?: string | null;
};

/** Filters other than fraud, on `payouts p join creators c`. */
function filterSql(f: Omit<QueueFilters, "page" | "sort">, options: { status: boolean }): SQL {
  const parts: SQL[] = [sql`true`];
  if (options.status && f.status !== "all") parts.push(sql`p.status = ${f.status}`);
  if (f.country) parts.push(sql`c.country = ${f.country}`);
  // The amount range is in EUR: payouts in different currencies are compared at their run's rate.
  if (f.minMinor !== undefined) parts.push(sql`p.amount_eur_minor >= ${f.minMinor}`);
  if (f.maxMinor !== undefined) parts.push(sql`p.amount_eur_minor <= ${f.maxMinor}`);
  if (f.fraud === "flagged") parts.push(flaggedSql);
  if (f.fraud === "clear") parts.push(sql`not ${flaggedSql}`);
  return sql.join(parts, sql` and `);
}

/** The signals join is paid only when the fraud filter needs it. */
const fraudJoin = (f: Pick<QueueFilters, "fraud">) => (f.fraud === "any" ? sql`` : sql`cross join ${signalsLateral} sig`);

const ORDER: Record<QueueFilters["sort"], SQL> = {
  oldest: sql`p.created_at asc, p.id asc`,
  newest: sql`p.created_at desc, p.id desc`,
  // In EUR at the run's rate; a payout without a rate sorts last either way.
  amount_desc: sql`p.amount_eur_minor desc nulls last, p.id asc`,
  amount_asc: sql`p.amount_eur_minor asc nulls last, p.id asc`,
};

function toQueueRow(r: QueueDbRow): QueueRow {
  return {
    id: r.id,
    period: r.period,
    creatorId: r.creator_id,
    handle: r.handle,
    displayName: r.display_name,
    country: r.country,
    currency: r.currency,
    amountMinor: Number(r.amount_minor),
    amountEurMinor: r.amount_eur_minor === null ? null : Number(r.amount_eur_minor),
    status: r.status,
    approvals: Number(r.approvals),
    approvalsRequired: r.approvals_required,
    createdAt: new Date(r.created_at),
    waitingDays: Number(r.waiting_days),
    holdReasonCode: r.hold_reason_code,
    holdDecideBy: r.hold_decide_by,
    signals: signalsFrom(r),
  };
}

/** The filtered payouts with their creator and period, as raw columns named like `payouts`. */
function filteredPayouts(f: Omit<QueueFilters, "page" | "sort">, page?: { sort: QueueFilters["sort"]; limit: number; offset: number }): SQL {
  return sql`(
    select p.*, r.period, c.handle, c.display_name, c.country
    from payouts p join creators c on c.id = p.creator_id join payout_runs r on r.id = p.run_id ${fraudJoin(f)}
    where ${filterSql(f, { status: true })}
    ${page ? sql`order by ${ORDER[page.sort]} limit ${page.limit} offset ${page.offset}` : sql``}
  ) p`;
}

/** Columns of a queue row, read from filteredPayouts() and the signals beside it. */
const queueColumns = sql`p.id, p.period, p.creator_id, p.handle, p.display_name, p.country::text as country, p.currency::text as currency,
  p.amount_minor::float8 as amount_minor, p.amount_eur_minor::float8 as amount_eur_minor, p.status, p.approvals_required, p.created_at::text as created_at,
  greatest(0, floor(extract(epoch from now() - p.created_at) / 86400))::int as waiting_days, p.hold_reason_code, p.hold_decide_by::text as hold_decide_by, p.reject_reason, p.paid_at::text as paid_at, p.payment_reference,
  (select count(*) from payout_approvals a where a.payout_id = p.id)::int as approvals, ${signalColumnsSql}`;

/**
 * One page of the review queue with the totals of the whole filtered set, per currency.
 * Signals are computed for the page only, unless the fraud filter needs them for every row.
 */
export async function listPayoutQueue(f: QueueFilters): Promise<{ rows: QueueRow[]; total: number; totals: CurrencyTotal[] }> {
  await assertRole(AREA_ROLES.staff);
  const db = await getDb();
  const [page, totals] = await Promise.all([
    rows<QueueDbRow>(
      db,
      sql`select ${queueColumns}
          from ${filteredPayouts(f, { sort: f.sort, limit: QUEUE_PAGE_SIZE, offset: (f.page - 1) * QUEUE_PAGE_SIZE })}
          cross join ${signalsLateral} sig
          order by ${ORDER[f.sort]}`,
    ),
    queueTotals(db, f),
  ]);
  return { rows: page.map(toQueueRow), total: totals.reduce((n, t) => n + t.count, 0), totals };
}

async function queueTotals(db: Executor, f: Omit<QueueFilters, "page" | "sort">): Promise<CurrencyTotal[]> {
  const found = await rows<{ currency: string; count: number; amount: number }>(
    db,
    sql`select p.currency::text as currency, count(*)::int as count, sum(p.amount_minor)::float8 as amount
        from payouts p join creators c on c.id = p.creator_id ${fraudJoin(f)}
        where ${filterSql(f, { status: true })}
        group by p.currency order by count(*) desc, p.currency`,
  );
  return found.map((r) => ({ currency: r.currency, count: Number(r.count), amountMinor: Number(r.amount) }));
}

/** Every payout of the filtered set, in queue order, for the CSV export. */
export async function exportPayoutQueue(f: Omit<QueueFilters, "page">): Promise<(QueueRow & { rejectReason: string | null; paidAt: Date | null; paymentReference: string | null })[]> {
  await assertRole(AREA_ROLES.staff);
  const db = await getDb();
  const found = await rows<QueueDbRow>(
    db,
    sql`select ${queueColumns}
        from ${filteredPayouts(f)} cross join ${signalsLateral} sig
        order by ${ORDER[f.sort]}`,
  );
  return found.map((r) => ({
    ...toQueueRow(r),
    rejectReason: r.reject_reason ?? null,
    paidAt: r.paid_at ? new Date(r.paid_at) : null,
    paymentReference: r.payment_reference ?? null,
  }));
}

export type StatusSeriesPoint = { period: string } & Record<PayoutStatus, number>;

/**
 * Payout totals per period and status in one currency over the last 12 runs, following the
 * queue's filters except status (the chart shows every status side by side).
 */
export async function getPayoutStatusSeries(f: Omit<QueueFilters, "page" | "sort">, currency: string): Promise<StatusSeriesPoint[]> {
  await assertRole(AREA_ROLES.staff);
  const db = await getDb();
  const found = await rows<{ period: string; status: PayoutStatus; total: number }>(
    db,
    sql`with runs as (select id, period from payout_runs order by period desc limit 12)
        select runs.period, p.status, sum(p.amount_minor)::float8 as total
        from runs join payouts p on p.run_id = runs.id join creators c on c.id = p.creator_id ${fraudJoin(f)}
        where p.currency = ${currency} and ${filterSql(f, { status: false })}
        group by runs.period, p.status`,
  );
  const periods = await rows<{ period: string }>(db, sql`select period from payout_runs order by period desc limit 12`);
  return periods
    .map(({ period }) => {
      const point = { period, pending_review: 0, held: 0, approved: 0, rejected: 0, paid: 0 } as StatusSeriesPoint;
      for (const r of found) if (r.period === period) point[r.status] = Number(r.total);
      return point;
    })
    .reverse();
}

/** Countries and currencies that have payouts: the queue's filter and chart choices. */
export async function getQueueChoices(): Promise<{ countries: string[]; currencies: string[] }> {
  await assertRole(AREA_ROLES.staff);
  const db = await getDb();
  // Loose index scans (each step jumps to the next distinct value in an index): a few dozen
  // index probes, where a GROUP BY read every creator and every payout on each visit (200 ms at
  // 100,000 creators). Countries are the creators' (a country without payouts filters to an
  // empty queue); currencies are the payouts', the latest run's most common first (the chart's
  // default).
  const [countries, currencies] = await Promise.all([
    rows<{ country: string }>(
      db,
      sql`with recursive found as (
            (select country from creators order by country limit 1)
            union all
            select (select c.country from creators c where c.country > found.country order by c.country limit 1)
            from found where found.country is not null
          )
          select country::text as country from found where country is not null order by country`,
    ),
    rows<{ currency: string }>(
      db,
      sql`with recursive found as (
            (select currency from payouts order by currency limit 1)
            union all
            select (select p.currency from payouts p where p.currency > found.currency order by p.currency limit 1)
            from found where found.currency is not null
          ), latest as (
            select p.currency, count(*) as n from payouts p
            where p.run_id = (select id from payout_runs order by period desc limit 1)
            group by p.currency
          )
          select found.currency::text as currency
          from found left join latest on latest.currency = found.currency
          where found.currency is not null
          order by coalesce(latest.n, 0) desc, found.currency`,
    ),
  ]);
  return { countries: countries.map((r) => r.country), currencies: currencies.map((r) => r.currency) };
}

// ---------------------------------------------------------------------------------------------
// One payout, for review

export type BreakdownGroup = {
  group: "bonus" | "commission" | "reversal" | "adjustment";
  challengeId: number | null;
  titleEn: string | null;
  titleFr: string | null;
  productTitle: string | null;
  note: string | null;
  entries: number;
  clawbacks: number;
  amountMinor: number;
};

export type PayoutReview = {
  id: number;
  version: number;
  status: PayoutStatus;
  period: string;
  currency: string;
  amountMinor: number;
  /** The amount in EUR at the run's stored rate, and that rate (null: none was known). */
  amountEurMinor: number | null;
  eurRateMicros: number | null;
  approvalsRequired: number;
  createdAt: Date;
  updatedAt: Date;
  hold: { code: string; note: string | null; fix: string | null; decideBy: string | null } | null;
  rejectReason: string | null;
  paymentReference: string | null;
  paidAt: Date | null;
  creator: { id: number; handle: string; displayName: string; country: string; platform: string; followers: number; email: string | null };
  approvals: { reviewerId: number; reviewerName: string; note: string | null; at: Date }[];
  signals: FraudSignal[];
  breakdown: BreakdownGroup[];
  history: { id: number; period: string; currency: string; amountMinor: number; status: PayoutStatus; paidAt: Date | null }[];
};

/**
 * Whether a refund line takes back a commission already paid in another payout (a clawback), as
 * opposed to a reversal of money not paid yet. Needs `le` (the refund entry) and `p` (this payout).
 */
export const clawbackSql = sql`(${clawbackOfSql} is not null)`;

/** Everything a reviewer needs to decide on one payout; null when it does not exist. */
export async function getPayoutReview(id: number): Promise<PayoutReview | null> {
  await assertRole(AREA_ROLES.staff);
  const db = await getDb();
  const [head] = await rows<
    SignalRow & {
      id: number;
      version: number;
      status: PayoutStatus;
      period: string;
      currency: string;
      amount_minor: number;
      amount_eur_minor: number | null;
      eur_rate_micros: number | null;
      approvals_required: number;
      created_at: string;
      updated_at: string;
      hold_reason_code: string | null;
      hold_note: string | null;
      hold_fix: string | null;
      hold_decide_by: string | null;
      reject_reason: string | null;
      payment_reference: string | null;
      paid_at: string | null;
      creator_id: number;
      handle: string;
      display_name: string;
      country: string;
      platform: string;
      followers: number;
      email: string | null;
    }
  >(
    db,
    sql`select p.id, p.version, p.status, r.period, p.currency::text as currency, p.amount_minor::float8 as amount_minor,
               p.amount_eur_minor::float8 as amount_eur_minor, p.eur_rate_micros::float8 as eur_rate_micros, p.approvals_required, p.created_at::text as created_at, p.updated_at::text as updated_at,
               p.hold_reason_code, p.hold_note, p.hold_fix, p.hold_decide_by::text as hold_decide_by, p.reject_reason,
               p.payment_reference, p.paid_at::text as paid_at,
               c.id as creator_id, c.handle, c.display_name, c.country::text as country, c.platform, c.followers, u.email,
               ${signalColumnsSql}
        from payouts p join payout_runs r on r.id = p.run_id join creators c on c.id = p.creator_id
        left join users u on u.id = c.user_id
        cross join ${signalsLateral} sig
        where p.id = ${id}`,
  );
  if (!head) return null;

  const [approvals, breakdown, history] = await Promise.all([
    rows<{ reviewer_id: number; name: string; note: string | null; created_at: string }>(
      db,
      sql`select a.reviewer_id, u.name, a.note, a.created_at::text as created_at
          from payout_approvals a join users u on u.id = a.reviewer_id
          where a.payout_id = ${id} order by a.created_at, a.reviewer_id`,
    ),
    rows<{
      grp: BreakdownGroup["group"];
      challenge_id: number | null;
      title_en: string | null;
      title_fr: string | null;
      product_title: string | null;
      note: string | null;
      entries: number;
      clawbacks: number;
      amount: number;
    }>(
      db,
      sql`select case le.kind when 'milestone_award' then 'bonus' when 'milestone_adjustment' then 'bonus' when 'commission' then 'commission'
                   when 'refund' then 'reversal' else 'adjustment' end as grp,
                 ch.id as challenge_id, ch.title_en, ch.title_fr, sp.title as product_title,
                 case when le.kind = 'adjustment' then le.note end as note,
                 count(*)::int as entries, count(*) filter (where ${clawbackSql})::int as clawbacks,
                 sum(le.amount_minor)::float8 as amount
          from payouts p
          join payout_items pi on pi.payout_id = p.id
          join ledger_entries le on le.id = pi.ledger_entry_id
          left join milestone_awards ma on ma.id = le.milestone_award_id
          left join milestones m on m.id = ma.milestone_id
          left join challenges ch on ch.id = m.challenge_id
          left join orders o on o.id = le.order_id
          left join shop_products sp on sp.id = o.shop_product_id
          where p.id = ${id}
          group by 1, 2, 3, 4, 5, 6
          order by 1, abs(sum(le.amount_minor)) desc`,
    ),
    rows<{ id: number; period: string; currency: string; amount_minor: number; status: PayoutStatus; paid_at: string | null }>(
      db,
      sql`select q.id, r.period, q.currency::text as currency, q.amount_minor::float8 as amount_minor, q.status, q.paid_at::text as paid_at
          from payouts q join payout_runs r on r.id = q.run_id
          where q.creator_id = ${head.creator_id} and q.id <> ${id}
          order by r.period desc, q.id desc limit 24`,
    ),
  ]);

  return {
    id: head.id,
    version: head.version,
    status: head.status,
    period: head.period,
    currency: head.currency,
    amountMinor: Number(head.amount_minor),
    amountEurMinor: head.amount_eur_minor === null ? null : Number(head.amount_eur_minor),
    eurRateMicros: head.eur_rate_micros === null ? null : Number(head.eur_rate_micros),
    approvalsRequired: head.approvals_required,
    createdAt: new Date(head.created_at),
    updatedAt: new Date(head.updated_at),
    hold: head.hold_reason_code ? { code: head.hold_reason_code, note: head.hold_note, fix: head.hold_fix, decideBy: head.hold_decide_by } : null,
    rejectReason: head.reject_reason,
    paymentReference: head.payment_reference,
    paidAt: head.paid_at ? new Date(head.paid_at) : null,
    creator: {
      id: head.creator_id,
      handle: head.handle,
      displayName: head.display_name,
      country: head.country,
      platform: head.platform,
      followers: head.followers,
      email: head.email,
    },
    approvals: approvals.map((a) => ({ reviewerId: a.reviewer_id, reviewerName: a.name, note: a.note, at: new Date(a.created_at) })),
    signals: signalsFrom(head),
    breakdown: breakdown.map((b) => ({
      group: b.grp,
      challengeId: b.challenge_id,
      titleEn: b.title_en,
      titleFr: b.title_fr,
      productTitle: b.product_title,
      note: b.note,
      entries: Number(b.entries),
      clawbacks: Number(b.clawbacks),
      amountMinor: Number(b.amount),
    })),
    history: history.map((h) => ({
      id: h.id,
      period: h.period,
      currency: h.currency,
      amountMinor: Number(h.amount_minor),
      status: h.status,
      paidAt: h.paid_at ? new Date(h.paid_at) : null,
    })),
  };
}

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
