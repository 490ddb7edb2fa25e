import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import { payoutStatusEnum, type PayoutStatus } from "@/db/schema";
import { refundLabel } from "@/lib/domain/refund-label";
import { clawbackOfSql } from "../earnings/ledger-sql";
import { int4, int8, parsedRows, timestamp } from "../row";
import { allow, allowCreator, AREA_ROLES, type Caller } from "../session";

// What creators see of their payouts, and the statement of one payout (the same document for
// the creator and for staff). A creator's queries carry `creator_id = me` in the where clause:
// another creator's payout is simply not found.

export const MY_PAYOUTS_PAGE_SIZE = 24;

export type MyPayout = {
  id: number;
  period: string;
  currency: string;
  amountMinor: number;
  status: PayoutStatus;
  createdAt: Date;
  hold: { code: string; note: string | null; fix: string | null; decideBy: string | null } | null;
  rejectReason: string | null;
  paidAt: Date | null;
  paymentReference: string | null;
};

const payoutHeadRow = z.object({
  id: int4,
  period: z.string(),
  currency: z.string(),
  amount_minor: int8,
  status: z.enum(payoutStatusEnum.enumValues),
  created_at: timestamp,
  hold_reason_code: z.string().nullable(),
  hold_note: z.string().nullable(),
  hold_fix: z.string().nullable(),
  hold_decide_by: z.string().nullable(),
  reject_reason: z.string().nullable(),
  paid_at: timestamp.nullable(),
  payment_reference: z.string().nullable(),
});
type PayoutHeadRow = z.output<typeof payoutHeadRow>;

const headColumns = sql`p.id, r.period, p.currency as currency, p.amount_minor::bigint as amount_minor, p.status,
  p.created_at, p.hold_reason_code, p.hold_note, p.hold_fix, p.hold_decide_by::text as hold_decide_by,
  p.reject_reason, p.paid_at, p.payment_reference`;

function toMyPayout(r: PayoutHeadRow): MyPayout {
  return {
    id: r.id,
    period: r.period,
    currency: r.currency,
    amountMinor: r.amount_minor,
    status: r.status,
    createdAt: r.created_at,
    // A hold's details matter only while the payout is held.
    hold: r.status === "held" && r.hold_reason_code ? { code: r.hold_reason_code, note: r.hold_note, fix: r.hold_fix, decideBy: r.hold_decide_by } : null,
    rejectReason: r.status === "rejected" ? r.reject_reason : null,
    paidAt: r.paid_at,
    paymentReference: r.payment_reference,
  };
}

export type MyPayoutTotals = { currency: string; paidMinor: number; inReviewMinor: number; approvedMinor: number };

/** The signed-in creator's payouts, newest period first, with paid and under-review totals. */
export async function listMyPayouts(caller: Caller, page = 1): Promise<{ payouts: MyPayout[]; total: number; totals: MyPayoutTotals[] }> {
  const me = allowCreator(caller);
  const db = await getDb();
  const offset = (Math.max(1, page) - 1) * MY_PAYOUTS_PAGE_SIZE;
  const [found, totals] = await Promise.all([
    parsedRows(
      db,
      payoutHeadRow,
      sql`select ${headColumns}
          from payouts p join payout_runs r on r.id = p.run_id
          where p.creator_id = ${me.creatorId}
          order by r.period desc, p.id desc
          limit ${MY_PAYOUTS_PAGE_SIZE} offset ${offset}`,
    ),
    parsedRows(
      db,
      z.object({ currency: z.string(), paid: int8, in_review: int8, approved: int8, n: int4 }),
      sql`select p.currency as currency,
                 coalesce(sum(p.amount_minor) filter (where p.status = 'paid'), 0)::bigint as paid,
                 coalesce(sum(p.amount_minor) filter (where p.status in ('pending_review', 'held')), 0)::bigint as in_review,
                 coalesce(sum(p.amount_minor) filter (where p.status = 'approved'), 0)::bigint as approved,
                 count(*)::int as n
          from payouts p where p.creator_id = ${me.creatorId}
          group by p.currency order by count(*) desc, p.currency`,
    ),
  ]);
  return {
    payouts: found.map(toMyPayout),
    total: totals.reduce((n, t) => n + t.n, 0),
    totals: totals.map((t) => ({ currency: t.currency, paidMinor: t.paid, inReviewMinor: t.in_review, approvedMinor: t.approved })),
  };
}

export type StatementLineKind = "bonus" | "commission" | "reversal" | "clawback" | "adjustment";

export type StatementLine = {
  entryId: number;
  kind: StatementLineKind;
  occurredAt: Date;
  amountMinor: number;
  currency: string;
  originalAmountMinor: number | null;
  originalCurrency: string | null;
  fxRateMicros: number | null;
  challengeTitleEn: string | null;
  challengeTitleFr: string | null;
  milestonePosition: number | null;
  /** A bonus's correction after its milestone's day (and rate) moved: its original is the whole bonus. */
  bonusCorrection: boolean;
  productTitle: string | null;
  orderId: string | null;
  note: string | null;
  /** A clawback: the paid payout whose commission it takes back. */
  clawbackOfPayoutId: number | null;
};

