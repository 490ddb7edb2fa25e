import "server-only";
import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db, type Executor } from "@/db";
import { payoutApprovals, payoutRuns, payouts, payoutStatusEnum, users, type PayoutStatus } from "@/db/schema";
import type { QueueFilters } from "@/lib/validation/payouts";
import { clawbackOfSql } from "../earnings/ledger-sql";
import { cachedAggregate } from "../cache";
import { int4, int8, parsedRows } from "../row";
import { AREA_ROLES, allow, type Caller } from "../session";
import { flaggedPayoutIds, intArray } from "./flags";
import { flaggedSql, signalColumnsSql, signalRowShape, signalsFrom, signalsLateral, type FraudSignal } from "./signals";

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

// Raw rows are parsed once, here: money as int8 (never through a float), timestamps as text.
const payoutStatus = z.enum(payoutStatusEnum.enumValues);
const nullableText = z.string().nullable();

const queueDbRow = z.object({
  ...signalRowShape,
  id: int4,
  period: z.string(),
  creator_id: int4,
  handle: z.string(),
  display_name: z.string(),
  country: z.string(),
  currency: z.string(),
  amount_minor: int8,
  amount_eur_minor: int8.nullable(),
  status: payoutStatus,
  approvals: int4,
  approvals_required: int4,
  created_at: z.string(),
  waiting_days: int4,
  hold_reason_code: nullableText,
  hold_decide_by: nullableText,
  reject_reason: nullableText,
  paid_at: nullableText,
  payment_reference: nullableText,
});
type QueueDbRow = z.output<typeof queueDbRow>;

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

/**
 * The fraud filter as a condition on `p.id`, from the flags remembered per creator version
 * (flags.ts): for the reads that weigh every payout of the filter (the count, the chart), which
 * would otherwise compute every payout's signals on every view. `within` narrows the payouts
 * whose flags are read to those the query can return. The list keeps flaggedSql, read in its
 * sort's index order: it stops at its page.
 */
