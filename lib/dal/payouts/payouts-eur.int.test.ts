// Issue 14, defect 6: payouts in different currencies are compared in EUR at the run's stored
// rate, never as raw minor units: the four-eyes limit, the queue's amount filter and its sort.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { asCaller } from "@/test/caller";
import { FOUR_EYES_LIMIT_EUR_MINOR, approvalsRequiredFor } from "@/lib/domain/payout-rules";
import { addEntry, inPeriod } from "@/test/ledger";
import { createCreator, createUser } from "@/test/factories";
import { startPayoutRun } from "./run";
import { getPayoutReview, listPayoutQueue } from "./queries";

const SEK_TO_EUR = 89_300; // 1 SEK = 0.0893 EUR

async function payoutRow(creatorId: number) {
  const [row] = await rows<{ id: number; amount_minor: number; amount_eur_minor: number | null; eur_rate_micros: number | null; approvals_required: number }>(
    await getDb(),
    sql`select id, amount_minor::float8 as amount_minor, amount_eur_minor::float8 as amount_eur_minor,
               eur_rate_micros::float8 as eur_rate_micros, approvals_required
        from payouts where creator_id = ${creatorId}`,
  );
  return row;
}

describe("payouts compared in EUR at the run's rate", () => {
  it("four-eyes: 1,466.99 SEK (about €131) needs one approval, €1,000.01 two, €999 one", async () => {
    expect(FOUR_EYES_LIMIT_EUR_MINOR).toBe(100_000);
    expect(approvalsRequiredFor(100_000)).toBe(1);
    expect(approvalsRequiredFor(100_001)).toBe(2);

    const staff = await createUser("staff");
    const db = await getDb();
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values ('2020-01-01', 'SEK', 'EUR', ${SEK_TO_EUR})`);
    const sek = await createCreator({ currency: "SEK", country: "SE" });
    const eur999 = await createCreator();
    const eurBig = await createCreator();
    await addEntry(sek.creator.id, 146_699, inPeriod("2020-01"), { currency: "SEK" });
    await addEntry(eur999.creator.id, 99_900, inPeriod("2020-01"));
    await addEntry(eurBig.creator.id, 100_001, inPeriod("2020-01"));
    await asCaller(staff.id, (c) => startPayoutRun(c, "2020-01"));

    expect(await payoutRow(sek.creator.id)).toMatchObject({ amount_minor: 146_699, eur_rate_micros: SEK_TO_EUR, amount_eur_minor: 13_100, approvals_required: 1 });
    expect(await payoutRow(eur999.creator.id)).toMatchObject({ amount_eur_minor: 99_900, eur_rate_micros: 1_000_000, approvals_required: 1 });
    expect(await payoutRow(eurBig.creator.id)).toMatchObject({ amount_eur_minor: 100_001, approvals_required: 2 });

    // Where staff decide, both amounts and the rate.
    const review = await asCaller(staff.id, async (c) => getPayoutReview(c, (await payoutRow(sek.creator.id)).id));
    expect(review).toMatchObject({ currency: "SEK", amountMinor: 146_699, amountEurMinor: 13_100, eurRateMicros: SEK_TO_EUR });
  });

  it("queue: €999 sorts above 1,791 SEK, and the amount filter reads EUR", async () => {
    const staff = await createUser("staff");
    const db = await getDb();
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values ('2020-02-01', 'SEK', 'EUR', ${SEK_TO_EUR})`);
    const sek = await createCreator({ currency: "SEK", country: "IS" });
    const eur = await createCreator({ country: "IS" });
    await addEntry(sek.creator.id, 179_100, inPeriod("2020-02"), { currency: "SEK" }); // ≈ €159.94
    await addEntry(eur.creator.id, 99_900, inPeriod("2020-02"));
    await asCaller(staff.id, (c) => startPayoutRun(c, "2020-02"));

    const base = { status: "pending_review" as const, country: "IS", fraud: "any" as const, page: 1 };
    const ids = async (f: Partial<Parameters<typeof listPayoutQueue>[1]>) =>
      (await asCaller(staff.id, (c) => listPayoutQueue(c, { ...base, sort: "amount_desc", ...f }))).rows.map((r) => r.creatorId);

    expect(await ids({ sort: "amount_desc" })).toEqual([eur.creator.id, sek.creator.id]);
    expect(await ids({ sort: "amount_asc" })).toEqual([sek.creator.id, eur.creator.id]);
    expect(await ids({ minMinor: 50_000 })).toEqual([eur.creator.id]); // €500 and up: not 1,791 SEK
    expect(await ids({ maxMinor: 20_000 })).toEqual([sek.creator.id]); // up to €200
    const [first] = (await asCaller(staff.id, (c) => listPayoutQueue(c, { ...base, sort: "amount_asc" }))).rows;
    expect(first).toMatchObject({ currency: "SEK", amountMinor: 179_100, amountEurMinor: 15_994 });
  });

  it("the run prices a payout at the inverse of EUR→currency when that is the rate known, rounded half to even", async () => {
    // Priced by the run only: the database no longer converts a payout inserted without its rate.
    const staff = await createUser("staff");
    const db = await getDb();
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values ('2020-03-01', 'EUR', 'PLN', 4000000)`);
    const { creator } = await createCreator({ currency: "PLN", country: "PL" });
    await addEntry(creator.id, 40_002, inPeriod("2020-03"), { currency: "PLN" });
    await asCaller(staff.id, (c) => startPayoutRun(c, "2020-03"));
    // 1 PLN = 1 / 4 EUR (the inverse of EUR→PLN): 400.02 PLN → €100.00 (100.005 rounded half to even).
    expect(await payoutRow(creator.id)).toMatchObject({ eur_rate_micros: 250_000, amount_eur_minor: 10_000 });
  });
});