export type PayoutStatement = MyPayout & {
  creator: { handle: string; displayName: string; country: string };
  lines: StatementLine[];
  subtotals: { kind: StatementLineKind; entries: number; amountMinor: number }[];
};

/** One entry of a payout's statement, before a refund is labelled (loadStatement). */
const statementLineRow = z.object({
  id: int8,
  kind: z.enum(["bonus", "commission", "reversal", "adjustment"]),
  occurred_at: timestamp,
  amount_minor: int8,
  currency: z.string(),
  original_amount_minor: int8.nullable(),
  original_currency: z.string().nullable(),
  fx_rate_micros: int8.nullable(),
  title_en: z.string().nullable(),
  title_fr: z.string().nullable(),
  position: int4.nullable(),
  correction: z.boolean(),
  product_title: z.string().nullable(),
  order_id: z.string().nullable(),
  note: z.string().nullable(),
  clawback_of: int4.nullable(),
});

// A refund is a reversal here; refundLabel() makes it a clawback when its commission was paid.
const lineKindSql = sql`case
  when le.kind in ('milestone_award', 'milestone_adjustment') then 'bonus'
  when le.kind = 'commission' then 'commission'
  when le.kind = 'refund' then 'reversal'
  else 'adjustment' end`;

const lineJoins = sql`from payouts p
  join payout_items pi on pi.payout_id = p.id
  join ledger_entries le on le.id = pi.ledger_entry_id
  left join milestone_awards ma on ma.id = le.milestone_award_id
  left join milestones m on m.id = ma.milestone_id
  left join challenges ch on ch.id = m.challenge_id
  left join orders o on o.id = le.order_id
  left join shop_products sp on sp.id = o.shop_product_id`;

/** One payout's statement; `creatorId` restricts it to that creator's payouts (null: staff). */
async function loadStatement(db: Executor, id: number, creatorId: number | null): Promise<PayoutStatement | null> {
  const owner = creatorId === null ? sql`true` : sql`p.creator_id = ${creatorId}`;
  const [head] = await parsedRows(
    db,
    payoutHeadRow.extend({ handle: z.string(), display_name: z.string(), country: z.string() }),
    sql`select ${headColumns}, c.handle, c.display_name, c.country as country
        from payouts p join payout_runs r on r.id = p.run_id join creators c on c.id = p.creator_id
        where p.id = ${id} and ${owner}`,
  );
  if (!head) return null;
  const lines = await parsedRows(
    db,
    statementLineRow,
    sql`select le.id::bigint as id, ${lineKindSql} as kind, le.occurred_at, le.amount_minor::bigint as amount_minor,
                 le.currency as currency, le.original_amount_minor::bigint as original_amount_minor,
                 le.original_currency as original_currency, le.fx_rate_micros::bigint as fx_rate_micros,
                 ch.title_en, ch.title_fr, m.position, le.kind = 'milestone_adjustment' as correction, sp.title as product_title, le.order_id,
                 case when le.kind = 'adjustment' then le.note end as note, ${clawbackOfSql} as clawback_of
          ${lineJoins}
          where p.id = ${id} and ${owner}
          order by le.occurred_at, le.id`,
  );
  const order: StatementLineKind[] = ["bonus", "commission", "reversal", "clawback", "adjustment"];
  const statementLines: StatementLine[] = lines.map((l) => {
    const label = l.kind === "reversal" ? refundLabel(l.clawback_of) : null;
    return {
      entryId: l.id,
      kind: label?.kind ?? l.kind,
      clawbackOfPayoutId: label?.kind === "clawback" ? label.paidInPayoutId : null,
      occurredAt: l.occurred_at,
      amountMinor: l.amount_minor,
      currency: l.currency,
      originalAmountMinor: l.original_amount_minor,
      originalCurrency: l.original_currency,
      fxRateMicros: l.fx_rate_micros,
      challengeTitleEn: l.title_en,
      challengeTitleFr: l.title_fr,
      milestonePosition: l.position,
      bonusCorrection: l.correction,
      productTitle: l.product_title,
      orderId: l.order_id,
      note: l.note,
    };
  });
  // Subtotals from the labelled lines, so they always agree with them.
  const subtotals = order
    .map((kind) => {
      const of = statementLines.filter((l) => l.kind === kind);
      return { kind, entries: of.length, amountMinor: of.reduce((sum, l) => sum + l.amountMinor, 0) };
    })
    .filter((s) => s.entries > 0);
  return {
    ...toMyPayout(head),
    creator: { handle: head.handle, displayName: head.display_name, country: head.country },
    lines: statementLines,
    subtotals,
  };
}

/** The signed-in creator's statement for one of their payouts; null when it is not theirs. */
export async function getMyPayoutStatement(caller: Caller, id: number): Promise<PayoutStatement | null> {
  const me = allowCreator(caller);
  return loadStatement(await getDb(), id, me.creatorId);
}

/** Any payout's statement, for staff reviewing it. */
export async function getPayoutStatementForStaff(caller: Caller, id: number): Promise<PayoutStatement | null> {
  allow(caller, AREA_ROLES.staff);
  return loadStatement(await getDb(), id, null);
}
