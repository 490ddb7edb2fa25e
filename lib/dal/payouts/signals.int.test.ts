// Issue 14 defect 7: a payout's fraud signals are computed over its own period, not today's
// data, and what the reviewer saw is frozen with the decision in the audit log.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { asCaller } from "@/test/caller";
import { addDailyStars, addEntry, inPeriod, payoutsOf } from "@/test/ledger";
import { createCreator, createUser } from "@/test/factories";
import { listAuditEntries } from "../audit/queries";
import { startPayoutRun } from "./run";
import { countPayoutQueue, getPayoutReview, getPayoutStatusSeries } from "./queries";
import { approvePayout, rejectPayout } from "./commands";

async function stars(creatorId: number, day: string, total: number) {
  await (await getDb()).execute(sql`insert into creator_daily_metrics (creator_id, metric, day, total) values (${creatorId}, 'stars_received', ${day}, ${total})
    on conflict (creator_id, metric, day) do update set total = excluded.total`);
}

describe("fraud signals over the payout's period", () => {
  it("an old payout does not show a spike caused by today's activity", async () => {
    const staff = await createUser("staff");
    const { creator } = await createCreator();
    for (let d = 10; d <= 20; d++) await stars(creator.id, `2019-09-${d}`, 100); // a quiet September
    await addEntry(creator.id, 20_000, inPeriod("2019-09"));
    await asCaller(staff.id, (c) => startPayoutRun(c, "2019-09"));
    const [payout] = await payoutsOf(creator.id);
    // Today: a huge spike, long after September.
    await addDailyStars(creator.id, [...Array.from({ length: 5 }, (_, i) => ({ daysAgo: i + 2, stars: 100 })), { daysAgo: 1, stars: 50_000 }]);
    const review = await asCaller(staff.id, (c) => getPayoutReview(c, payout.id));
    expect(review?.signals).toEqual([]);
  });

  it("freezes the signals the reviewer saw with the decision", async () => {
    const staff = await createUser("staff");
    const { creator } = await createCreator();
    const { creator: other } = await createCreator();
    for (let d = 10; d <= 20; d++) await stars(creator.id, `2019-10-${d}`, d === 20 ? 5_000 : 100);
    await addEntry(creator.id, 20_000, inPeriod("2019-10"));
    await addEntry(other.id, 20_000, inPeriod("2019-10"));
    await asCaller(staff.id, (c) => startPayoutRun(c, "2019-10"));
    const [payout] = await payoutsOf(creator.id);
    const [quiet] = await payoutsOf(other.id);
    const seen = [{ code: "activity_spike", day: "2019-10-20", stars: 5_000, median: 100 }];
    expect((await asCaller(staff.id, (c) => getPayoutReview(c, payout.id)))?.signals).toEqual(seen);

    await asCaller(staff.id, (c) => approvePayout(c, { payoutId: payout.id, version: payout.version, note: "Creator week Live: checked." }));
    await asCaller(staff.id, (c) => rejectPayout(c, { payoutId: quiet.id, version: quiet.version, reason: "Duplicate account" }));
    // Late data for October arrives after the decision: the live signals change...
    for (let d = 10; d <= 19; d++) await stars(creator.id, `2019-10-${d}`, 4_000);
    expect((await asCaller(staff.id, (c) => getPayoutReview(c, payout.id)))?.signals).toEqual([]);
    // ...but the audit keeps the evidence as it was when the reviewer decided.
    const trail = await asCaller(staff.id, (c) => listAuditEntries(c, { entityType: "payout", entityId: String(payout.id), page: 1 }));
    expect(trail.entries[0]).toMatchObject({ action: "payout.approve", after: { flagged: true, signals: seen } });
    const rejected = await asCaller(staff.id, (c) => listAuditEntries(c, { entityType: "payout", entityId: String(quiet.id), page: 1 }));
    expect(rejected.entries[0]).toMatchObject({ action: "payout.reject", after: { signals: [] } });
  });
  it("the queue's fraud count and chart show late data on the next view", async () => {
    const staff = await createUser("staff");
    const { creator } = await createCreator({ country: "IS" });
    for (let d = 10; d <= 20; d++) await stars(creator.id, `2019-11-${d}`, 100);
    await addEntry(creator.id, 20_000, inPeriod("2019-11"));
    await asCaller(staff.id, (c) => startPayoutRun(c, "2019-11"));
    const filters = { status: "pending_review", country: "IS", minMinor: undefined, maxMinor: undefined } as const;
    const view = () =>
      asCaller(staff.id, async (c) => ({
        flagged: (await countPayoutQueue(c, { ...filters, fraud: "flagged" })).total,
        clear: (await countPayoutQueue(c, { ...filters, fraud: "clear" })).total,
        chart: (await getPayoutStatusSeries(c, { ...filters, fraud: "flagged" }, "EUR")).find((p) => p.period === "2019-11")?.pending_review ?? 0,
      }));
    expect(await view()).toEqual({ flagged: 0, clear: 1, chart: 0 });
    expect(await view()).toEqual({ flagged: 0, clear: 1, chart: 0 }); // the same, from the remembered flags
    // Late activity for November lands: a spike, and the payout is flagged from the next view on.
    await stars(creator.id, "2019-11-21", 5_000);
    expect(await view()).toEqual({ flagged: 1, clear: 0, chart: 20_000 });
    // And back when the late data is corrected.
    await stars(creator.id, "2019-11-21", 100);
    expect(await view()).toEqual({ flagged: 0, clear: 1, chart: 0 });
  });
});
