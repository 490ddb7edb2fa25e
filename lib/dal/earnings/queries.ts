import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { creators, ledgerKindEnum, metricEnum, type LedgerKind, type Metric } from "@/db/schema";
import { ENTRIES_PAGE_SIZE, type EarningsQuery } from "@/lib/validation/shop";
import { ENTRY_STATUSES, type EntryStatus } from "@/lib/domain/entry-status";
import { refundLabel, type RefundLabel } from "@/lib/domain/refund-label";
import { int4, int8, parsedRows, timestamp } from "../row";
import { allowCreator, type Caller } from "../session";
import { clawbackOfSql, entryJoinsSql, entryStatusSql } from "./ledger-sql";
import { cachedForCreator } from "../cache";

/** Where an entry's money came from, with what it takes to explain every cent. */
export type EntrySource =
  | { type: "milestone"; challengeId: number; titleEn: string; titleFr: string; position: number; metric: Metric }
  | { type: "order"; orderId: string; orderAmountMinor: number; orderCurrency: string; productTitle: string; merchant: string; code: string; rateBps: number }
  | {
      type: "refund";
      refundId: string;
      refundAmountMinor: number;
      orderId: string;
      orderAmountMinor: number;
      orderCurrency: string;
      productTitle: string;
      code: string;
      rateBps: number;
      /** Reversal of money not paid yet, or clawback of money paid in payout #N. */
      label: RefundLabel;
      /** The payout this refund entry is in, if any (a clawback comes out of it). */
      inPayoutId: number | null;
    }
  | { type: "note"; note: string };

export type EarningEntry = {
  id: number;
  kind: LedgerKind;
  amountMinor: number;
  currency: string;
  status: EntryStatus;
  occurredAt: Date;
  availableAt: Date;
  /** Set when the source was in another currency: the amount before conversion and the rate used. */
  conversion: { originalAmountMinor: number; originalCurrency: string; fxRateMicros: number } | null;
  source: EntrySource | null;
};

/** A row of entrySelect: the entry, its status, and the columns of whatever it came from. */
const entryRow = z.object({
  id: int8,
  kind: z.enum(ledgerKindEnum.enumValues),
  amount_minor: int8,
  currency: z.string(),
  status: z.enum(ENTRY_STATUSES),
  occurred_at: z.string(),
  available_at: timestamp,
  original_amount_minor: int8.nullable(),
  original_currency: z.string().nullable(),
  fx_rate_micros: int8.nullable(),
  note: z.string().nullable(),
  challenge_id: int4.nullable(),
  title_en: z.string().nullable(),
  title_fr: z.string().nullable(),
  position: int4.nullable(),
  metric: z.enum(metricEnum.enumValues).nullable(),
  order_id: z.string().nullable(),
  order_amount: int8.nullable(),
  order_currency: z.string().nullable(),
  product_title: z.string().nullable(),
  merchant: z.string().nullable(),
  commission_bps: int4.nullable(),
  code: z.string().nullable(),
  refund_id: z.string().nullable(),
  refund_amount: int8.nullable(),
  clawback_of: int4.nullable(),
  in_payout_id: int4.nullable(),
});
type EntryRow = z.output<typeof entryRow>;

function toEntry(r: EntryRow): EarningEntry {
  let source: EntrySource | null = null;
  if ((r.kind === "milestone_award" || r.kind === "milestone_adjustment") && r.challenge_id !== null) {
    source = { type: "milestone", challengeId: r.challenge_id, titleEn: r.title_en!, titleFr: r.title_fr!, position: r.position!, metric: r.metric! };
  } else if (r.kind === "commission" && r.order_id !== null) {
    source = {
      type: "order",
      orderId: r.order_id,
      orderAmountMinor: r.order_amount!,
      orderCurrency: r.order_currency!,
      productTitle: r.product_title!,
      merchant: r.merchant!,
      code: r.code!,
      rateBps: r.commission_bps!,
    };
  } else if (r.kind === "refund" && r.refund_id !== null && r.order_id !== null) {
    source = {
      type: "refund",
      refundId: r.refund_id,
      refundAmountMinor: r.refund_amount!,
      orderId: r.order_id,
      orderAmountMinor: r.order_amount!,
      orderCurrency: r.order_currency!,
      productTitle: r.product_title!,
      code: r.code!,
      rateBps: r.commission_bps!,
      label: refundLabel(r.clawback_of),
      inPayoutId: r.in_payout_id,
    };
  } else if (r.note) {
    source = { type: "note", note: r.note };
  }
  return {
    id: r.id,
    kind: r.kind,
    amountMinor: r.amount_minor,
    currency: r.currency,
    status: r.status,
    occurredAt: new Date(r.occurred_at),
    availableAt: r.available_at,
    conversion:
      r.fx_rate_micros === null
        ? null
        : { originalAmountMinor: r.original_amount_minor!, originalCurrency: r.original_currency!, fxRateMicros: r.fx_rate_micros },
    source,
  };
}

