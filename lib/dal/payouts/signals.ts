import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { int4, int8, parsedRows } from "../row";

// Fraud signals on a payout, computed in SQL over the payout's period. The review queue's filter, its CSV
// export, the payout page and the approve action all use these fragments, so a payout is
// "flagged" in exactly one sense everywhere.
//
// Needs a row `p` from payouts in scope: `... from payouts p cross join lateral ${signalsLateral} sig`.

import { REFUND_RATE_LIMIT, REFUND_WINDOW_DAYS, REPEAT_BUYER_MIN_ORDERS, SPIKE_FACTOR, SPIKE_WINDOW_DAYS, USUAL_AMOUNT_FACTOR } from "@/lib/domain/fraud-thresholds";

/**
 * One row per payout with the raw figures behind each signal, computed over the payout's own
 * period (up to the end of its run's month), never over today's data: a September payout keeps
 * the signals of September whatever happens in November.
 * - spike: the creator's best day of stars_received in the 30 days before the period's end,
 *   against the median of their active days in that window (days without activity have no
 *   rollup row);
 * - repeat buyer: the buyer who ordered most often through the creator's links in the 90 days
 *   before the period's end;
 * - refund rate: the average refunded share (refunds made before the period's end) of orders
 *   placed in those 90 days (unit-free, so orders in several currencies weigh alike);
 * - usual amount: the median of the creator's earlier payouts in the same currency (rejected
 *   ones excluded).
 */
export const signalsLateral = sql.raw(`lateral (
  select sp.median as spike_median, sp.top_total as spike_total, sp.top_day as spike_day,
         rb.buyer_ref as repeat_buyer, rb.n as repeat_count,
         rr.rate as refund_rate, rr.orders as refund_orders,
         pv.median as previous_median, pv.n as previous_count
  from (
    select ((to_date(pr.period, 'YYYY-MM') + interval '1 month')::timestamp at time zone 'UTC') as period_end
    from payout_runs pr where pr.id = p.run_id
  ) pe
  cross join lateral (
    select percentile_cont(0.5) within group (order by d.total)::float8 as median,
           max(d.total)::float8 as top_total,
           (array_agg(d.day::text order by d.total desc, d.day desc))[1] as top_day
    from creator_daily_metrics d
    where d.creator_id = p.creator_id and d.metric = 'stars_received'
      and d.day > (pe.period_end at time zone 'UTC')::date - ${SPIKE_WINDOW_DAYS}
      and d.day < (pe.period_end at time zone 'UTC')::date
  ) sp
  cross join lateral (
    select avg(coalesce((select sum(rf.amount_minor) from refunds rf where rf.order_id = o.id and rf.occurred_at < pe.period_end), 0)::float8
               / o.amount_minor)::float8 as rate,
           count(*)::int as orders
    from orders o
    where o.creator_id = p.creator_id
      and o.occurred_at > pe.period_end - interval '${REFUND_WINDOW_DAYS} days' and o.occurred_at < pe.period_end
  ) rr
  cross join (
    select percentile_cont(0.5) within group (order by q.amount_minor) as median, count(*)::int as n
    from payouts q
    where q.creator_id = p.creator_id and q.currency = p.currency and q.id <> p.id
      and q.created_at < p.created_at and q.status <> 'rejected'
  ) pv
  left join lateral (
    select o.buyer_ref, count(*)::int as n
    from orders o
    where o.creator_id = p.creator_id and o.buyer_ref is not null
      and o.occurred_at > pe.period_end - interval '${REFUND_WINDOW_DAYS} days' and o.occurred_at < pe.period_end
    group by o.buyer_ref
    having count(*) >= ${REPEAT_BUYER_MIN_ORDERS}
    order by count(*) desc, o.buyer_ref
    limit 1
  ) rb on true
)`);

