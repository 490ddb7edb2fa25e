import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/orders/route";
import { getDb, rows } from "@/db";
import { ledgerEntries, orders, refunds, shopProducts } from "@/db/schema";
import { systemCaller } from "@/lib/dal/system-caller";
import { callerOf } from "@/test/caller";
import { createCreator, createUser } from "@/test/factories";
import { signedRequest } from "@/test/signed-request";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";
import { ingestOrders } from "./orders";

const DAY = 86_400_000;

async function entriesOf(orderId: string) {
  const db = await getDb();
  return db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, orderId)).orderBy(asc(ledgerEntries.id));
}

async function netOf(orderId: string): Promise<number> {
  return (await entriesOf(orderId)).reduce((s, e) => s + e.amountMinor, 0);
}

async function statusOf(entryId: number): Promise<string> {
  const db = await getDb();
  const [{ status }] = await rows<{ status: string }>(
    db,
    sql`select (case when le.available_at <= now() then 'available' else 'pending' end) as status from ledger_entries le where le.id = ${entryId}`,
  );
  return status;
}

/** A creator promoting a product: the link's code and the product. */
async function promoting(product: Parameters<typeof createShopProduct>[0] = {}, profile: Parameters<typeof createCreator>[0] = {}) {
  const { creator } = await createCreator(profile);
  const shopProduct = await createShopProduct(product);
  const link = await createAffiliateLink(creator.id, shopProduct.id);
  return { creator, product: shopProduct, code: link.code, link };
}

