import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addRateAction } from "@/app/staff/rates/actions";
import { getDb, rows } from "@/db";
import { auditLog, exchangeRates } from "@/db/schema";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { createCreator, createUser } from "@/test/factories";
import { createAffiliateLink, createShopProduct, paid, postOrders } from "@/test/shop";
import { toCreatorCurrency } from "./fx";
import { listExchangeRates } from "./queries";

const day = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("exchange rates on /staff/rates", () => {
  it("staff add a rate typed as a decimal, stored as exact millionths, audited, and used for that day's orders", async () => {
    const staff = await createUser("staff");
    const result = await runAs(staff.id, () => addRateAction(null, { day: day(-3), base: "GBP", quote: "PLN", rate: "5,0123" }));
    expect(result).toEqual({ ok: true, message: "rates.added" });
    const db = await getDb();
    const [rate] = await db.select().from(exchangeRates).where(and(eq(exchangeRates.base, "GBP"), eq(exchangeRates.quote, "PLN"), eq(exchangeRates.day, day(-3))));
    expect(rate).toMatchObject({ rateMicros: 5_012_300, createdBy: staff.id });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "exchange_rate.add"), eq(auditLog.entityId, `GBP/PLN/${day(-3)}`)));
    expect(audit).toMatchObject({ actorId: staff.id, after: { day: day(-3), base: "GBP", quote: "PLN", rateMicros: 5_012_300 } });

    // An order that day in GBP for a PLN creator is converted at it.
    const { creator } = await createCreator({ currency: "PLN", country: "PL" });
    const product = await createShopProduct({ commissionBps: 1000, currency: "GBP" });
    const link = await createAffiliateLink(creator.id, product.id);
    const order = paid(link.code, 10_000, { currency: "GBP", occurredAt: new Date(`${day(-3)}T12:00:00Z`) });
    await postOrders({ orders: [order] });
    const [entry] = await rows<{ amount_minor: number; fx: number }>(db, sql`select amount_minor::int, fx_rate_micros::int as fx from ledger_entries where order_id = ${order.id}`);
    expect(entry).toEqual({ amount_minor: 5012, fx: 5_012_300 }); // 10.00 GBP × 5.0123
  });

  it("lists the latest rate of each pair and the rates staff added", async () => {
    const admin = await createUser("admin", { name: "Ada Admin" });
    await runAs(admin.id, () => addRateAction(null, { day: day(-10), base: "SEK", quote: "GBP", rate: "0.07" }));
    await runAs(admin.id, () => addRateAction(null, { day: day(-2), base: "SEK", quote: "GBP", rate: "0.075" }));
    const { latest, recent } = await asCaller(admin.id, (c) => listExchangeRates(c));
    expect(latest.find((r) => r.base === "SEK" && r.quote === "GBP")).toMatchObject({ day: day(-2), rateMicros: 75_000, addedBy: "Ada Admin" });
    expect(recent.slice(0, 2).map((r) => r.day)).toEqual([day(-2), day(-10)]);
  });

  it("never replaces a day's rate", async () => {
    const staff = await createUser("staff");
    await runAs(staff.id, () => addRateAction(null, { day: day(-5), base: "USD", quote: "SEK", rate: "10.5" }));
    const again = await runAs(staff.id, () => addRateAction(null, { day: day(-5), base: "USD", quote: "SEK", rate: "11" }));
    expect(again).toMatchObject({ ok: false, message: "rates.errors.exists", values: { day: day(-5), base: "USD", quote: "SEK" }, input: { rate: "11" } });
    const db = await getDb();
    expect(await toCreatorCurrency(db, 1000, "USD", "SEK", new Date(`${day(-5)}T10:00:00Z`))).toMatchObject({ amountMinor: 10_500, fxRateMicros: 10_500_000 });
  });

  it("explains what is wrong with each field, keeping what was typed", async () => {
    const staff = await createUser("staff");
    const bad = await runAs(staff.id, () => addRateAction(null, { day: day(2), base: "EUR", quote: "EUR", rate: "1.2345678" }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors).toEqual({ day: ["rates.validation.day_future"], rate: ["rates.validation.rate"] });
    expect(bad.input).toEqual({ day: day(2), base: "EUR", quote: "EUR", rate: "1.2345678" });
    const same = await runAs(staff.id, () => addRateAction(null, { day: day(-1), base: "EUR", quote: "EUR", rate: "1" }));
    expect(same.ok ? null : same.fieldErrors).toEqual({ quote: ["rates.validation.same_currency"] });
    for (const rate of ["0", "-1", "abc", ""]) {
      const r = await runAs(staff.id, () => addRateAction(null, { day: day(-1), base: "EUR", quote: "USD", rate }));
      expect(r.ok ? null : r.fieldErrors?.rate).toEqual(["rates.validation.rate"]);
    }
    const badDay = await runAs(staff.id, () => addRateAction(null, { day: "2025-02-30", base: "EUR", quote: "USD", rate: "1" }));
    expect(badDay.ok ? null : badDay.fieldErrors?.day).toEqual(["rates.validation.day"]);
  });

  it("is for staff and admins only", async () => {
    const { user } = await createCreator();
    const marketing = await createUser("marketing");
    const input = { day: day(-1), base: "EUR", quote: "BRL", rate: "5.5" };
    expect(await runAs(user.id, () => addRateAction(null, input))).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(await runAs(marketing.id, () => addRateAction(null, input))).toMatchObject({ ok: false, message: "errors.forbidden" });
    await expect(asCaller(user.id, (c) => listExchangeRates(c))).rejects.toThrow(/forbidden/);
  });
});
