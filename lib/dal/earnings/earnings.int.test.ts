import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { ledgerEntries, payoutItems, payoutRuns, payouts } from "@/db/schema";
import { createCreator, createUser } from "@/test/factories";
import { creatorWithEarnings } from "@/test/earnings";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";
import { getMyCommissionBreakdown, listMyEntries } from "./queries";
import { asCaller } from "@/test/caller";

const all = { kind: null, status: null, order: null, page: 1 } as const;

let period = 0;
/** A payout holding the given entries, in the given status; a paid payout also writes its entry. */
async function payoutOf(creatorId: number, entryIds: number[], status: "pending_review" | "paid") {
  const db = await getDb();
  const [run] = await db
    .insert(payoutRuns)
    .values({ period: `20${String(10 + (period % 80)).padStart(2, "0")}-${String(1 + Math.floor(period++ / 80)).padStart(2, "0")}` })
    .returning();
  const entries = await db.select().from(ledgerEntries).where(sql`${ledgerEntries.id} in ${entryIds}`);
  const amount = entries.reduce((s, e) => s + e.amountMinor, 0);
  const sumOf = (kinds: string[]) => entries.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + e.amountMinor, 0);
  const [payout] = await db
    .insert(payouts)
    .values({
      runId: run.id,
      creatorId,
      currency: "EUR",
      amountMinor: amount,
      // As the payout run stores them: the rate to EUR and the EUR amount (here 1:1).
      eurRateMicros: 1_000_000,
      amountEurMinor: amount,
      bonusMinor: sumOf(["milestone_award"]),
      commissionMinor: sumOf(["commission", "refund"]),
      otherMinor: sumOf(["adjustment"]),
      status,
    })
    .returning();
  await db.insert(payoutItems).values(entryIds.map((ledgerEntryId) => ({ payoutId: payout.id, ledgerEntryId })));
  if (status === "paid") {
    await db.insert(ledgerEntries).values({ creatorId, kind: "payout", payoutId: payout.id, amountMinor: -amount, currency: "EUR", occurredAt: new Date(), availableAt: new Date() });
  }
  return payout;
}


