import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, transactionRetrying, type Executor, type Tx } from "@/db";
import { affiliateLinks, creators, ledgerEntries, orders, refunds as refundsTable, shopProducts } from "@/db/schema";
import { toMajorString } from "@/lib/domain/money";
import { commissionMinor, refundReversal } from "@/lib/domain/money-rules";
import { orderItemSchema, type PaidOrderInput, type RefundInput } from "@/lib/validation/orders";
import { firstIssue } from "@/lib/validation/ingest";
import { allowSystem, type Caller } from "../session";
import type { BatchResult, Rejection } from "./batch";
import { lockCreatorVersions } from "../versions";
import { toCreatorCurrency } from "../rates/fx";
import { int4, int8, parsedRows } from "../row";

const DAY = 86_400_000;

type Indexed<T> = { index: number; item: T };
type NewLedgerEntry = typeof ledgerEntries.$inferInsert;
/** An order a refund of the batch is for, read after its lock (takeRefunds). */
const lockedOrderSchema = z.object({
  id: z.string(),
  amount_minor: int8,
  refunded_minor: int8,
  currency: z.string(),
  occurred_at: z.string(),
  creator_id: int4,
  commission_bps: int4,
  /** The order's commission entry: refunds reverse it in its currency, at its rate. */
  entry_currency: z.string().nullable(),
  fx_rate_micros: int8.nullable(),
  entry_available_at: z.string().nullable(),
  /** What is left of the order's commission (commission + refunds so far), converted and original. */
  net_minor: int8,
  net_original_minor: int8.nullable(),
});

/**
 * Takes a batch of paid orders and refunds from the shop. The caller is the ingest system caller,
 * minted by lib/api/signed-batch.ts once the batch's HMAC signature verified (the shop is the
 * only principal), or the demo seed's.
 *
 * A paid order with a known affiliate code earns its creator a pending commission; a refund
 * reverses its share. Every order id and refund id counts once whatever the replays or the
 * concurrency (primary keys + INSERT … ON CONFLICT DO NOTHING), a refund never takes an order
 * beyond its amount (conditional UPDATE under the order's row lock), and the whole batch is one
 * transaction. Within a batch, paid orders are taken before refunds, so a refund may follow its
 * order in the same batch; a refund whose order has not arrived yet is rejected and must be sent
 * again later. `db` is for the demo seed, which ingests inside its own transaction
 * (with systemCaller("seed")); everyone else leaves it out.
 */
export async function ingestOrders(caller: Caller, items: unknown[], db?: Executor): Promise<BatchResult> {
  allowSystem(caller, ["ingest", "seed"]);
  const rejected: Rejection[] = [];
  const paid: Indexed<PaidOrderInput>[] = [];
  const refunds: Indexed<RefundInput>[] = [];
  const seenPaid = new Set<string>();
  const seenRefunds = new Set<string>();
  let duplicates = 0;
  items.forEach((raw, index) => {
    const parsed = orderItemSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, error: firstIssue(parsed.error) });
      return;
    }
    const item = parsed.data;
    // An id repeated inside the batch counts once (the first).
    const seen = item.type === "paid" ? seenPaid : seenRefunds;
    if (seen.has(item.id)) {
      duplicates++;
      return;
    }
    seen.add(item.id);
    if (item.type === "paid") paid.push({ index, item });
    else refunds.push({ index, item });
  });

  if (paid.length > 0 || refunds.length > 0) {
    const conn = db ?? (await getDb());
    const outcome = await transactionRetrying(conn, async (tx) => {
      // Every order the batch touches, stored or not, is locked first in one global order, before
      // any other read or write: batches of the same orders never deadlock, and what a refund
      // decides on is read after the lock (see takeRefunds).
      await lockOrders(tx, [...paid.map((p) => p.item.id), ...refunds.map((r) => r.item.orderId)]);
      // Then the creators it may write for: those of the codes sold through, those of the orders refunded.
      await lockCreatorVersions(
        tx,
        sql`select creator_id from affiliate_links where code in (select jsonb_array_elements_text(${JSON.stringify(paid.map((p) => p.item.affiliateCode))}::jsonb))
            union all
            select creator_id from orders where id in (select jsonb_array_elements_text(${JSON.stringify(refunds.map((r) => r.item.orderId))}::jsonb))`,
      );
      const a = paid.length > 0 ? await takePaidOrders(tx, paid) : { accepted: 0, duplicates: 0, rejected: [] };
      const b = refunds.length > 0 ? await takeRefunds(tx, refunds) : { accepted: 0, duplicates: 0, rejected: [] };
      return { accepted: a.accepted + b.accepted, duplicates: a.duplicates + b.duplicates, rejected: [...a.rejected, ...b.rejected] };
    });
    rejected.push(...outcome.rejected);
    rejected.sort((x, y) => x.index - y.index);
    return { accepted: outcome.accepted, duplicates: duplicates + outcome.duplicates, rejected };
  }
  rejected.sort((x, y) => x.index - y.index);
  return { accepted: 0, duplicates, rejected };
}

// The class of the per-order advisory locks (the (int4, int4) key space does not meet the
// single-bigint locks of the payout run and the migrations).
const ORDER_LOCK_CLASS = 7270;

