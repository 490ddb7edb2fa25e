import { eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { ledgerEntries, orders } from "@/db/schema";
import { commissionMinor } from "@/lib/domain/money";
import { createCreator } from "@/test/factories";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";

async function promoting(commissionBps = 1000) {
  const { creator } = await createCreator();
  const product = await createShopProduct({ commissionBps });
  const link = await createAffiliateLink(creator.id, product.id);
  return { creator, code: link.code };
}

async function netOf(orderId: string): Promise<number> {
  const db = await getDb();
  const [{ net }] = await rows<{ net: number }>(db, sql`select coalesce(sum(amount_minor), 0)::int as net from ledger_entries where order_id = ${orderId}`);
  return net;
}

describe("POST /api/orders under concurrency (PostgreSQL)", () => {
  afterEach(expectLedgerInvariant);

  it("counts each order once when four requests carry the same batch at the same time", async () => {
    const { creator, code } = await promoting();
    const body = { orders: Array.from({ length: 50 }, (_, i) => paid(code, 1000 + i)) };
    const results = await Promise.all([postOrders(body), postOrders(body), postOrders(body), postOrders(body)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.reduce((n, r) => n + (r.body.accepted as number), 0)).toBe(50);
    expect(results.reduce((n, r) => n + (r.body.duplicates as number), 0)).toBe(150);
    const db = await getDb();
    expect(await db.select().from(ledgerEntries).where(eq(ledgerEntries.creatorId, creator.id))).toHaveLength(50);
  });

  it("never over-refunds when different refunds of one order arrive at the same time", async () => {
    const { code } = await promoting(1000);
    const order = paid(code, 10_000);
    await postOrders({ orders: [order] });
    const results = await Promise.all(Array.from({ length: 10 }, () => postOrders({ orders: [refund(order.id, 1500)] })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const accepted = results.reduce((n, r) => n + (r.body.accepted as number), 0);
    expect(accepted).toBe(6); // 6 × 15.00 = 90.00 of 100.00; a seventh would exceed the order
    const db = await getDb();
    const [o] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(o.refundedMinor).toBe(9000);
    const net = await netOf(order.id);
    expect(net).toBeGreaterThanOrEqual(0);
    expect(net).toBe(commissionMinor(1000, 1000));
  });

  it("counts a refund once when it is replayed by concurrent requests", async () => {
    const { code } = await promoting(1000);
    const order = paid(code, 10_000);
    await postOrders({ orders: [order] });
    const r = refund(order.id, 10_000);
    const results = await Promise.all(Array.from({ length: 6 }, () => postOrders({ orders: [r] })));
    expect(results.reduce((n, x) => n + (x.body.accepted as number), 0)).toBe(1);
    expect(results.reduce((n, x) => n + (x.body.duplicates as number), 0)).toBe(5);
    expect(await netOf(order.id)).toBe(0);
  });

  it("does not deadlock when concurrent batches refund the same orders in opposite orders", async () => {
    const { code } = await promoting(1000);
    const a = paid(code, 100_000);
    const b = paid(code, 100_000);
    await postOrders({ orders: [a, b] });
    const batches = Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0 ? { orders: [refund(a.id, 1000), refund(b.id, 1000)] } : { orders: [refund(b.id, 1000), refund(a.id, 1000)] },
    );
    const results = await Promise.all(batches.map((body) => postOrders(body)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(results.reduce((n, r) => n + (r.body.accepted as number), 0)).toBe(24);
    const db = await getDb();
    const both = await db.select().from(orders).where(inArray(orders.id, [a.id, b.id]));
    expect(both.map((o) => o.refundedMinor)).toEqual([12_000, 12_000]);
    expect(await netOf(a.id)).toBe(commissionMinor(88_000, 1000));
  });
});
