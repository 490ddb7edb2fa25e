import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { ledgerEntries, milestoneAwards } from "@/db/schema";
import { event, postEvents } from "@/test/events";
import { createChallenge, createCreator, enrollDirectly } from "@/test/factories";

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
});
