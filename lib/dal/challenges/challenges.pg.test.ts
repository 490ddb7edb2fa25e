import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, transactionsRetried } from "@/db";
import { challenges, enrollments } from "@/db/schema";
import { createChallenge, createCreator, enrollDirectly } from "@/test/factories";
import { event, postEvents } from "@/test/events";
import { enrollMe } from "./commands";
import { asCaller } from "@/test/caller";

describe("enrollment race (PostgreSQL)", () => {
  it("lets exactly 10 of 50 creators racing for the last 10 places in", async () => {
    const { challenge } = await createChallenge({ enrollmentCap: 12 });
    const early = [await createCreator(), await createCreator()];
    for (const c of early) await asCaller(c.user.id, (c) => enrollMe(c, challenge.id));
    const racers = await Promise.all(Array.from({ length: 50 }, () => createCreator()));
    const outcomes = await Promise.allSettled(racers.map((r) => asCaller(r.user.id, (c) => enrollMe(c, challenge.id))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    const db = await getDb();
    expect(await db.select().from(enrollments).where(eq(enrollments.challengeId, challenge.id))).toHaveLength(12);
    const [c] = await db.select({ n: challenges.enrolledCount }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(c.n).toBe(12);
  });

  it("keeps one enrollment when the same creator double-clicks", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({ enrollmentCap: 3 });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => asCaller(user.id, (c) => enrollMe(c, challenge.id))));
    expect(outcomes.filter((o) => o.status === "enrolled")).toHaveLength(1);
    const db = await getDb();
    expect(await db.select().from(enrollments).where(eq(enrollments.creatorId, creator.id))).toHaveLength(1);
    const [c] = await db.select({ n: challenges.enrolledCount }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(c.n).toBe(1);
  });
  it("enrolls while event batches pay awards from the same challenge's budget, with no deadlock", async () => {
    // An enrollment locks the challenge's row (its counter), then the creator's data version; a
    // batch with that creator's events locks the version, then the challenge's row to pay
    // another creator's award. Both now take the version first.
    const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 10, rewardMinor: 100 }] });
    const rounds = 12;
    const retriedBefore = transactionsRetried();
    const joining = await Promise.all(Array.from({ length: rounds }, () => createCreator()));
    const crossing = await Promise.all(Array.from({ length: rounds }, () => createCreator()));
    for (const c of crossing) await enrollDirectly(challenge.id, c.creator.id);
    const results = await Promise.allSettled(
      joining.flatMap((j, i) => [
        postEvents({ events: [event(j.creator.handle, 3), event(crossing[i].creator.handle, 10)] }).then((r) => expect(r.status).toBe(200)),
        asCaller(j.user.id, (c) => enrollMe(c, challenge.id)).then((r) => expect(r.status).toBe("enrolled")),
      ]),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    // Not one deadlock to recover from (the ingest would have run again, transparently).
    expect(transactionsRetried() - retriedBefore).toBe(0);
    const db = await getDb();
    const [c] = await db.select({ n: challenges.enrolledCount, spent: challenges.spentMinor }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(c).toEqual({ n: 2 * rounds, spent: 100 * rounds });
  });
});
