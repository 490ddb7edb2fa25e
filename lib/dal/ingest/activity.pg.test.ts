import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows, transactionsRetried } from "@/db";
import { ledgerEntries, milestoneAwards } from "@/db/schema";
import { event, postEvents } from "@/test/events";
import { createChallenge, createCreator, enrollDirectly } from "@/test/factories";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";

async function promoting(commissionBps: number) {
  const { creator } = await createCreator();
  const product = await createShopProduct({ commissionBps });
  const link = await createAffiliateLink(creator.id, product.id);
  return { creator, code: link.code };
}

describe("POST /api/events under concurrency (PostgreSQL)", () => {
  it("counts events once and awards once when three requests carry the same batch at the same time", async () => {
    const { creator } = await createCreator();
    const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 100, rewardMinor: 1000 }] });
    const enrollment = await enrollDirectly(challenge.id, creator.id);
    const body = { events: Array.from({ length: 50 }, () => event(creator.handle, 4)) };
    const results = await Promise.all([postEvents(body), postEvents(body), postEvents(body)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.reduce((n, r) => n + (r.body.accepted as number), 0)).toBe(50);
    expect(results.reduce((n, r) => n + (r.body.duplicates as number), 0)).toBe(100);
    const db = await getDb();
    const [{ total }] = await rows<{ total: number }>(db, sql`select sum(total)::int as total from creator_daily_metrics where creator_id = ${creator.id}`);
    expect(total).toBe(200);
    expect(await db.select().from(milestoneAwards).where(eq(milestoneAwards.enrollmentId, enrollment.id))).toHaveLength(1);
    expect(await db.select().from(ledgerEntries).where(eq(ledgerEntries.creatorId, creator.id))).toHaveLength(1);
  });

  it("awards a milestone once when different events reach it in concurrent requests", async () => {
    const { creator } = await createCreator();
    const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 10, rewardMinor: 700 }] });
    const enrollment = await enrollDirectly(challenge.id, creator.id);
    await Promise.all(Array.from({ length: 8 }, () => postEvents({ events: [event(creator.handle, 10)] })));
    const db = await getDb();
    expect(await db.select().from(milestoneAwards).where(eq(milestoneAwards.enrollmentId, enrollment.id))).toHaveLength(1);
    expect(await db.select().from(ledgerEntries).where(eq(ledgerEntries.creatorId, creator.id))).toHaveLength(1);
  });
  it("takes every batch when event batches and order batches of the same two creators run at the same time", async () => {
    // An order batch that sells for one creator and refunds the other's order wrote (and locked)
    // their data versions in that order; an event batch locks both in id order. Half the order
    // batches lock against the id order, so overlapping batches deadlocked and one got a 500.
    const [first, second] = [await promoting(1000), await promoting(1000)].sort((a, b) => a.creator.id - b.creator.id);
    const rounds = 8;
    const retriedBefore = transactionsRetried();
    const earlier = Array.from({ length: rounds }, () => [paid(first.code, 10_000), paid(second.code, 10_000)] as const);
    await postOrders({ orders: earlier.flat() });
    const requests = earlier.flatMap(([firstOrder, secondOrder], i) => [
      // The second creator's new order first (its version), then the first's refund.
      () => postOrders({ orders: i % 2 === 0 ? [paid(second.code, 5_000), refund(firstOrder.id, 10_000)] : [paid(first.code, 5_000), refund(secondOrder.id, 10_000)] }),
      () => postEvents({ events: [event(first.creator.handle, 3), event(second.creator.handle, 3)] }),
    ]);
    const results = await Promise.all(requests.map((send) => send()));
    expect(results.map((r) => r.status)).toEqual(Array(requests.length).fill(200));
    expect(transactionsRetried() - retriedBefore).toBe(0); // no deadlock even to recover from
    const db = await getDb();
    const stars = await rows<{ total: number }>(
      db,
      sql`select sum(total)::int as total from creator_daily_metrics
          where creator_id in (${first.creator.id}, ${second.creator.id}) group by creator_id order by creator_id`,
    );
    expect(stars.map((s) => s.total)).toEqual([3 * rounds, 3 * rounds]);
    const nets = await rows<{ net: number }>(
      db,
      sql`select sum(amount_minor)::int as net from ledger_entries
          where creator_id in (${first.creator.id}, ${second.creator.id}) group by creator_id order by creator_id`,
    );
    // Each creator: half the rounds refunded one 100.00 order and sold a 50.00 one; 10 %.
    expect(nets.map((n) => n.net)).toEqual([rounds * 1000 - (rounds / 2) * 1000 + (rounds / 2) * 500, rounds * 1000 - (rounds / 2) * 1000 + (rounds / 2) * 500]);
  });
});