async function fraudCondition(db: Db, f: Omit<QueueFilters, "page" | "sort">, scope: { status: boolean; within?: SQL }): Promise<SQL> {
  if (f.fraud === "any") return sql`true`;
  const flagged = await flaggedPayoutIds(
    db,
    sql`select p.id, p.creator_id from payouts p join creators c on c.id = p.creator_id
        where ${filterSql({ ...f, fraud: "any" }, scope)} and ${scope.within ?? sql`true`}`,
  );
  const ids = sql`${intArray(flagged)}::int[]`;
  return f.fraud === "flagged" ? sql`p.id = any(${ids})` : sql`not (p.id = any(${ids}))`;
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
    amountMinor: r.amount_minor,
    amountEurMinor: r.amount_eur_minor,
    status: r.status,
    approvals: r.approvals,
    approvalsRequired: r.approvals_required,
    createdAt: new Date(r.created_at),
    waitingDays: r.waiting_days,
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
  p.amount_minor::bigint as amount_minor, p.amount_eur_minor::bigint as amount_eur_minor, p.status, p.approvals_required, p.created_at::text as created_at,
  greatest(0, floor(extract(epoch from now() - p.created_at) / 86400))::int as waiting_days, p.hold_reason_code, p.hold_decide_by::text as hold_decide_by, p.reject_reason, p.paid_at::text as paid_at, p.payment_reference,
  (select count(*) from payout_approvals a where a.payout_id = p.id)::int as approvals, ${signalColumnsSql}`;

/**
 * One page of the review queue with the totals of the whole filtered set, per currency.
 * Signals are computed for the page only, unless the fraud filter needs them for every row.
 */
export async function listPayoutQueue(caller: Caller, f: QueueFilters): Promise<{ rows: QueueRow[] } & QueueCount> {
  const [rows, count] = await Promise.all([listPayoutQueuePage(caller, f), countPayoutQueue(caller, f)]);
  return { rows, ...count };
}

/**
 * One page of the review queue alone. Read in the sort's index order, it stops at the page, so
 * it answers before the totals when those must weigh every payout (the fraud filter): the page
 * shows it first and streams the count.
 */
export async function listPayoutQueuePage(caller: Caller, f: QueueFilters): Promise<QueueRow[]> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const page = await parsedRows(
    db,
    queueDbRow,
    sql`select ${queueColumns}
        from ${filteredPayouts(f, { sort: f.sort, limit: QUEUE_PAGE_SIZE, offset: (f.page - 1) * QUEUE_PAGE_SIZE })}
        cross join ${signalsLateral} sig
        order by ${ORDER[f.sort]}`,
  );
  return page.map(toQueueRow);
}

export type QueueCount = { total: number; totals: CurrencyTotal[] };

/** How many payouts the filters match, and their sum per currency. */
export async function countPayoutQueue(caller: Caller, f: Omit<QueueFilters, "page" | "sort">): Promise<QueueCount> {
  allow(caller, AREA_ROLES.staff);
  const totals = await queueTotals(await getDb(), f);
  return { total: totals.reduce((n, t) => n + t.count, 0), totals };
}

/**
 * The key of a cached queue aggregate: every filter it reads. Without the fraud filter it sums
 * payouts and creators only, which ("payouts", 0) and ("audience", 0) cover (migrations 0014,
 * 0015); the fraud filter reads signals from other tables, so such a read is not cached.
 */
function aggregateKey(f: Omit<QueueFilters, "page" | "sort">, ...more: string[]): string[] | null {
  if (f.fraud !== "any") return null;
  return [f.status, f.country ?? "", String(f.minMinor ?? ""), String(f.maxMinor ?? ""), ...more];
}

async function cachedQueueAggregate<T>(read: string, key: string[] | null, load: () => Promise<T>): Promise<T> {
  return key ? cachedAggregate(read, key, ["payouts", "audience"], load) : load();
}

async function queueTotals(db: Db, f: Omit<QueueFilters, "page" | "sort">): Promise<CurrencyTotal[]> {
  return cachedQueueAggregate("payoutQueueTotals", aggregateKey(f), () => queueTotalsFromDb(db, f));
}

async function queueTotalsFromDb(db: Db, f: Omit<QueueFilters, "page" | "sort">): Promise<CurrencyTotal[]> {
  const fraud = await fraudCondition(db, f, { status: true });
  const found = await parsedRows(
    db,
    z.object({ currency: z.string(), count: int4, amount: int8 }),
    sql`select p.currency::text as currency, count(*)::int as count, sum(p.amount_minor)::bigint as amount
        from payouts p join creators c on c.id = p.creator_id
        where ${filterSql({ ...f, fraud: "any" }, { status: true })} and ${fraud}
        group by p.currency order by count(*) desc, p.currency`,
  );
  return found.map((r) => ({ currency: r.currency, count: r.count, amountMinor: r.amount }));
}

/** Every payout of the filtered set, in queue order, for the CSV export. */
export async function exportPayoutQueue(caller: Caller, f: Omit<QueueFilters, "page">): Promise<(QueueRow & { rejectReason: string | null; paidAt: Date | null; paymentReference: string | null })[]> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const found = await parsedRows(
    db,
    queueDbRow,
    sql`select ${queueColumns}
        from ${filteredPayouts(f)} cross join ${signalsLateral} sig
        order by ${ORDER[f.sort]}`,
  );
  return found.map((r) => ({
    ...toQueueRow(r),
    rejectReason: r.reject_reason,
    paidAt: r.paid_at ? new Date(r.paid_at) : null,
    paymentReference: r.payment_reference,
  }));
}

export type StatusSeriesPoint = { period: string } & Record<PayoutStatus, number>;

/**
 * Payout totals per period and status in one currency over the last 12 runs, following the
 * queue's filters except status (the chart shows every status side by side).
 */
export async function getPayoutStatusSeries(caller: Caller, f: Omit<QueueFilters, "page" | "sort">, currency: string): Promise<StatusSeriesPoint[]> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  // The runs are read first and key the cached sums: a new run (even one without payouts) is a new key.
  const periods = await db.select({ id: payoutRuns.id, period: payoutRuns.period }).from(payoutRuns).orderBy(desc(payoutRuns.period)).limit(12);
  const key = aggregateKey({ ...f, status: "all" }, currency, periods.map((p) => p.period).join(","));
  // The sums read exactly these runs (a run started since is the next view's, under its own key).
  const inRuns = sql`p.currency = ${currency} and p.run_id = any(${intArray(periods.map((p) => p.id))}::int[])`;
  const found = await cachedQueueAggregate("payoutStatusSeries", key, async () => {
    const fraud = await fraudCondition(db, f, { status: false, within: inRuns });
    return parsedRows(
      db,
      z.object({ period: z.string(), status: payoutStatus, total: int8 }),
      sql`select r.period, p.status, sum(p.amount_minor)::bigint as total
          from payouts p join payout_runs r on r.id = p.run_id join creators c on c.id = p.creator_id
          where ${inRuns} and ${filterSql({ ...f, fraud: "any" }, { status: false })} and ${fraud}
          group by r.period, p.status`,
    );
  });
  return periods
    .map(({ period }) => {
      const point = { period, pending_review: 0, held: 0, approved: 0, rejected: 0, paid: 0 } as StatusSeriesPoint;
      for (const r of found) if (r.period === period) point[r.status] = r.total;
      return point;
    })
    .reverse();
}

/** Countries and currencies that have payouts: the queue's filter and chart choices. */
export async function getQueueChoices(caller: Caller): Promise<{ countries: string[]; currencies: string[] }> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  // Loose index scans (each step jumps to the next distinct value in an index): a few dozen
  // index probes, where a GROUP BY read every creator and every payout on each visit (200 ms at
  // 100,000 creators). Countries are the creators' (a country without payouts filters to an
  // empty queue); currencies are the payouts', the latest run's most common first (the chart's
  // default; a run that paid no one changes nothing). Cached until a write to creators or
  // payouts moves their versions: the latest run's count alone read 10–50 ms of payouts per view
  // at full bench scale.
  return cachedAggregate("payoutQueueChoices", [], ["audience", "payouts"], () => queueChoicesFromDb(db));
}

async function queueChoicesFromDb(db: Executor): Promise<{ countries: string[]; currencies: string[] }> {
  const [countries, currencies] = await Promise.all([
    parsedRows(
      db,
      z.object({ country: z.string() }),
      sql`with recursive found as (
            (select country from creators order by country limit 1)
            union all
            select (select c.country from creators c where c.country > found.country order by c.country limit 1)
            from found where found.country is not null
          )
          select country::text as country from found where country is not null order by country`,
    ),
    parsedRows(
      db,
      z.object({ currency: z.string() }),
      sql`with recursive found as (
            (select currency from payouts order by currency limit 1)
            union all
            select (select p.currency from payouts p where p.currency > found.currency order by p.currency limit 1)
            from found where found.currency is not null
          ), latest as (
            select p.currency, count(*) as n from payouts p
            where p.run_id = (select r.id from payout_runs r where exists (select 1 from payouts x where x.run_id = r.id) order by r.period desc limit 1)
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

const reviewHeadRow = z.object({
  ...signalRowShape,
  id: int4,
  version: int4,
  status: payoutStatus,
  period: z.string(),
  currency: z.string(),
  amount_minor: int8,
  amount_eur_minor: int8.nullable(),
  eur_rate_micros: int8.nullable(),
  approvals_required: int4,
  created_at: z.string(),
  updated_at: z.string(),
  hold_reason_code: nullableText,
  hold_note: nullableText,
  hold_fix: nullableText,
  hold_decide_by: nullableText,
  reject_reason: nullableText,
  payment_reference: nullableText,
  paid_at: nullableText,
  creator_id: int4,
  handle: z.string(),
  display_name: z.string(),
  country: z.string(),
  platform: z.string(),
  followers: int4,
  email: nullableText,
});

const breakdownRow = z.object({
  grp: z.enum(["bonus", "commission", "reversal", "adjustment"]),
  challenge_id: int4.nullable(),
  title_en: nullableText,
  title_fr: nullableText,
  product_title: nullableText,
  note: nullableText,
  entries: int4,
  clawbacks: int4,
  amount: int8,
});

/** Everything a reviewer needs to decide on one payout; null when it does not exist. */
export async function getPayoutReview(caller: Caller, id: number): Promise<PayoutReview | null> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const [head] = await parsedRows(
    db,
    reviewHeadRow,
    sql`select p.id, p.version, p.status, r.period, p.currency::text as currency, p.amount_minor::bigint as amount_minor,
               p.amount_eur_minor::bigint as amount_eur_minor, p.eur_rate_micros::bigint as eur_rate_micros, p.approvals_required, p.created_at::text as created_at, p.updated_at::text as updated_at,
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
    db
      .select({ reviewerId: payoutApprovals.reviewerId, reviewerName: users.name, note: payoutApprovals.note, at: payoutApprovals.createdAt })
      .from(payoutApprovals)
      .innerJoin(users, eq(users.id, payoutApprovals.reviewerId))
      .where(eq(payoutApprovals.payoutId, id))
      .orderBy(asc(payoutApprovals.createdAt), asc(payoutApprovals.reviewerId)),
    parsedRows(
      db,
      breakdownRow,
      sql`select case le.kind when 'milestone_award' then 'bonus' when 'milestone_adjustment' then 'bonus' when 'commission' then 'commission'
                   when 'refund' then 'reversal' else 'adjustment' end as grp,
                 ch.id as challenge_id, ch.title_en, ch.title_fr, sp.title as product_title,
                 case when le.kind = 'adjustment' then le.note end as note,
                 count(*)::int as entries, count(*) filter (where ${clawbackSql})::int as clawbacks,
                 sum(le.amount_minor)::bigint as amount
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
    db
      .select({ id: payouts.id, period: payoutRuns.period, currency: payouts.currency, amountMinor: payouts.amountMinor, status: payouts.status, paidAt: payouts.paidAt })
      .from(payouts)
      .innerJoin(payoutRuns, eq(payoutRuns.id, payouts.runId))
      .where(and(eq(payouts.creatorId, head.creator_id), ne(payouts.id, id)))
      .orderBy(desc(payoutRuns.period), desc(payouts.id))
      .limit(24),
  ]);

  return {
    id: head.id,
    version: head.version,
    status: head.status,
    period: head.period,
    currency: head.currency,
    amountMinor: head.amount_minor,
    amountEurMinor: head.amount_eur_minor,
    eurRateMicros: head.eur_rate_micros,
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
    approvals,
    signals: signalsFrom(head),
    breakdown: breakdown.map((b) => ({
      group: b.grp,
      challengeId: b.challenge_id,
      titleEn: b.title_en,
      titleFr: b.title_fr,
      productTitle: b.product_title,
      note: b.note,
      entries: b.entries,
      clawbacks: b.clawbacks,
      amountMinor: b.amount,
    })),
    history,
  };
}