/**
 * Serializes every batch that touches one of these orders, whether the order exists yet or not:
 * one transaction-scoped advisory lock per order id, taken in key order, before any read or
 * write. Row locks could only cover orders already stored; an order another request was still
 * inserting slipped past them, its refund read a stale net, and two inserts of the same new
 * orders in opposite orders could deadlock. Locks in one global order cannot.
 */
async function lockOrders(tx: Tx, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(${ORDER_LOCK_CLASS}, k.key)
        from (select distinct hashtext(x.id) as key
              from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb) as x(id)
              order by 1) k`,
  );
}

/** Stores new paid orders and writes each one's pending commission entry. */
async function takePaidOrders(tx: Tx, paid: Indexed<PaidOrderInput>[]): Promise<BatchResult> {
  const rejected: Rejection[] = [];
  const codes = [...new Set(paid.map((p) => p.item.affiliateCode))];
  const links = await tx
    .select({
      code: affiliateLinks.code,
      linkId: affiliateLinks.id,
      creatorId: affiliateLinks.creatorId,
      shopProductId: affiliateLinks.shopProductId,
      commissionBps: shopProducts.commissionBps,
      returnWindowDays: shopProducts.returnWindowDays,
      creatorCurrency: creators.currency,
    })
    .from(affiliateLinks)
    .innerJoin(shopProducts, eq(shopProducts.id, affiliateLinks.shopProductId))
    .innerJoin(creators, eq(creators.id, affiliateLinks.creatorId))
    .where(inArray(affiliateLinks.code, codes));
  type Link = (typeof links)[number];
  const linkByCode = new Map(links.map((l) => [l.code, l]));
  const candidates: { index: number; order: PaidOrderInput; link: Link }[] = [];
  for (const { index, item } of paid) {
    const link = linkByCode.get(item.affiliateCode);
    if (!link) rejected.push({ index, error: `unknown affiliateCode "${item.affiliateCode}"` });
    else candidates.push({ index, order: item, link });
  }
  if (candidates.length === 0) return { accepted: 0, duplicates: 0, rejected };

  // Inserted in id order so concurrent batches take the key locks in the same order.
  const input = candidates.map(({ order, link }) => ({
    id: order.id,
    affiliate_link_id: link.linkId,
    creator_id: link.creatorId,
    shop_product_id: link.shopProductId,
    amount_minor: order.amount,
    currency: order.currency,
    commission_bps: link.commissionBps,
    buyer_ref: order.buyer ?? null,
    occurred_at: order.occurredAt.toISOString(),
  }));
  const fresh = await parsedRows(
    tx,
    z.object({ id: z.string() }),
    sql`insert into orders (id, affiliate_link_id, creator_id, shop_product_id, amount_minor, currency, commission_bps, buyer_ref, occurred_at)
        select id, affiliate_link_id, creator_id, shop_product_id, amount_minor, currency, commission_bps, buyer_ref, occurred_at
        from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          as x(id text, affiliate_link_id int, creator_id int, shop_product_id int, amount_minor bigint, currency text, commission_bps int, buyer_ref text, occurred_at timestamptz)
        order by id
        on conflict (id) do nothing
        returning id`,
  );
  const freshIds = new Set(fresh.map((f) => f.id));

  const entries: NewLedgerEntry[] = [];
  for (const { order, link } of candidates) {
    if (!freshIds.has(order.id)) continue;
    const commission = commissionMinor(order.amount, link.commissionBps);
    if (commission === 0) continue; // a commission that rounds to nothing writes no entry
    // In the creator's currency at the rate of the order's day; the rate is kept on the entry.
    const money = await toCreatorCurrency(tx, commission, order.currency, link.creatorCurrency, order.occurredAt);
    entries.push({
      creatorId: link.creatorId,
      kind: "commission",
      orderId: order.id,
      ...money,
      occurredAt: order.occurredAt,
      // Pending during the product's return window, then available: derived, no job.
      availableAt: new Date(order.occurredAt.getTime() + link.returnWindowDays * DAY),
    });
  }
  for (let i = 0; i < entries.length; i += 500) await tx.insert(ledgerEntries).values(entries.slice(i, i + 500));
  return { accepted: freshIds.size, duplicates: candidates.length - freshIds.size, rejected };
}

/**
 * Applies refunds one by one. ingestOrders has locked the orders they touch (lockOrders), so refunds
 * of one order are serialized across concurrent requests; the conditional UPDATE then refuses any
 * refund that would go beyond the order's amount.
 *
 * The order and its net commission are read in a statement of their own, *after* the lock: in
 * READ COMMITTED a new statement sees every refund committed before the lock was granted. (Read
 * as a subquery of the locking SELECT, the net was the one from before the wait, and two
 * concurrent 50.00 refunds of a 100.00 order each took back 7.50 of a 15.00 commission already
 * half reversed.)
 */
async function takeRefunds(tx: Tx, refunds: Indexed<RefundInput>[]): Promise<BatchResult> {
  const rejected: Rejection[] = [];
  const orderIds = [...new Set(refunds.map((r) => r.item.orderId))].sort();
  const locked = await parsedRows(
    tx,
    lockedOrderSchema,
    sql`select o.id, o.amount_minor::bigint as amount_minor, o.refunded_minor::bigint as refunded_minor, o.currency,
               -- Timestamps as text: postgres.js (through drizzle) gives a string, PGlite a Date; one form here.
               o.occurred_at::text as occurred_at, o.creator_id, o.commission_bps,
               le.currency as entry_currency, le.fx_rate_micros::bigint as fx_rate_micros,
               le.available_at::text as entry_available_at,
               coalesce((select sum(e.amount_minor) from ledger_entries e where e.order_id = o.id and e.kind in ('commission', 'refund')), 0)::bigint as net_minor,
               (select sum(e.original_amount_minor) from ledger_entries e where e.order_id = o.id and e.kind in ('commission', 'refund'))::bigint as net_original_minor
        from orders o
        left join ledger_entries le on le.order_id = o.id and le.kind = 'commission'
        where o.id in (select jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb))
        order by o.id`,
  );
  const lockedById = new Map(locked.map((o) => [o.id, o]));

  let accepted = 0;
  let duplicates = 0;
  for (const { index, item: refund } of refunds) {
    const order = lockedById.get(refund.orderId);
    if (!order) {
      rejected.push({
        index,
        error: `unknown orderId "${refund.orderId}": a refund is accepted only after its order; send it again once the order has been accepted`,
      });
      continue;
    }
    if (refund.occurredAt.getTime() < new Date(order.occurred_at).getTime()) {
      rejected.push({ index, error: `occurredAt is before the order "${refund.orderId}" was paid` });
      continue;
    }
    const [claimed] = await tx
      .insert(refundsTable)
      .values({ id: refund.id, orderId: refund.orderId, amountMinor: refund.amount, occurredAt: refund.occurredAt })
      .onConflictDoNothing({ target: refundsTable.id })
      .returning({ id: refundsTable.id });
    if (!claimed) {
      duplicates++;
      continue;
    }
    const [updated] = await tx
      .update(orders)
      .set({ refundedMinor: sql`${orders.refundedMinor} + ${refund.amount}` })
      .where(and(eq(orders.id, refund.orderId), sql`${orders.refundedMinor} + ${refund.amount} <= ${orders.amountMinor}`))
      .returning({ refundedMinor: orders.refundedMinor, amountMinor: orders.amountMinor });
    if (!updated) {
      // Refused: release the id, so a corrected refund with the same id can still come.
      await tx.delete(refundsTable).where(eq(refundsTable.id, refund.id));
      const left = order.amount_minor - order.refunded_minor;
      rejected.push({
        index,
        error: `amount ${toMajorString(refund.amount)} ${order.currency} is more than what is left to refund on order "${refund.orderId}" (${toMajorString(left)} of ${toMajorString(order.amount_minor)} ${order.currency})`,
      });
      continue;
    }
    accepted++;
    const refundedBefore = updated.refundedMinor - refund.amount;
    order.refunded_minor = updated.refundedMinor;
    if (order.entry_currency === null) continue; // the order earned nothing, so nothing to reverse

    const reversal = refundReversal({
      amountMinor: updated.amountMinor,
      refundedBeforeMinor: refundedBefore,
      refundMinor: refund.amount,
      rateBps: order.commission_bps,
      fxRateMicros: order.fx_rate_micros,
    });
    // At the order's own rate; never below zero, and a full refund takes back exactly what is left.
    const fullyRefunded = order.refunded_minor === order.amount_minor;
    const net = order.net_minor;
    const converted = Math.max(0, fullyRefunded ? net : Math.min(reversal.convertedMinor, net));
    const netOriginal = order.net_original_minor;
    const original = netOriginal === null ? null : Math.max(0, fullyRefunded ? netOriginal : Math.min(reversal.originalMinor, netOriginal));
    // A reversal that rounds to 0 in the creator's currency is still written when it takes back
    // something in the order's: skipped, that share stayed, and which refund came first decided
    // the order's net in its own currency (and a full refund did not net zero there).
    if (converted === 0 && !original) continue;
    order.net_minor = net - converted;
    if (original !== null && netOriginal !== null) order.net_original_minor = netOriginal - original;

    const commissionAvailable = new Date(order.entry_available_at!);
    await tx.insert(ledgerEntries).values({
      creatorId: order.creator_id,
      kind: "refund",
      amountMinor: 0 - converted, // not -0
      currency: order.entry_currency,
      // Same rate as the order's commission, so the two net out exactly.
      originalAmountMinor: order.fx_rate_micros === null ? null : -(original ?? 0),
      originalCurrency: order.fx_rate_micros === null ? null : order.currency,
      fxRateMicros: order.fx_rate_micros,
      orderId: order.id,
      refundId: refund.id,
      occurredAt: refund.occurredAt,
      // Inside the return window the reversal waits with the commission it cancels; after the
      // window (the commission may be paid already) it is available at once.
      availableAt: refund.occurredAt > commissionAvailable ? refund.occurredAt : commissionAvailable,
    });
  }
  return { accepted, duplicates, rejected };
}
