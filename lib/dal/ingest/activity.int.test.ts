import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/events/route";
import { getDb, rows } from "@/db";
import { challenges, creatorDailyMetrics, ledgerEntries, milestoneAwards } from "@/db/schema";
import { systemCaller } from "@/lib/dal/system-caller";
import { callerOf } from "@/test/caller";
import { createChallenge, createCreator, createUser, enrollDirectly } from "@/test/factories";
import { event, postEvents } from "@/test/events";
import { signedRequest } from "@/test/signed-request";
import { ingestActivityEvents } from "./activity";

const post = postEvents;

async function awardsFor(enrollmentId: number) {
  const db = await getDb();
  return db.select().from(milestoneAwards).where(eq(milestoneAwards.enrollmentId, enrollmentId));
}
async function bonusEntries(creatorId: number) {
  const db = await getDb();
  return db.select().from(ledgerEntries).where(and(eq(ledgerEntries.creatorId, creatorId), eq(ledgerEntries.kind, "milestone_award")));
}

describe("POST /api/events: the front door", () => {
  it("refuses a missing, wrong or stale signature with 401", async () => {
    const body = { events: [] };
    const unsigned = await POST(new Request("http://localhost/api/events", { method: "POST", body: JSON.stringify(body) }));
    expect(unsigned.status).toBe(401);
    expect((await post(body, { secret: "wrong-secret" })).status).toBe(401);
    const stale = await post(body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale).toEqual({ status: 401, body: { error: "stale_timestamp" } });
    expect((await post(body, { timestamp: Math.floor(Date.now() / 1000) - 299 })).status).toBe(200);
  });

  it("takes events only from the ingest caller (a signed request) and the seed, never from an account or the CLI", async () => {
    const { creator } = await createCreator();
    const staff = await callerOf((await createUser("staff")).id);
    await expect(ingestActivityEvents(staff, [event(creator.handle, 1)])).rejects.toThrow(/forbidden/);
    await expect(ingestActivityEvents(systemCaller("cli"), [event(creator.handle, 1)])).rejects.toThrow(/forbidden/);
    const db = await getDb();
    const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from activity_events where creator_id = ${creator.id}`);
    expect(n).toBe(0);
    expect(await ingestActivityEvents(systemCaller("ingest"), [event(creator.handle, 1)])).toMatchObject({ accepted: 1 });
    expect(await ingestActivityEvents(systemCaller("seed"), [event(creator.handle, 1)])).toMatchObject({ accepted: 1 });
  });

  it("answers 400 with a message to malformed JSON and 413 above 1,000 events", async () => {
    const malformed = await POST(signedRequest("/api/events", null, { raw: '{"events": [' }));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "malformed JSON" });
    const events = Array.from({ length: 1001 }, () => event("nobody", 1));
    expect((await post({ events })).status).toBe(413);
  });

  it("keeps the valid events of a mixed batch and rejects each invalid one with its reason", async () => {
    const { creator } = await createCreator();
    const good = [event(creator.handle, 10), event(creator.handle, 5, undefined, "minutes_streamed")];
    const body = {
      events: [
        good[0],
        event("no.such.creator", 1),
        { ...event(creator.handle, 1), metric: "likes" },
        event(creator.handle, -3),
        { ...event(creator.handle, 1), occurredAt: "yesterday" },
        good[1],
      ],
    };
    const { status, body: result } = await post(body);
    expect(status).toBe(200);
    expect(result.accepted).toBe(2);
    expect(result.duplicates).toBe(0);
    const rejected = result.rejected as { index: number; error: string }[];
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(rejected[0].error).toMatch(/unknown creator/);
    expect(rejected[1].error).toMatch(/metric/);
    expect(rejected[2].error).toMatch(/negative/);
    expect(rejected[3].error).toMatch(/occurredAt/);
    const db = await getDb();
    const totals = await db.select().from(creatorDailyMetrics).where(eq(creatorDailyMetrics.creatorId, creator.id));
    expect(totals.map((t) => [t.metric, t.total]).sort()).toEqual([["minutes_streamed", 5], ["stars_received", 10]]);
  });

  it("counts a replayed batch once", async () => {
    const { creator } = await createCreator();
    const body = { events: [event(creator.handle, 7), event(creator.handle, 8)] };
    expect((await post(body)).body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await post(body)).body).toMatchObject({ accepted: 0, duplicates: 2 });
    const db = await getDb();
    const [{ total }] = await rows<{ total: number }>(db, sql`select sum(total)::int as total from creator_daily_metrics where creator_id = ${creator.id}`);
    expect(total).toBe(15);
  });

});

describe("milestones", () => {
  it("counts only events inside the window: one second before the start and at the end do not count", async () => {
    const { creator } = await createCreator();
    const startsAt = new Date(Date.now() - 3 * 86_400_000);
    const endsAt = new Date(Date.now() - 3600_000);
    const { challenge } = await createChallenge({ startsAt, endsAt, milestones: [{ metric: "stars_received", threshold: 10, rewardMinor: 500 }] });
    const enrollment = await enrollDirectly(challenge.id, creator.id, new Date(startsAt.getTime() - 86_400_000));
    await post({
      events: [
        event(creator.handle, 100, new Date(startsAt.getTime() - 1000)),
        event(creator.handle, 100, endsAt),
        event(creator.handle, 3, startsAt),
        event(creator.handle, 4, new Date(endsAt.getTime() - 1000)),
      ],
    });
    const db = await getDb();
    const [progress] = await rows<{ total: number }>(db, sql`select total::int from enrollment_progress where enrollment_id = ${enrollment.id}`);
    expect(progress.total).toBe(7);
    expect(await awardsFor(enrollment.id)).toHaveLength(0);
  });

  it("does not count activity from before the creator enrolled", async () => {
    const { creator } = await createCreator();
    const { challenge } = await createChallenge({ startsAt: new Date(Date.now() - 10 * 86_400_000) });
    const enrolledAt = new Date(Date.now() - 86_400_000);
    const enrollment = await enrollDirectly(challenge.id, creator.id, enrolledAt);
    await post({ events: [event(creator.handle, 5000, new Date(enrolledAt.getTime() - 1000)), event(creator.handle, 20, new Date())] });
    const db = await getDb();
    const [progress] = await rows<{ total: number }>(db, sql`select total::int from enrollment_progress where enrollment_id = ${enrollment.id}`);
    expect(progress.total).toBe(20);
  });

  it("awards each reached milestone exactly once across batches, late events and replays", async () => {
    const { creator } = await createCreator();
    const { challenge, milestones } = await createChallenge();
    const enrollment = await enrollDirectly(challenge.id, creator.id);
    const first = { events: [event(creator.handle, 600), event(creator.handle, 500)] };
    await post(first);
    await post(first);
    // A late, out-of-order event that occurred earlier still counts.
    await post({ events: [event(creator.handle, 4000, new Date(Date.now() - 3600_000))] });
    await post({ events: [event(creator.handle, 10)] });
    const awards = await awardsFor(enrollment.id);
    expect(awards.map((a) => a.milestoneId).sort()).toEqual(milestones.map((m) => m.id).sort());
    const entries = await bonusEntries(creator.id);
    expect(entries.map((e) => e.amountMinor).sort((a, b) => a - b)).toEqual([2500, 10_000]);
    const db = await getDb();
    const [c] = await db.select({ spent: challenges.spentMinor }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(c.spent).toBe(12_500);
  });

  it("never exceeds the budget: a milestone reached after it is spent is recorded unpaid", async () => {
    const { challenge } = await createChallenge({ budgetMinor: 1500, milestones: [{ metric: "stars_received", threshold: 10, rewardMinor: 1000 }] });
    const a = await createCreator();
    const b = await createCreator();
    const ea = await enrollDirectly(challenge.id, a.creator.id);
    const eb = await enrollDirectly(challenge.id, b.creator.id);
    await post({ events: [event(a.creator.handle, 10)] });
    await post({ events: [event(b.creator.handle, 10)] });
    expect((await awardsFor(ea.id))[0].status).toBe("paid");
    expect((await awardsFor(eb.id))[0].status).toBe("unpaid_budget");
    expect(await bonusEntries(b.creator.id)).toHaveLength(0);
    const db = await getDb();
    const [c] = await db.select({ spent: challenges.spentMinor }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(c.spent).toBe(1000);
  });

  it("converts a bonus into the creator's currency at the day's rate and keeps the rate", async () => {
    const db = await getDb();
    const day = new Date().toISOString().slice(0, 10);
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values (${day}, 'EUR', 'BRL', 5500000) on conflict do nothing`);
    const { creator } = await createCreator({ country: "BR", currency: "BRL" });
    const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 10, rewardMinor: 1001 }] });
    await enrollDirectly(challenge.id, creator.id);
    await post({ events: [event(creator.handle, 10)] });
    const [entry] = await bonusEntries(creator.id);
    expect(entry).toMatchObject({ amountMinor: 5506, currency: "BRL", originalAmountMinor: 1001, originalCurrency: "EUR", fxRateMicros: 5_500_000 });
  });
});