/** The creator's entries (never payouts) matching the filters, as a WHERE clause. */
function entryFilter(creatorId: number, query: Pick<EarningsQuery, "kind" | "status" | "order">): SQL {
  const parts = [sql`le.creator_id = ${creatorId}`, sql`le.kind <> 'payout'`];
  if (query.kind) parts.push(sql`le.kind = ${query.kind}`);
  if (query.status) parts.push(sql`${entryStatusSql} = ${query.status}`);
  if (query.order) parts.push(sql`le.order_id = ${query.order}`);
  return sql.join(parts, sql` and `);
}

function entrySelect(where: SQL, tail: SQL): SQL {
  // occurred_at stays text: the export's keyset compares at the microseconds it is stored with.
  return sql`select le.id::bigint as id, le.kind, le.amount_minor::bigint as amount_minor, le.currency as currency,
                    ${entryStatusSql} as status, le.occurred_at::text as occurred_at, le.available_at,
                    le.original_amount_minor::bigint as original_amount_minor, le.original_currency as original_currency,
                    le.fx_rate_micros::bigint as fx_rate_micros, le.note,
                    ch.id as challenge_id, ch.title_en, ch.title_fr, m.position, m.metric,
                    o.id as order_id, o.amount_minor::bigint as order_amount, o.currency as order_currency,
                    sp.title as product_title, sp.merchant, o.commission_bps, al.code,
                    r.id as refund_id, r.amount_minor::bigint as refund_amount,
                    ${clawbackOfSql} as clawback_of, pi.payout_id as in_payout_id
             from ${entryJoinsSql}
             left join milestone_awards ma on ma.id = le.milestone_award_id
             left join milestones m on m.id = ma.milestone_id
             left join challenges ch on ch.id = m.challenge_id
             left join orders o on o.id = le.order_id
             left join shop_products sp on sp.id = o.shop_product_id
             left join affiliate_links al on al.id = o.affiliate_link_id
             left join refunds r on r.id = le.refund_id
             where ${where}
             ${tail}`;
}

export type EntriesPage = { entries: EarningEntry[]; total: number; page: number; pageCount: number };

/** One page of the creator's ledger entries, newest first, each with its source. */
// Cached per creator until their data changes (lib/dal/cache.ts), after the caller's check.
export const listMyEntries = (caller: Caller, query: EarningsQuery): Promise<EntriesPage> =>
  cachedForCreator(allowCreator(caller), "earnings.entries", [JSON.stringify(query)], () => listMyEntriesUncached(caller, query));