/** A EUR creator selling a BRL product at 50 %, with 1 BRL = 0.17 EUR on the order day (3 days ago). */
async function sellingInBrlAtTinyRate() {
  const db = await getDb();
  const orderDay = new Date(Date.now() - 3 * DAY);
  await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values (${orderDay.toISOString().slice(0, 10)}, 'BRL', 'EUR', 170000)
                       on conflict do nothing`);
  const { code } = await promoting({ commissionBps: 5000, currency: "BRL" }, { currency: "EUR" });
  return { code, orderDay };
}

describe("POST /api/orders: the front door", () => {
  it("refuses unsigned and wrongly signed batches, and malformed JSON", async () => {
    const unsigned = await POST(new Request("http://localhost/api/orders", { method: "POST", body: JSON.stringify({ orders: [] }) }));
    expect(unsigned.status).toBe(401);
    expect((await postOrders({ orders: [] }, { secret: "not-the-secret" })).status).toBe(401);
    const malformed = await POST(signedRequest("/api/orders", null, { raw: '{"orders": [' }));
    expect(malformed.status).toBe(400);
    expect((await postOrders({ events: [] })).status).toBe(400);
  });

  it("takes orders only from the ingest caller (a signed request) and the seed, never from an account or the CLI", async () => {
    const { code } = await promoting();
    const admin = await callerOf((await createUser("admin")).id);
    const order = paid(code, 1000);
    await expect(ingestOrders(admin, [order])).rejects.toThrow(/forbidden/);
    await expect(ingestOrders(systemCaller("cli"), [order])).rejects.toThrow(/forbidden/);
    expect(await entriesOf(order.id)).toHaveLength(0);
    expect(await ingestOrders(systemCaller("ingest"), [order])).toMatchObject({ accepted: 1 });
    expect(await ingestOrders(systemCaller("seed"), [paid(code, 1000)])).toMatchObject({ accepted: 1 });
  });

  it("rejects each invalid item with its reason and keeps the valid ones", async () => {
    const { code } = await promoting();
    const good = paid(code, 1000);
    const { status, body } = await postOrders({
      orders: [
        { ...paid(code, 1000), type: "chargeback" },
        paid(code, -5),
        paid(code, 10.5),
        { ...paid(code, 1000), currency: "JPY" },
        { ...paid(code, 1000), occurredAt: "last week" },
        good,
        { ...refund("ord_x", 100), orderId: "" },
      ],
    });
    expect(status).toBe(200);
    expect(body.accepted).toBe(1);
    const rejected = body.rejected as { index: number; error: string }[];
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(rejected[0].error).toMatch(/type must be "paid" or "refund"/);
    expect(rejected[1].error).toMatch(/positive/);
    expect(rejected[2].error).toMatch(/integer/);
    expect(rejected[3].error).toMatch(/currency must be one of/);
    expect(rejected[4].error).toMatch(/occurredAt/);
    expect(rejected[5].error).toMatch(/orderId is required/);
  });
});

describe("commissions on paid orders", () => {
  it("writes a pending commission: amount × rate, rounded half to even at the half cent", async () => {
    const { code, creator } = await promoting({ commissionBps: 1000, returnWindowDays: 30 });
    const occurredAt = new Date(Date.now() - DAY);
    // 15 × 10 % = 1.5 → 2 (to even); 25 × 10 % = 2.5 → 2 (to even); 35 × 10 % = 3.5 → 4.
    const items = [paid(code, 15, { occurredAt }), paid(code, 25, { occurredAt }), paid(code, 35, { occurredAt }), paid(code, 4999, { occurredAt })];
    const { body } = await postOrders({ orders: items });
    expect(body).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    const amounts = await Promise.all(items.map(async (o) => (await entriesOf(o.id)).map((e) => e.amountMinor)));
    expect(amounts).toEqual([[2], [2], [4], [500]]);
    const [entry] = await entriesOf(items[3].id);
    expect(entry).toMatchObject({ kind: "commission", creatorId: creator.id, currency: "EUR", fxRateMicros: null, originalAmountMinor: null });
    expect(entry.availableAt.getTime()).toBe(occurredAt.getTime() + 30 * DAY);
    expect(await statusOf(entry.id)).toBe("pending");
  });

  it("uses the product's rate in basis points: 49.99 at 12.5 % is 6.25 (6.24875 rounded)", async () => {
    const { code } = await promoting({ commissionBps: 1250 });
    const order = paid(code, 4999);
    await postOrders({ orders: [order] });
    expect((await entriesOf(order.id)).map((e) => e.amountMinor)).toEqual([625]);
  });

  it("accepts an order whose commission rounds to zero but writes no entry", async () => {
    const { code } = await promoting({ commissionBps: 1000 });
    const order = paid(code, 5); // 0.5 cent rounds to 0 (even)
    expect((await postOrders({ orders: [order] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const db = await getDb();
    expect(await db.select().from(orders).where(eq(orders.id, order.id))).toHaveLength(1);
    expect(await entriesOf(order.id)).toHaveLength(0);
  });

  it("rejects an unknown affiliate code with its reason", async () => {
    const { body } = await postOrders({ orders: [paid("nosuchcode", 1000)] });
    expect(body).toEqual({ accepted: 0, duplicates: 0, rejected: [{ index: 0, error: 'unknown affiliateCode "nosuchcode"' }] });
  });

  it("counts each order id once across replays and repeats inside a batch", async () => {
    const { code, creator } = await promoting();
    const a = paid(code, 2000);
    const b = paid(code, 3000);
    expect((await postOrders({ orders: [a, b, a] })).body).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect((await postOrders({ orders: [a, b] })).body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    // A replay that changed the amount is still the same order: it counts once, as first sent.
    expect((await postOrders({ orders: [{ ...a, amount: 999_999 }] })).body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const db = await getDb();
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.creatorId, creator.id));
    expect(entries.map((e) => e.amountMinor).sort((x, y) => x - y)).toEqual([200, 300]);
  });

  it("converts into the creator's currency at the rate of the order's day and keeps the rate", async () => {
    const db = await getDb();
    const orderDay = new Date(Date.now() - 10 * DAY);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values
      (${day(new Date(orderDay.getTime() - DAY))}, 'USD', 'EUR', 900000),
      (${day(orderDay)}, 'USD', 'EUR', 920000),
      (${day(new Date(orderDay.getTime() + 5 * DAY))}, 'USD', 'EUR', 950000)`);
    const { code } = await promoting({ commissionBps: 1000, currency: "USD" }, { currency: "EUR" });
    const order = paid(code, 4999, { currency: "USD", occurredAt: orderDay });
    await postOrders({ orders: [order] });
    const [entry] = await entriesOf(order.id);
    // 49.99 USD × 10 % = 5.00 USD (4.999 → 5.00); × 0.92 = 4.60 EUR.
    expect(entry).toMatchObject({ amountMinor: 460, currency: "EUR", originalAmountMinor: 500, originalCurrency: "USD", fxRateMicros: 920_000 });

    // A refund today uses the order's rate (0.92), not today's (0.95): the two net out exactly.
    const r = refund(order.id, 4999);
    expect((await postOrders({ orders: [r] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const [, reversal] = await entriesOf(order.id);
    expect(reversal).toMatchObject({ kind: "refund", amountMinor: -460, currency: "EUR", originalAmountMinor: -500, originalCurrency: "USD", fxRateMicros: 920_000, refundId: r.id });
    expect(await netOf(order.id)).toBe(0);
  });

  it("takes back a refund's share in the order's currency even when it rounds to 0 in the creator's, whatever order the refunds come in", async () => {
    const { code, orderDay } = await sellingInBrlAtTinyRate();
    // 0.08 BRL at 50 % earns 0.04 BRL = 0.0068 EUR → 0.01 EUR. What is left after refunds of 0.02 and
    // 0.03 earns 0.02 BRL (0.015 → 0.02) = 0.0034 EUR → 0.00, in either order.
    const nets = [];
    for (const order of [paid(code, 8, { currency: "BRL", occurredAt: orderDay }), paid(code, 8, { currency: "BRL", occurredAt: orderDay })]) {
      await postOrders({ orders: [order] });
      const parts = nets.length === 0 ? [2, 3] : [3, 2];
      for (const amount of parts) expect((await postOrders({ orders: [refund(order.id, amount)] })).body).toMatchObject({ accepted: 1 });
      const entries = await entriesOf(order.id);
      nets.push({
        net: entries.reduce((s, e) => s + e.amountMinor, 0),
        netOriginal: entries.reduce((s, e) => s + (e.originalAmountMinor ?? 0), 0),
        refundEntries: entries.filter((e) => e.kind === "refund").length,
      });
      // The rest: a full refund nets exactly zero on both sides.
      await postOrders({ orders: [refund(order.id, 3)] });
      const all = await entriesOf(order.id);
      expect(all.reduce((s, e) => s + e.amountMinor, 0)).toBe(0);
      expect(all.reduce((s, e) => s + (e.originalAmountMinor ?? 0), 0)).toBe(0);
      expect(all.every((e) => e.currency === "EUR" && (e.kind === "commission" || e.fxRateMicros === 170000))).toBe(true);
    }
    // 0.02 then 0.03: the first reversal is 0.00 EUR (0.01 BRL), still written; 0.03 then 0.02: the
    // second moves nothing in either currency, so it writes nothing.
    expect(nets).toEqual([
      { net: 0, netOriginal: 2, refundEntries: 2 },
      { net: 0, netOriginal: 2, refundEntries: 1 },
    ]);
  });

  it("migration 0019 gives back to a ledger written before it the share a skipped reversal left", async () => {
    const db = await getDb();
    const { code, orderDay } = await sellingInBrlAtTinyRate();
    const fullyRefunded = paid(code, 8, { currency: "BRL", occurredAt: orderDay });
    const partlyRefunded = paid(code, 8, { currency: "BRL", occurredAt: orderDay });
    const untouched = paid(code, 8, { currency: "BRL", occurredAt: orderDay });
    await postOrders({ orders: [fullyRefunded, partlyRefunded, untouched] });
    for (const amount of [2, 6]) await postOrders({ orders: [refund(fullyRefunded.id, amount)] });
    for (const amount of [2, 3]) await postOrders({ orders: [refund(partlyRefunded.id, amount)] });
    const view = async () =>
      (await Promise.all([fullyRefunded, partlyRefunded, untouched].map((o) => entriesOf(o.id)))).map((entries) =>
        entries
          .map(({ kind, amountMinor, currency, originalAmountMinor, originalCurrency, fxRateMicros, refundId, occurredAt, availableAt }) =>
            ({ kind, amountMinor, currency, originalAmountMinor, originalCurrency, fxRateMicros, refundId, occurredAt, availableAt }))
          .sort((a, b) => (a.refundId ?? "").localeCompare(b.refundId ?? "")),
      );
    const expected = await view();
    // What the ingest wrote before 0019 for the partly refunded order: no entry for the reversal
    // of 0 in the creator's currency, so 0.03 BRL net where 0.02 is owed (the fully refunded one
    // already netted 0: its last refund took back all that was left). The ledger is append-only;
    // its trigger is off for this one delete.
    await db.execute(sql`alter table ledger_entries disable trigger user`);
    await db.execute(sql`delete from ledger_entries where kind = 'refund' and amount_minor = 0 and order_id = ${partlyRefunded.id}`);
    await db.execute(sql`alter table ledger_entries enable trigger user`);
    expect(await view()).not.toEqual(expected);
    const migration = readFileSync(join(process.cwd(), "db/migrations/0019_refund_original_share.sql"), "utf8");
    const repair = migration.split("--> statement-breakpoint").find((s) => s.includes("INSERT INTO"))!;
    await db.execute(sql.raw(repair));
    expect(await view()).toEqual(expected);
    await db.execute(sql.raw(repair)); // and a second run changes nothing
    expect(await view()).toEqual(expected);
  });

  it("keeps the commission in the order's currency when no rate is known", async () => {
    const { code } = await promoting({ commissionBps: 1000, currency: "SEK" }, { currency: "EUR" });
    const order = paid(code, 10_000, { currency: "SEK" });
    await postOrders({ orders: [order] });
    expect(await entriesOf(order.id)).toMatchObject([{ amountMinor: 1000, currency: "SEK", fxRateMicros: null }]);
  });
});

