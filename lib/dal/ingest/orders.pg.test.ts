import { eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, rows, transactionsRetried } from "@/db";
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

  it("takes every batch when concurrent batches each sell for one creator and refund the other's order", async () => {
    // Each batch writes its own creator's order first, then refunds the other creator's: the
    // version triggers lock the two creators in opposite orders, and PostgreSQL aborts one batch
    // as a deadlock's victim whenever they overlap. The ingest runs the victim again.
    const alice = await promoting(1000);
    const bob = await promoting(1000);
    const rounds = 8;
    const retriedBefore = transactionsRetried();
    const earlier = Array.from({ length: rounds }, () => [paid(alice.code, 10_000), paid(bob.code, 10_000)] as const);
    await postOrders({ orders: earlier.flat() });
    const batches = earlier.flatMap(([aliceOrder, bobOrder]) => [
      { orders: [paid(alice.code, 5_000), refund(bobOrder.id, 10_000)] },
      { orders: [paid(bob.code, 5_000), refund(aliceOrder.id, 10_000)] },
    ]);
    const results = await Promise.all(batches.map((body) => postOrders(body)));
    expect(results.map((r) => r.status)).toEqual(Array(batches.length).fill(200));
    expect(transactionsRetried() - retriedBefore).toBe(0); // no deadlock even to recover from
    expect(results.map((r) => r.body)).toEqual(Array(batches.length).fill({ accepted: 2, duplicates: 0, rejected: [] }));
    const db = await getDb();
    const nets = await rows<{ creator_id: number; net: number }>(
      db,
      sql`select creator_id, sum(amount_minor)::int as net from ledger_entries where creator_id in (${alice.creator.id}, ${bob.creator.id})
          group by creator_id order by creator_id`,
    );
    // What is left: each creator's new 50.00 orders, at 10 %.
    expect(nets.map((n) => n.net)).toEqual([rounds * 500, rounds * 500]);
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

  it("nets exactly zero when a 100.00 order at 15 % is refunded as 50.00 + 50.00 at the same time", async () => {
    const { code } = await promoting(1500);
    for (let round = 0; round < 5; round++) {
      const order = paid(code, 10_000);
      await postOrders({ orders: [order] });
      expect(await netOf(order.id)).toBe(1500);
      const results = await Promise.all([postOrders({ orders: [refund(order.id, 5000)] }), postOrders({ orders: [refund(order.id, 5000)] })]);
      expect(results.map((r) => [r.status, r.body.accepted])).toEqual([[200, 1], [200, 1]]);
      expect(await netOf(order.id)).toBe(0);
    }
  });

  it("nets exactly zero when 20 refunds of 10.00 take back a 200.00 order at the same time", async () => {
    const { code } = await promoting(1500);
    const order = paid(code, 20_000);
    await postOrders({ orders: [order] });
    const results = await Promise.all(Array.from({ length: 20 }, () => postOrders({ orders: [refund(order.id, 1000)] })));
    expect(results.reduce((n, r) => n + (r.body.accepted as number), 0)).toBe(20);
    expect(await netOf(order.id)).toBe(0);
  });

  it("neither deadlocks nor over-refunds when paid-order batches and refund batches of the same orders commit interleaved", async () => {
    const { code } = await promoting(1500);
    const db = await getDb();
    for (let round = 0; round < 8; round++) {
      // Orders already paid (refunds of them race) and orders paid by the racing batches.
      const before = Array.from({ length: 6 }, (_, i) => paid(code, 4000 + 100 * i));
      await postOrders({ orders: before });
      const fresh = Array.from({ length: 6 }, (_, i) => paid(code, 6000 + 100 * i));
      const all = [...before, ...fresh];
      const halves = (o: { id: string; amount: number }) => [refund(o.id, o.amount / 2), refund(o.id, o.amount / 2)];
      const bodies = [
        // a paid batch that also replays the orders already there, in reverse id order
        { orders: [...fresh, ...before].reverse() },
        // refund batches in opposite orders, one of them mixed with paid orders
        { orders: before.flatMap((o) => halves(o).slice(0, 1)) },
        { orders: [...before].reverse().flatMap((o) => halves(o).slice(1)) },
        { orders: [...fresh.slice(0, 3), ...before.slice(0, 3).map((o) => refund(o.id, 1))] },
      ];
      const results = await Promise.all(bodies.map((body) => postOrders(body)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      // Refunds of fresh orders: now that they all exist, in two racing batches.
      const second = await Promise.all([
        postOrders({ orders: fresh.map((o) => refund(o.id, o.amount / 2)) }),
        postOrders({ orders: [...fresh].reverse().map((o) => refund(o.id, o.amount / 2)) }),
        postOrders({ orders: all.map((o) => paid(code, o.amount, { id: o.id, occurredAt: new Date(o.occurredAt) })) }),
      ]);
      expect(second.map((r) => r.status)).toEqual([200, 200, 200]);
      const state = await db.select().from(orders).where(inArray(orders.id, all.map((o) => o.id)));
      for (const o of state) {
        const net = await netOf(o.id);
        expect(net, o.id).toBe(commissionMinor(o.amountMinor - o.refundedMinor, 1500));
        if (o.refundedMinor === o.amountMinor) expect(net).toBe(0);
      }
      expect(state.filter((o) => fresh.some((f) => f.id === o.id)).every((o) => o.refundedMinor === o.amountMinor)).toBe(true);
    }
  });

  it("nets exactly zero when an order not stored yet arrives in three racing batches, two of them refunding half", async () => {
    // The order is new to all three requests: no row existed to lock when they started, so only
    // a lock on the order's id (stored or not) keeps the second refund from a stale net.
    const { code } = await promoting(1500);
    for (let round = 0; round < 12; round++) {
      const order = paid(code, 10_000);
      const results = await Promise.all([
        postOrders({ orders: [order] }),
        postOrders({ orders: [order, refund(order.id, 5000)] }),
        postOrders({ orders: [order, refund(order.id, 5000)] }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await netOf(order.id)).toBe(0);
    }
  });
});