export const spikeFlagSql = sql.raw(`coalesce(sig.spike_median > 0 and sig.spike_total > ${SPIKE_FACTOR} * sig.spike_median, false)`);
export const repeatBuyerFlagSql = sql.raw(`(sig.repeat_count is not null)`);
export const refundRateFlagSql = sql.raw(`coalesce(sig.refund_rate > ${REFUND_RATE_LIMIT}, false)`);
export const unusualAmountFlagSql = sql.raw(`coalesce(p.amount_minor > ${USUAL_AMOUNT_FACTOR} * sig.previous_median, false)`);

/** True when any signal fires: the queue's fraud filter and the approve action's note rule. */
export const flaggedSql = sql`(${spikeFlagSql} or ${repeatBuyerFlagSql} or ${refundRateFlagSql} or ${unusualAmountFlagSql})`;

/** Columns to select beside `sig` so signalsFrom() can read them. */
export const signalColumnsSql = sql`sig.spike_median, sig.spike_total, sig.spike_day, sig.repeat_buyer, sig.repeat_count,
  sig.refund_rate, sig.refund_orders, round(sig.previous_median::numeric)::bigint as previous_median, sig.previous_count,
  ${spikeFlagSql} as flag_spike, ${repeatBuyerFlagSql} as flag_repeat_buyer,
  ${refundRateFlagSql} as flag_refund_rate, ${unusualAmountFlagSql} as flag_unusual_amount`;

/**
 * The signal columns as they come back: the usual amount (money) as int8, rounded half up
 * (the flag compares the exact median, in SQL); stars and the refund rate are not money and stay
 * float. Spread into each row schema that selects signalColumnsSql.
 */
export const signalRowShape = {
  spike_median: z.number().nullable(),
  spike_total: z.number().nullable(),
  spike_day: z.string().nullable(),
  repeat_buyer: z.string().nullable(),
  repeat_count: int4.nullable(),
  refund_rate: z.number().nullable(),
  refund_orders: int4.nullable(),
  previous_median: int8.nullable(),
  previous_count: int4.nullable(),
  flag_spike: z.boolean(),
  flag_repeat_buyer: z.boolean(),
  flag_refund_rate: z.boolean(),
  flag_unusual_amount: z.boolean(),
};
export type SignalRow = z.output<z.ZodObject<typeof signalRowShape>>;

export type FraudSignal =
  | { code: "activity_spike"; day: string; stars: number; median: number }
  | { code: "repeat_buyer"; buyerRef: string; orders: number }
  | { code: "refund_rate"; ratePercent: number; orders: number }
  | { code: "unusual_amount"; medianMinor: number; previousCount: number };

export type FraudSignalCode = FraudSignal["code"];
export const FRAUD_SIGNAL_CODES: FraudSignalCode[] = ["activity_spike", "repeat_buyer", "refund_rate", "unusual_amount"];

/** The signals that fire, with the figures that explain them. */
export function signalsFrom(r: SignalRow): FraudSignal[] {
  const out: FraudSignal[] = [];
  if (r.flag_spike) out.push({ code: "activity_spike", day: r.spike_day ?? "", stars: r.spike_total ?? 0, median: r.spike_median ?? 0 });
  if (r.flag_repeat_buyer) out.push({ code: "repeat_buyer", buyerRef: r.repeat_buyer ?? "", orders: r.repeat_count ?? 0 });
  if (r.flag_refund_rate) out.push({ code: "refund_rate", ratePercent: Math.round((r.refund_rate ?? 0) * 1000) / 10, orders: r.refund_orders ?? 0 });
  if (r.flag_unusual_amount) out.push({ code: "unusual_amount", medianMinor: r.previous_median ?? 0, previousCount: r.previous_count ?? 0 });
  return out;
}

/**
 * The signals of one payout as a reviewer sees them now: decisions store them with their audit
 * record, so the audit keeps the evidence as it was when the decision was made.
 */
export async function signalsOfPayout(tx: Executor, payoutId: number): Promise<FraudSignal[]> {
  const [row] = await parsedRows(tx, z.object(signalRowShape), sql`select ${signalColumnsSql} from payouts p cross join ${signalsLateral} sig where p.id = ${payoutId}`);
  return row ? signalsFrom(row) : [];
}
