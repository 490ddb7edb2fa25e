import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { challenges, enrollments } from "@/db/schema";
import { createChallenge, createCreator } from "@/test/factories";
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
});
