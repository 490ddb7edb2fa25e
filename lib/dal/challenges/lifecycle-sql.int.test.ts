import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { challenges } from "@/db/schema";
import { lifecycleOf } from "@/lib/domain/lifecycle";
import { createChallenge } from "@/test/factories";
import { lifecycleSql } from "./lifecycle-sql";

const DAY = 86_400_000;

// The lifecycle is written twice, once for pages (TypeScript) and once for filters (SQL):
// this keeps the two in step for every state and window.
describe("lifecycleSql agrees with lifecycleOf", () => {
  it.each([
    ["draft", -1, 1],
    ["archived", -1, 1],
    ["published", 1, 2],
    ["published", -1, 1],
    ["published", -2, -1],
  ] as const)("%s, starting in %i days, ending in %i days", async (state, startInDays, endInDays) => {
    const now = Date.now();
    const { challenge } = await createChallenge({ state, startsAt: new Date(now + startInDays * DAY), endsAt: new Date(now + endInDays * DAY) });
    const db = await getDb();
    const [row] = await db.select({ lifecycle: sql<string>`${lifecycleSql}` }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(row.lifecycle).toBe(lifecycleOf(challenge));
  });
});