describe("refunds", () => {
  it("reverses partial refunds by their share and a full refund exactly", async () => {
    const { code } = await promoting({ commissionBps: 1000 });
    const order = paid(code, 4999); // commission 500 (499.9)
    await postOrders({ orders: [order] });
    const first = refund(order.id, 1000);
    const second = refund(order.id, 3999);
    expect((await postOrders({ orders: [first] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await netOf(order.id)).toBe(400); // commission on the 39.99 left: 399.9 → 400
    expect((await postOrders({ orders: [second] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const entries = await entriesOf(order.id);
    expect(entries.map((e) => [e.kind, e.amountMinor, e.refundId])).toEqual([
      ["commission", 500, null],
      ["refund", -100, first.id],
      ["refund", -400, second.id],
    ]);
    const db = await getDb();
    const [o] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(o.refundedMinor).toBe(4999);
  });

  it("reverses at the rate the order was paid at, not the product's rate of the refund's day", async () => {
    const { code, product } = await promoting({ commissionBps: 1000 });
    const order = paid(code, 10_000); // commission 1,000 at 10 %
    await postOrders({ orders: [order] });
    const db = await getDb();
    await db.update(shopProducts).set({ commissionBps: 2500 }).where(eq(shopProducts.id, product.id));
    const r = refund(order.id, 4000);
    expect((await postOrders({ orders: [r] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    // 10 % of the 40.00 refunded, not 25 %: what the order earned is what its refunds take back.
    expect((await entriesOf(order.id)).map((e) => [e.kind, e.amountMinor])).toEqual([
      ["commission", 1000],
      ["refund", -400],
    ]);
    const [o] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(o.commissionBps).toBe(1000);
    // A later order pays at the new rate.
    const later = paid(code, 10_000);
    await postOrders({ orders: [later] });
    expect(await entriesOf(later.id)).toMatchObject([{ kind: "commission", amountMinor: 2500 }]);
  });

  it("never leaves cents behind when small refunds would each round to nothing", async () => {
    const { code } = await promoting({ commissionBps: 5000 });
    const order = paid(code, 3); // 1.5 → 2
    await postOrders({ orders: [order] });
    await postOrders({ orders: [refund(order.id, 1), refund(order.id, 1), refund(order.id, 1)] });
    expect(await netOf(order.id)).toBe(0);
  });

  it("rejects a refund larger than what is left of the order, and keeps the order as it was", async () => {
    const { code } = await promoting({ commissionBps: 1000 });
    const order = paid(code, 4999);
    await postOrders({ orders: [order] });
    const tooBig = refund(order.id, 5000);
    const { body } = await postOrders({ orders: [tooBig] });
    expect(body.accepted).toBe(0);
    expect((body.rejected as { error: string }[])[0].error).toBe(
      `amount 50.00 EUR is more than what is left to refund on order "${order.id}" (49.99 of 49.99 EUR)`,
    );
    await postOrders({ orders: [refund(order.id, 2000)] });
    const second = await postOrders({ orders: [refund(order.id, 3000)] });
    expect((second.body.rejected as { error: string }[])[0].error).toMatch(/29\.99 of 49\.99 EUR/);
    const db = await getDb();
    const [o] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(o.refundedMinor).toBe(2000);
    expect(await db.select().from(refunds).where(eq(refunds.id, tooBig.id))).toHaveLength(0);
    // The refused id was not used up: the shop can send a corrected refund under it.
    expect((await postOrders({ orders: [{ ...tooBig, amount: 2999 }] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await netOf(order.id)).toBe(0);
  });

  it("counts each refund id once across replays", async () => {
    const { code } = await promoting({ commissionBps: 1000 });
    const order = paid(code, 10_000);
    const r = refund(order.id, 2500);
    expect((await postOrders({ orders: [order, r, r] })).body).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect((await postOrders({ orders: [order, r] })).body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(await netOf(order.id)).toBe(750);
  });

  it("takes a refund sent in the same batch as its order, even before it", async () => {
    const { code } = await promoting({ commissionBps: 1000 });
    const order = paid(code, 10_000);
    expect((await postOrders({ orders: [refund(order.id, 10_000), order] })).body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await netOf(order.id)).toBe(0);
  });

  it("rejects a refund of an unknown order, saying it may come later, and takes it once the order is in", async () => {
    const { code } = await promoting({ commissionBps: 1000 });
    const order = paid(code, 10_000);
    const early = refund(order.id, 4000);
    const { body } = await postOrders({ orders: [early] });
    expect(body.accepted).toBe(0);
    expect((body.rejected as { error: string }[])[0].error).toMatch(new RegExp(`unknown orderId "${order.id}": a refund is accepted only after its order; send it again`));
    await postOrders({ orders: [order] });
    expect((await postOrders({ orders: [early] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await netOf(order.id)).toBe(600);
  });

  it("rejects a refund dated before its order", async () => {
    const { code } = await promoting();
    const order = paid(code, 1000, { occurredAt: new Date(Date.now() - DAY) });
    await postOrders({ orders: [order] });
    const { body } = await postOrders({ orders: [refund(order.id, 100, { occurredAt: new Date(Date.now() - 2 * DAY) })] });
    expect((body.rejected as { error: string }[])[0].error).toMatch(/before the order/);
  });

  it("after the return window, reverses the (already available) commission and is available at once", async () => {
    const { code } = await promoting({ commissionBps: 1000, returnWindowDays: 30 });
    const order = paid(code, 10_000, { occurredAt: new Date(Date.now() - 40 * DAY) });
    await postOrders({ orders: [order] });
    const [commission] = await entriesOf(order.id);
    expect(await statusOf(commission.id)).toBe("available");
    const r = refund(order.id, 10_000, { occurredAt: new Date(Date.now() - 60_000) });
    await postOrders({ orders: [r] });
    const [, reversal] = await entriesOf(order.id);
    expect(reversal.amountMinor).toBe(-1000);
    expect(reversal.availableAt.toISOString()).toBe(r.occurredAt);
    expect(await statusOf(reversal.id)).toBe("available");
  });

  it("inside the return window, the reversal waits with the commission it cancels", async () => {
    const { code } = await promoting({ commissionBps: 1000, returnWindowDays: 14 });
    const order = paid(code, 10_000, { occurredAt: new Date(Date.now() - 2 * DAY) });
    await postOrders({ orders: [order, refund(order.id, 5000)] });
    const [commission, reversal] = await entriesOf(order.id);
    expect(reversal.availableAt.getTime()).toBe(commission.availableAt.getTime());
    expect(await statusOf(reversal.id)).toBe("pending");
  });

  it("refunds an order that earned nothing without writing an entry", async () => {
    const { code } = await promoting({ commissionBps: 0 });
    const order = paid(code, 1000);
    expect((await postOrders({ orders: [order, refund(order.id, 1000)] })).body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await entriesOf(order.id)).toHaveLength(0);
  });

  it("ledger entries of an order stay tied to its creator", async () => {
    const { code, creator } = await promoting();
    const order = paid(code, 1000);
    await postOrders({ orders: [order, refund(order.id, 500)] });
    const db = await getDb();
    const mine = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orderId, order.id), eq(ledgerEntries.creatorId, creator.id)));
    expect(mine).toHaveLength(2);
  });
});