describe("the creator's earnings list", () => {
  it("lists every entry but payouts, newest first, each with its source and status", async () => {
    const { user, creator, challenge, old, recent, back, link } = await creatorWithEarnings();
    const db = await getDb();
    const [oldEntry] = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orderId, old.id), eq(ledgerEntries.kind, "commission")));
    await payoutOf(creator.id, [oldEntry.id], "paid");

    const page = await asCaller(user.id, (c) => listMyEntries(c, all));
    expect(page.total).toBe(4);
    const byKind = Object.fromEntries(page.entries.map((e) => [e.kind === "commission" ? `${e.kind}:${(e.source as { orderId: string }).orderId}` : e.kind, e]));
    expect(Object.keys(byKind).sort()).toEqual([`commission:${old.id}`, `commission:${recent.id}`, "milestone_award", "refund"].sort());
    expect(byKind.milestone_award).toMatchObject({ amountMinor: 2500, status: "available", source: { type: "milestone", challengeId: challenge.id, position: 1 } });
    expect(byKind[`commission:${recent.id}`]).toMatchObject({
      amountMinor: 500,
      status: "pending",
      source: { type: "order", orderId: recent.id, orderAmountMinor: 4999, orderCurrency: "EUR", code: link.code, rateBps: 1000 },
      conversion: null,
    });
    expect(byKind.refund).toMatchObject({ amountMinor: -100, status: "pending", source: { type: "refund", refundId: back.id, orderId: recent.id, refundAmountMinor: 1000 } });
    expect(byKind[`commission:${old.id}`]).toMatchObject({ amountMinor: 1000, status: "paid" });
    expect(page.entries.map((e) => e.occurredAt.getTime())).toEqual([...page.entries.map((e) => e.occurredAt.getTime())].sort((a, b) => b - a));
  });

  it("filters by kind, status and order, and never shows another creator's entries", async () => {
    const { user, creator, recent, old } = await creatorWithEarnings();
    const other = await creatorWithEarnings();
    const db = await getDb();
    const [oldEntry] = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orderId, old.id), eq(ledgerEntries.kind, "commission")));
    await payoutOf(creator.id, [oldEntry.id], "pending_review");

    const commissions = await asCaller(user.id, (c) => listMyEntries(c, { ...all, kind: "commission" }));
    expect(commissions.entries.map((e) => e.kind)).toEqual(["commission", "commission"]);
    const inPayout = await asCaller(user.id, (c) => listMyEntries(c, { ...all, status: "in_payout" }));
    expect(inPayout.entries.map((e) => e.id)).toEqual([oldEntry.id]);
    const pending = await asCaller(user.id, (c) => listMyEntries(c, { ...all, status: "pending" }));
    expect(pending.entries.map((e) => e.kind).sort()).toEqual(["commission", "refund"]);
    const oneOrder = await asCaller(user.id, (c) => listMyEntries(c, { ...all, order: recent.id }));
    expect(oneOrder.entries.map((e) => e.amountMinor).sort((a, b) => a - b)).toEqual([-100, 500]);
    // Another creator's order id shows nothing: ownership is in the where clause.
    expect((await asCaller(user.id, (c) => listMyEntries(c, { ...all, order: other.recent.id }))).total).toBe(0);
  });

  it("paginates 25 entries a page and clamps a page beyond the last", async () => {
    const { user, creator } = await createCreator();
    const product = await createShopProduct({ commissionBps: 1000 });
    const link = await createAffiliateLink(creator.id, product.id);
    await postOrders({ orders: Array.from({ length: 30 }, (_, i) => paid(link.code, 1000 + i, { occurredAt: new Date(Date.now() - (i + 1) * 60_000) })) });
    const first = await asCaller(user.id, (c) => listMyEntries(c, all));
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.entries).toHaveLength(25);
    const last = await asCaller(user.id, (c) => listMyEntries(c, { ...all, page: 7 }));
    expect(last.page).toBe(2);
    expect(last.entries).toHaveLength(5);
  });

  it("shows the conversion of an order in another currency, with the rate used", async () => {
    const db = await getDb();
    const day = new Date().toISOString().slice(0, 10);
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values (${day}, 'USD', 'BRL', 5400000) on conflict do nothing`);
    const { user, creator } = await createCreator({ currency: "BRL", country: "BR" });
    const product = await createShopProduct({ commissionBps: 1000, currency: "USD" });
    const link = await createAffiliateLink(creator.id, product.id);
    await postOrders({ orders: [paid(link.code, 2000, { currency: "USD" })] });
    const { entries } = await asCaller(user.id, (c) => listMyEntries(c, all));
    expect(entries[0]).toMatchObject({ amountMinor: 1080, currency: "BRL", conversion: { originalAmountMinor: 200, originalCurrency: "USD", fxRateMicros: 5_400_000 } });
  });

  it("lists a refund whose reversal rounds to 0 in the creator's currency, with its share in the order's", async () => {
    const db = await getDb();
    const day = new Date().toISOString().slice(0, 10);
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values (${day}, 'BRL', 'EUR', 170000) on conflict do nothing`);
    const { user, creator } = await createCreator({ currency: "EUR" });
    const product = await createShopProduct({ commissionBps: 5000, currency: "BRL" });
    const link = await createAffiliateLink(creator.id, product.id);
    const order = paid(link.code, 8, { currency: "BRL" }); // 0.04 BRL of commission, 0.01 EUR
    await postOrders({ orders: [order] });
    await postOrders({ orders: [refund(order.id, 2)] }); // 0.01 BRL back, 0.00 EUR
    const { entries } = await asCaller(user.id, (c) => listMyEntries(c, all));
    expect(entries.map((e) => [e.kind, e.amountMinor, e.conversion?.originalAmountMinor])).toEqual(
      expect.arrayContaining([
        ["commission", 1, 4],
        ["refund", 0, -1],
      ]),
    );
  });

  it("sums commission by month and by product, net of refunds, in the creator's currency", async () => {
    const { user, product } = await creatorWithEarnings();
    const breakdown = await asCaller(user.id, (c) => getMyCommissionBreakdown(c));
    expect(breakdown.currency).toBe("EUR");
    expect(breakdown.byMonth).toHaveLength(12);
    expect(breakdown.byMonth.reduce((s, m) => s + m.totalMinor, 0)).toBe(1000 + 500 - 100);
    expect(breakdown.byMonth[11].month).toBe(new Date().toISOString().slice(0, 7));
    expect(breakdown.byProduct).toEqual([{ productId: product.id, title: 'Lamp, "big"', merchant: "Test Merchant", orders: 2, totalMinor: 1400 }]);
    expect(breakdown.otherProductsCount).toBe(0);
  });

  it("is for creators only", async () => {
    const staff = await createUser("staff");
    await expect(asCaller(staff.id, (c) => listMyEntries(c, all))).rejects.toThrow(/forbidden/);
  });
});