async function listMyEntriesUncached(caller: Caller, query: EarningsQuery): Promise<EntriesPage> {
  const me = allowCreator(caller);
  const db = await getDb();
  const where = entryFilter(me.creatorId, query);
  // Without a status filter, the count needs no payout lookups: one index range of the creator's
  // own entries, whatever the size of payout_items.
  const counted = query.status ? sql`${entryJoinsSql} where ${where}` : sql`ledger_entries le where ${where}`;
  const [{ total }] = await parsedRows(db, z.object({ total: int4 }), sql`select count(*)::int as total from ${counted}`);
  const pageCount = Math.max(1, Math.ceil(total / ENTRIES_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const found = await parsedRows(
    db,
    entryRow,
    entrySelect(where, sql`order by le.occurred_at desc, le.id desc limit ${ENTRIES_PAGE_SIZE} offset ${(page - 1) * ENTRIES_PAGE_SIZE}`),
  );
  return { entries: found.map(toEntry), total, page, pageCount };
}

const EXPORT_BATCH = 1000;

/**
 * The creator's entries for the CSV export, in batches (keyset pagination, newest first), so
 * years of entries stream out without being held in memory. The caller is checked now, when
 * the export opens, not when the stream is read.
 */
export async function openMyEntriesExport(
  caller: Caller, query: Pick<EarningsQuery, "kind" | "status">,
): Promise<{ handle: string; batches: () => AsyncGenerator<EarningEntry[]> }> {
  const me = allowCreator(caller);
  const where = entryFilter(me.creatorId, { ...query, order: null });
  async function* batches() {
    const db = await getDb();
    let after: { occurredAt: string; id: number } | null = null;
    for (;;) {
      const keyset: SQL = after ? sql` and (le.occurred_at, le.id) < (${after.occurredAt}::timestamptz, ${after.id})` : sql``;
      const found: EntryRow[] = await parsedRows(db, entryRow, entrySelect(sql`${where}${keyset}`, sql`order by le.occurred_at desc, le.id desc limit ${EXPORT_BATCH}`));
      if (found.length === 0) return;
      yield found.map(toEntry);
      if (found.length < EXPORT_BATCH) return;
      const last: EntryRow = found[found.length - 1];
      after = { occurredAt: last.occurred_at, id: last.id };
    }
  }
  return { handle: me.creatorHandle, batches };
}

export type CommissionBreakdown = {
  currency: string;
  /** Net commission (commissions minus refunds) per month, the last 12 months, oldest first. */
  byMonth: { month: string; totalMinor: number }[];
  /** The best-earning products, all time, and the rest summed up. */
  byProduct: { productId: number; title: string; merchant: string; orders: number; totalMinor: number }[];
  otherProductsMinor: number;
  otherProductsCount: number;
  /** Net commission kept in another currency (no exchange rate on the order's day). */
  otherCurrencies: { currency: string; totalMinor: number }[];
};

const TOP_PRODUCTS = 8;

/** Commission totals by month and by product, in the creator's currency, aggregated in SQL. */
// Cached per creator until their data changes (lib/dal/cache.ts), after the caller's check.
export const getMyCommissionBreakdown = (caller: Caller): Promise<CommissionBreakdown> =>
  cachedForCreator(allowCreator(caller), "earnings.commission", [], () => getMyCommissionBreakdownUncached(caller));

async function getMyCommissionBreakdownUncached(caller: Caller): Promise<CommissionBreakdown> {
  const me = allowCreator(caller);
  const db = await getDb();
  const [[creator], byMonth, byProduct, otherCurrencies] = await Promise.all([
    db.select({ currency: creators.currency }).from(creators).where(eq(creators.id, me.creatorId)),
    parsedRows(
      db,
      z.object({ month: z.string(), total: int8 }),
      sql`with months as (
            select generate_series(date_trunc('month', now() at time zone 'UTC') - interval '11 months', date_trunc('month', now() at time zone 'UTC'), interval '1 month') as m
          ), sums as (
            select date_trunc('month', le.occurred_at at time zone 'UTC') as m, sum(le.amount_minor) as total
            from ledger_entries le join creators c on c.id = le.creator_id
            where le.creator_id = ${me.creatorId} and le.kind in ('commission', 'refund') and le.currency = c.currency
              and le.occurred_at >= (date_trunc('month', now() at time zone 'UTC') - interval '11 months') at time zone 'UTC'
            group by 1
          )
          select to_char(months.m, 'YYYY-MM') as month, coalesce(sums.total, 0)::bigint as total
          from months left join sums on sums.m = months.m
          order by months.m`,
    ),
    parsedRows(
      db,
      z.object({ product_id: int4.nullable(), title: z.string().nullable(), merchant: z.string().nullable(), orders: int4, total: int8 }),
      // Summed per order from the ledger, then the order's product from the creator's own orders:
      // both read from covering indexes (creator first), so the cost is the creator's history.
      sql`with per_order as (
            select le.order_id, sum(le.amount_minor) as total
            from ledger_entries le join creators c on c.id = le.creator_id
            where le.creator_id = ${me.creatorId} and le.kind in ('commission', 'refund') and le.currency = c.currency
            group by le.order_id
          ), per_product as (
            select sp.id as product_id, sp.title, sp.merchant, count(*)::int as orders, sum(po.total) as total,
                   row_number() over (order by sum(po.total) desc, sp.title, sp.id) as rank
            from per_order po
            join orders o on o.creator_id = ${me.creatorId} and o.id = po.order_id
            join shop_products sp on sp.id = o.shop_product_id
            group by sp.id, sp.title, sp.merchant
          )
          select product_id, title, merchant, orders, total::bigint as total, rank from per_product where rank <= ${TOP_PRODUCTS}
          union all
          -- Everything below the top, as one row (product_id null; orders counts the products).
          select null, null, null, count(*)::int, coalesce(sum(total), 0)::bigint, ${TOP_PRODUCTS + 1}::bigint from per_product where rank > ${TOP_PRODUCTS}
          order by rank`,
    ),
    parsedRows(
      db,
      z.object({ currency: z.string(), total: int8 }),
      sql`select le.currency as currency, sum(le.amount_minor)::bigint as total
          from ledger_entries le join creators c on c.id = le.creator_id
          where le.creator_id = ${me.creatorId} and le.kind in ('commission', 'refund') and le.currency <> c.currency
          group by 1 order by 1`,
    ),
  ]);
  const top = byProduct.filter((r) => r.product_id !== null);
  const rest = byProduct.find((r) => r.product_id === null);
  return {
    currency: creator?.currency ?? "EUR",
    byMonth: byMonth.map((r) => ({ month: r.month, totalMinor: r.total })),
    byProduct: top.map((r) => ({ productId: r.product_id!, title: r.title!, merchant: r.merchant!, orders: r.orders, totalMinor: r.total })),
    otherProductsMinor: rest?.total ?? 0,
    otherProductsCount: rest?.orders ?? 0,
    otherCurrencies: otherCurrencies.map((r) => ({ currency: r.currency, totalMinor: r.total })),
  };
}
